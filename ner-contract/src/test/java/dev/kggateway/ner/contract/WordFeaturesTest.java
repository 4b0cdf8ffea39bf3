package dev.kggateway.ner.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordFeaturesTest {

    private static final LexicalClassTable TABLE = new LexicalClassTable(Map.of(
            "potassium", LexicalClass.MATERIAL, "permanganate", LexicalClass.CHEMICAL, "crystal", LexicalClass.SUBSTANCE));

    @Test
    void idsOfAText() {
        WordFeatures f = new WordFeatures(TABLE);
        assertArrayEquals(new int[] {
            WordFeatures.id(LexicalClass.MATERIAL, WordShape.TITLE),
            WordFeatures.id(LexicalClass.CHEMICAL, WordShape.TITLE),
            WordFeatures.id(LexicalClass.SUBSTANCE, WordShape.LOWER),
            WordFeatures.id(LexicalClass.FUNCTION, WordShape.LOWER),
            WordFeatures.id(LexicalClass.UNKNOWN, WordShape.NUMBER_UNIT),
            WordFeatures.id(LexicalClass.UNKNOWN, WordShape.TITLE),
        }, f.ids(List.of("Potassium", "Permanganate", "crystals,", "with", "500g", "Nalgene™")));
    }

    @Test
    void aFolderWithoutTheConfigEntryTakesNoFeatures(@TempDir Path dir) throws Exception {
        assertTrue(WordFeatures.read(dir).isEmpty(), "no config.json (seed-style folder)");
        ModelFolderFiles.writeJson(dir.resolve(ModelFolderFiles.CONFIG), Map.of("max_sequence_length", 64));
        assertTrue(WordFeatures.read(dir).isEmpty(), "config.json without word_features (model 2.3.0 and older)");
    }

    @Test
    void aFolderWithTheEntryAndTableRoundTrips(@TempDir Path dir) throws Exception {
        ObjectNode config = ModelFolderFiles.json().createObjectNode();
        config.put("max_sequence_length", 64);
        config.set(WordFeatures.CONFIG_KEY, WordFeatures.configEntry());
        ModelFolderFiles.writeJson(dir.resolve(ModelFolderFiles.CONFIG), config);
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> WordFeatures.read(dir));
        assertTrue(missing.getMessage().contains(LexicalClassTable.FILE), missing.getMessage());
        TABLE.write(dir.resolve(LexicalClassTable.FILE));
        WordFeatures read = WordFeatures.read(dir).orElseThrow();
        assertEquals(new WordFeatures(TABLE).id("Potassium"), read.id("Potassium"));
    }

    @Test
    void refusesAFolderWhoseClassListDiffers(@TempDir Path dir) throws Exception {
        ObjectNode config = ModelFolderFiles.json().createObjectNode();
        ObjectNode entry = WordFeatures.configEntry();
        ((ArrayNode) entry.get("lexical_classes")).remove(3); // ids would shift by one class
        config.set(WordFeatures.CONFIG_KEY, entry);
        ModelFolderFiles.writeJson(dir.resolve(ModelFolderFiles.CONFIG), config);
        TABLE.write(dir.resolve(LexicalClassTable.FILE));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> WordFeatures.read(dir));
        assertTrue(e.getMessage().contains("word_features"), e.getMessage());
        assertTrue(Files.isRegularFile(dir.resolve(LexicalClassTable.FILE)));
    }
}
