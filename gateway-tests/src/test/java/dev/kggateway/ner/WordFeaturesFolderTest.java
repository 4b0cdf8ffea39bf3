package dev.kggateway.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kggateway.ner.contract.LexicalClass;
import dev.kggateway.ner.contract.LexicalClassTable;
import dev.kggateway.ner.contract.ModelFolderFiles;
import dev.kggateway.ner.contract.WordFeatures;
import dev.kggateway.ner.contract.WordShape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Word features (MODEL_CONTRACT.md) as the gateway reads them: a folder whose config.json announces
 * {@code word_features} is fed feature ids from its own lexical-class table (no dictionary at run time), one that
 * announces them without the table is refused naming the file, and folders without the entry (models before 2.5.0,
 * seed-style exports) are fed word pieces only. The shipped model (2.5.0 and later) announces them.
 */
class WordFeaturesFolderTest {

    private static final LexicalClassTable TABLE = new LexicalClassTable(Map.of(
            "permanganate", LexicalClass.CHEMICAL, "bottle", LexicalClass.CONTAINER));

    /**
     * The shipped folder's files except its lexical-class table, with config.json announcing word features; the
     * test's own table is written if asked.
     */
    static Path announcingFeatures(boolean withTable) throws Exception {
        Path dir = shippedFilesWithoutTable("features-folder");
        ObjectNode config = (ObjectNode) ModelFolderFiles.readJson(dir.resolve(ModelFolderFiles.CONFIG));
        config.set(WordFeatures.CONFIG_KEY, WordFeatures.configEntry());
        ModelFolderFiles.writeJson(dir.resolve(ModelFolderFiles.CONFIG), config);
        if (withTable) {
            TABLE.write(dir.resolve(LexicalClassTable.FILE));
        }
        return dir;
    }

    /** The shipped folder's files (variables left empty) without its lexical-class table. */
    private static Path shippedFilesWithoutTable(String prefix) throws Exception {
        Path dir = Files.createTempDirectory(prefix);
        try (Stream<Path> files = Files.list(SeedStyleModelFolderTest.SHIPPED)) {
            for (Path f : files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().equals(LexicalClassTable.FILE)).toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        Files.createDirectories(dir.resolve(ModelFolderFiles.VARIABLES));
        return dir;
    }

    @Test
    void aFolderAnnouncingFeaturesIsFedIdsFromItsOwnTable() throws Exception {
        WordFeatures features = ModelFolder.open(announcingFeatures(true)).features().orElseThrow();
        assertEquals(WordFeatures.id(LexicalClass.CHEMICAL, WordShape.TITLE), features.id("Permanganate"));
        assertEquals(WordFeatures.id(LexicalClass.CONTAINER, WordShape.LOWER), features.id("bottles,"));
        assertEquals(WordFeatures.id(LexicalClass.UNKNOWN, WordShape.TITLE), features.id("Nalgene™"));
    }

    @Test
    void aFolderAnnouncingFeaturesWithoutItsTableIsRefused() throws Exception {
        Path dir = announcingFeatures(false);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ModelFolder.open(dir));
        assertTrue(e.getMessage().contains(LexicalClassTable.FILE), e.getMessage());
    }

    @Test
    void foldersWithoutTheEntryTakeWordPiecesOnly() throws Exception {
        Path noEntry = shippedFilesWithoutTable("features-no-entry");
        ObjectNode config = (ObjectNode) ModelFolderFiles.readJson(noEntry.resolve(ModelFolderFiles.CONFIG));
        config.remove(WordFeatures.CONFIG_KEY);
        ModelFolderFiles.writeJson(noEntry.resolve(ModelFolderFiles.CONFIG), config);
        assertTrue(ModelFolder.open(noEntry).features().isEmpty(), "a folder as models before 2.5.0 ship it");
        Path seed = SeedStyleModelFolderTest.seedStyleCopy(Files.createTempDirectory("seed-style-no-features"));
        assertTrue(ModelFolder.open(seed).features().isEmpty(), "a seed-style export");
    }

    @Test
    void theShippedModelIsFedIdsFromTheTableInItsFolder() throws Exception {
        WordFeatures features = ModelFolder.open(SeedStyleModelFolderTest.SHIPPED).features().orElseThrow();
        // WordNet classes the shipped table was built with (permanganate is a chemical, a bottle a container)
        assertEquals(WordFeatures.id(LexicalClass.CHEMICAL, WordShape.TITLE), features.id("Permanganate"));
        assertEquals(WordFeatures.id(LexicalClass.CONTAINER, WordShape.LOWER), features.id("bottles,"));
    }
}
