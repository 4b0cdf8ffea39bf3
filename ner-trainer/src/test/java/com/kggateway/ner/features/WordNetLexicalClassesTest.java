package com.kggateway.ner.features;

import dev.kggateway.ner.contract.LexicalClass;
import dev.kggateway.ner.contract.LexicalClassTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The WordNet-derived table classes catalogue words as a reader would (one build, about 10 s). */
class WordNetLexicalClassesTest {
    private static LexicalClassTable table;

    @BeforeAll
    static void build() {
        table = WordNetLexicalClasses.build();
    }

    @Test
    void classesCatalogueVocabulary() {
        Map<String, LexicalClass> expected = Map.ofEntries(
                Map.entry("Permanganate", LexicalClass.CHEMICAL), Map.entry("acetone", LexicalClass.CHEMICAL),
                Map.entry("chloride", LexicalClass.CHEMICAL), Map.entry("Polypropylene", LexicalClass.MATERIAL),
                Map.entry("nylon", LexicalClass.MATERIAL),
                Map.entry("steel", LexicalClass.MATERIAL), Map.entry("white", LexicalClass.COLOR),
                Map.entry("amber", LexicalClass.COLOR), Map.entry("Beakers", LexicalClass.CONTAINER),
                Map.entry("flask", LexicalClass.CONTAINER), Map.entry("syringe", LexicalClass.DEVICE),
                Map.entry("Scalpels", LexicalClass.DEVICE), Map.entry("mL", LexicalClass.UNIT_OF_MEASURE),
                Map.entry("gallon", LexicalClass.UNIT_OF_MEASURE), Map.entry("pack", LexicalClass.QUANTITY),
                Map.entry("powder", LexicalClass.SUBSTANCE), Map.entry("sterile", LexicalClass.ADJECTIVE),
                Map.entry("anhydrous", LexicalClass.ADJECTIVE), Map.entry("Nalgene™", LexicalClass.UNKNOWN),
                Map.entry("with", LexicalClass.FUNCTION));
        expected.forEach((word, c) -> assertEquals(c, table.classOf(word), word));
    }

    @Test
    void coversWordNetsSingleWordLemmas() {
        assertTrue(table.size() > 60_000, "single-word lemmas of all parts of speech: " + table.size());
    }
}
