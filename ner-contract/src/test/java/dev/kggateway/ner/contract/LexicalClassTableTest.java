package dev.kggateway.ner.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LexicalClassTableTest {

    private static final LexicalClassTable TABLE = new LexicalClassTable(Map.of(
            "potassium", LexicalClass.MATERIAL, "permanganate", LexicalClass.CHEMICAL, "box", LexicalClass.CONTAINER,
            "tube", LexicalClass.ARTIFACT, "flask", LexicalClass.CONTAINER, "use", LexicalClass.OTHER_NOUN,
            "inch", LexicalClass.UNIT_OF_MEASURE, "in", LexicalClass.UNIT_OF_MEASURE, "a", LexicalClass.UNIT_OF_MEASURE,
            "large", LexicalClass.ADJECTIVE));

    @Test
    void looksUpCaseAndPunctuationInsensitively() {
        assertEquals(LexicalClass.MATERIAL, TABLE.classOf("Potassium"));
        assertEquals(LexicalClass.CHEMICAL, TABLE.classOf("PERMANGANATE,"));
        assertEquals(LexicalClass.CONTAINER, TABLE.classOf("(Flask)"));
        assertEquals(LexicalClass.UNIT_OF_MEASURE, TABLE.classOf("in."));
        assertEquals(LexicalClass.UNKNOWN, TABLE.classOf("Nalgene™"));
        assertEquals(LexicalClass.UNKNOWN, TABLE.classOf("-"));
    }

    @Test
    void lemmatisesWithWordNetsSuffixRules() {
        assertEquals(LexicalClass.CONTAINER, TABLE.classOf("boxes"));
        assertEquals(LexicalClass.ARTIFACT, TABLE.classOf("Tubes"));
        assertEquals(LexicalClass.ADJECTIVE, TABLE.classOf("larger"));
        assertEquals(LexicalClass.ADJECTIVE, TABLE.classOf("largest"));
        assertEquals(LexicalClass.UNKNOWN, TABLE.classOf("s"), "a suffix alone is no word");
    }

    @Test
    void hyphenatedWordsFallBackToTheirLastPart() {
        assertEquals(LexicalClass.OTHER_NOUN, TABLE.classOf("Single-Use"));
        assertEquals(LexicalClass.CONTAINER, TABLE.classOf("Erlenmeyer-Flasks"));
    }

    @Test
    void closedClassWordsAreFunctionWordsWhateverTheTableSays() {
        assertEquals(LexicalClass.FUNCTION, TABLE.classOf("a"));
        assertEquals(LexicalClass.FUNCTION, TABLE.classOf("with"));
        assertEquals(LexicalClass.FUNCTION, TABLE.classOf("x"));
        assertEquals(LexicalClass.UNIT_OF_MEASURE, TABLE.classOf("in"), "'in' is an inch more often than not in a catalogue");
    }

    @Test
    void writesAndReadsTheCompressedTable(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(LexicalClassTable.FILE);
        TABLE.write(file);
        LexicalClassTable back = LexicalClassTable.read(file);
        assertEquals(TABLE.size(), back.size());
        for (String w : List.of("potassium", "boxes", "Single-Use", "Nalgene")) {
            assertEquals(TABLE.classOf(w), back.classOf(w), w);
        }
        byte[] first = Files.readAllBytes(file);
        TABLE.write(file);
        assertTrue(java.util.Arrays.equals(first, Files.readAllBytes(file)), "same table, same bytes");
    }

    @Test
    void refusesAnUnknownClassNamingTheLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.tsv.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("tube\tARTIFACT\nflask\tVESSEL\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> LexicalClassTable.read(file));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("VESSEL"), e.getMessage());
    }
}
