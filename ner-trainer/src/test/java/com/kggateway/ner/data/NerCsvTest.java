package com.kggateway.ner.data;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NerCsvTest {

    private static List<TaggedSentence> read(String csv) throws Exception {
        return NerCsv.read(new StringReader(csv));
    }

    @Test
    void readsKaggleStyleWithIdOnlyOnFirstWordAndQuotedFields() throws Exception {
        List<TaggedSentence> s = read("Sentence #,Word,Tag\n"
                + "Sentence: 1,General,B-type\n,Purpose,I-type\n,Couplings,B-product\n"
                + "Sentence: 2,\"1/4\"\"\",B-size\n,\"a,b\",O\n");
        assertEquals(2, s.size());
        assertEquals(List.of("General", "Purpose", "Couplings"), s.get(0).words());
        assertEquals(List.of("B-type", "I-type", "B-product"), s.get(0).tags());
        assertEquals(List.of("1/4\"", "a,b"), s.get(1).words());
    }

    @Test
    void readsIdOnEveryRowAndIgnoresExtraColumns() throws Exception {
        List<TaggedSentence> s = read("Sentence #,Word,POS,Tag\n1,tubes,NNS,B-product\n1,50,CD,B-size\n2,gloves,NNS,B-product\n");
        assertEquals(2, s.size());
        assertEquals(List.of("tubes", "50"), s.get(0).words());
    }

    @Test
    void rejectsInvalidTagWithLineNumber() {
        CsvFormatException e = assertThrows(CsvFormatException.class,
                () -> read("Sentence #,Word,Tag\nSentence: 1,tubes,B-product\n,50,SIZE\n"));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith("line 3:"));
    }

    @Test
    void rejectsWrongFieldCountWithLineNumber() {
        CsvFormatException e = assertThrows(CsvFormatException.class,
                () -> read("Sentence #,Word,POS,Tag\nSentence: 1,tubes,\"NN\nS\",B-product\n,a,X,O\n,50,CD,B-size,extra\n"));
        assertEquals(5, e.line());
    }

    @Test
    void rejectsEmptyWordAndMissingFirstId() {
        assertEquals(2, assertThrows(CsvFormatException.class, () -> read("Sentence #,Word,Tag\n,tubes,O\n")).line());
        assertEquals(3, assertThrows(CsvFormatException.class,
                () -> read("Sentence #,Word,Tag\nS1,tubes,O\nS1,,O\n")).line());
    }

    @Test
    void rejectsMissingColumn() {
        assertThrows(CsvFormatException.class, () -> read("Sentence,Word,Tag\n1,a,O\n"));
    }

    @Test
    void writeThenReadRoundTrips() throws Exception {
        List<TaggedSentence> in = List.of(
                new TaggedSentence("a", List.of("1/4\"", "in.", ","), List.of("B-size", "I-size", "O")),
                new TaggedSentence("b", List.of("gloves"), List.of("B-product")));
        StringWriter w = new StringWriter();
        NerCsv.write(in, w);
        List<TaggedSentence> out = read(w.toString());
        assertEquals(in.get(0).words(), out.get(0).words());
        assertEquals(in.get(1).tags(), out.get(1).tags());
        assertTrue(w.toString().contains("\n,in.,I-size\n"), "continuation rows leave Sentence # empty");
    }

    @Test
    void unknownTagIsAcceptedAndWordsMustNotHoldAnyWhitespace() throws Exception {
        List<TaggedSentence> s = read("Sentence #,Word,Tag\n1,Nalgene™,B-brand\n1,bottles,?\n");
        assertEquals(List.of("B-brand", "?"), s.get(0).tags());
        assertThrows(CsvFormatException.class, () -> read("Sentence #,Word,Tag\n1,50\u00a0mL,B-size\n"));
    }
}
