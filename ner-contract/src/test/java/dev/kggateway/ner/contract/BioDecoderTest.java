package dev.kggateway.ner.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BioDecoderTest {

    static List<Entity> decode(String text, List<String> tags, double... probs) {
        return BioDecoder.entities(text, Words.split(text), tags, probs.length == 0 ? null : probs);
    }

    @Test
    void seqevalLenientSemantics() {
        assertEquals(List.of(new BioDecoder.TagSpan("size", 0, 2), new BioDecoder.TagSpan("color", 2, 3),
                new BioDecoder.TagSpan("color", 4, 5)),
                BioDecoder.spans(List.of("B-size", "I-size", "I-color", "O", "I-color", "?")));
        assertEquals(List.of(new BioDecoder.TagSpan("brand", 0, 1), new BioDecoder.TagSpan("brand", 1, 2)),
                BioDecoder.spans(List.of("B-brand", "B-brand")));
    }

    @Test
    void issueExamplesDecodeToWholeWords() {
        List<Entity> e = decode("Single-Use Scalpels", List.of("B-type", "B-product"));
        assertEquals("single-use", e.get(0).value());
        assertEquals("scalpels", e.get(1).value());

        e = decode("Syringes, Luer-Slip tip", List.of("B-product", "B-addon", "I-addon"));
        assertEquals("syringes", e.get(0).value());
        assertEquals("luer-slip tip", e.get(1).value());

        e = decode("99.9% ACS Grade", List.of("B-grade", "I-grade", "I-grade"));
        assertEquals("99.9% acs grade", e.get(0).value());

        e = decode("Couplings, Acetal, 1/4 in.", List.of("B-product", "B-material", "B-size", "I-size"));
        assertEquals("1/4 in.", e.get(2).value());

        e = decode("Shim 0.010\" thick", List.of("B-product", "B-size", "O"));
        assertEquals("0.010\"", e.get(1).value());

        e = decode("Nalgene™ bottles (Pack of 12)", List.of("B-brand", "B-product", "B-quantity", "I-quantity", "I-quantity"));
        assertEquals(List.of("nalgene", "bottles", "pack of 12"), e.stream().map(Entity::value).toList());
        Entity pack = e.get(2);
        assertEquals("Pack of 12", "Nalgene™ bottles (Pack of 12)".substring(pack.start(), pack.end()));
    }

    @Test
    void punctuationOnlyEntitiesAreDroppedWhateverTheModelSays() {
        List<Entity> e = decode("Tubes - . .. % 50 mL", List.of("B-product", "B-size", "B-color", "B-grade", "B-grade", "B-size", "I-size"));
        assertEquals(List.of("tubes", "50 ml"), e.stream().map(Entity::value).toList());
        for (Entity x : e) {
            assertTrue(x.value().codePoints().anyMatch(Character::isLetterOrDigit));
        }
    }

    @Test
    void connectorWordsNeverStartOrEndAValue() {
        // a dimension or range the model cut in two: the dangling "x" / "to" is not part of either value
        List<Entity> e = decode("Sheet 12\" x 12\"", List.of("B-product", "B-size", "I-size", "B-size"));
        assertEquals(List.of("sheet", "12\"", "12\""), e.stream().map(Entity::value).toList());
        e = decode("Range 20 to 30.0 mL", List.of("B-product", "B-size", "I-size", "B-size", "I-size"),
                0.9, 0.8, 0.2, 0.6, 0.7);
        assertEquals(List.of("range", "20", "30.0 ml"), e.stream().map(Entity::value).toList());
        // confidence is over the words that stay
        assertEquals(0.8, e.get(1).confidence(), 1e-9);
        assertEquals(1, e.get(1).firstWord());
        assertEquals(2, e.get(1).endWord());
        e = decode("Hose Barb to NPT, Tubing for pumps", List.of("B-product", "I-product", "I-product", "B-size",
                "B-product", "I-product", "O"));
        assertEquals(List.of("hose barb", "npt", "tubing"), e.stream().map(Entity::value).toList());
        // a value made only of connectors is no value
        e = decode("Pack of 4 in box", List.of("B-quantity", "B-quantity", "B-size", "B-size", "O"));
        assertEquals(List.of("pack", "4"), e.stream().map(Entity::value).toList());
    }

    @Test
    void connectorsThatBelongToValuesStay() {
        // multipack "4 X" before a size is a quantity; "with ..." starts a type; "1/4 in" a size; "Type A" a type
        // (an add-on's leading "with" is the one exception: addOnValuesLoseTheirLeadingConnector)
        List<Entity> e = decode("4 X 500 mL bottles with handle, 1/4 in, Type A",
                List.of("B-quantity", "I-quantity", "B-size", "I-size", "B-product", "B-type", "I-type", "B-size",
                        "I-size", "B-type", "I-type"));
        assertEquals(List.of("4 x", "500 ml", "bottles", "with handle", "1/4 in", "type a"),
                e.stream().map(Entity::value).toList());
        e = decode("PBS 10 X, 12\" x", List.of("B-product", "B-grade", "I-grade", "B-size", "I-size"));
        assertEquals(List.of("pbs", "10 x", "12\""), e.stream().map(Entity::value).toList());
        // a lone "x" is no quantity either
        assertEquals(List.of(), decode("x", List.of("B-quantity")));
    }

    @Test
    void addOnValuesLoseTheirLeadingConnector() {
        // the dev-set guide labels the connector inside the add-on; the stored value is what follows, so every
        // spelling of the connector links the same property node
        for (String connector : List.of("with", "With", "w/", "W/", "w", "incl.", "Incl", "including", "includes",
                "featuring", "plus", "and", "(with", "With,")) {
            String text = "Couplings " + connector + " valve";
            List<Entity> e = decode(text, List.of("B-product", "B-addon", "I-addon"), 0.9, 0.2, 0.8);
            assertEquals(List.of("couplings", "valve"), e.stream().map(Entity::value).toList(), text);
            Entity valve = e.get(1);
            assertEquals("valve", text.substring(valve.start(), valve.end()), text);
            assertEquals(2, valve.firstWord(), text);
            assertEquals(0.8, valve.confidence(), 1e-9, "confidence is over the words that stay: " + text);
        }
        assertEquals(List.of("screw caps"),
                decode("w/ screw caps", List.of("B-addon", "I-addon", "I-addon")).stream().map(Entity::value).toList());
        // several connectors, and brackets around the whole add-on
        assertEquals(List.of("refill insert"), decode("(Incl. with Refill Insert)",
                List.of("B-addon", "I-addon", "I-addon", "I-addon")).stream().map(Entity::value).toList());
        // "w/" glued to the add-on
        List<Entity> glued = decode("Wipes w/IPA and Methanol", List.of("B-product", "B-addon", "I-addon", "I-addon"));
        assertEquals("ipa and methanol", glued.get(1).value());
        assertEquals("IPA and Methanol", "Wipes w/IPA and Methanol".substring(glued.get(1).start(), glued.get(1).end()));
        assertEquals("thi-vex", decode("(W/THI-VEX)", List.of("B-addon")).get(0).value());
        // connectors that change the meaning stay: without, w/o (also glued), no; "in" starts a medium
        for (String kept : List.of("without calcium", "w/o glutamine", "w/o", "w/out caps", "no cap", "in di water")) {
            List<String> tags = new java.util.ArrayList<>(List.of("B-addon"));
            for (int i = 1; i < kept.split(" ").length; i++) {
                tags.add("I-addon");
            }
            assertEquals(List.of(kept), decode(kept, tags).stream().map(Entity::value).toList(), kept);
        }
        // a connector alone is no add-on, and other types keep their leading "with" / "plus"
        assertEquals(List.of(), decode("with", List.of("B-addon")));
        assertEquals(List.of("with handle"), decode("with handle", List.of("B-type", "I-type")).stream()
                .map(Entity::value).toList());
        // gold labels go through the same decoding, so evaluation compares like with like
        LabelledText s = LabelledText.of(List.of("Tubes", "w/", "screw", "caps"),
                List.of("B-product", "B-addon", "I-addon", "I-addon"));
        assertEquals(List.of("tubes", "screw caps"), BioDecoder.gold(s).stream().map(Entity::value).toList());
    }

    @Test
    void confidenceIsMeanOrMinOfWordProbabilities() {
        String text = "50 mL tubes";
        List<String> tags = List.of("B-size", "I-size", "B-product");
        double[] p = {0.9, 0.5, 0.8};
        List<Entity> mean = BioDecoder.entities(text, Words.split(text), tags, p, BioDecoder.Confidence.MEAN);
        List<Entity> min = BioDecoder.entities(text, Words.split(text), tags, p, BioDecoder.Confidence.MIN);
        assertEquals(0.7, mean.get(0).confidence(), 1e-9);
        assertEquals(0.5, min.get(0).confidence(), 1e-9);
        assertEquals(0.8, mean.get(1).confidence(), 1e-9);
    }

    @Test
    void goldOfALabelledSentence() {
        LabelledText s = LabelledText.of(List.of("Nalgene™", "bottles,", "500", "mL"), List.of("B-brand", "B-product", "B-size", "I-size"));
        assertEquals("Nalgene™ bottles, 500 mL", s.text());
        assertEquals(List.of("nalgene", "bottles", "500 ml"), BioDecoder.gold(s).stream().map(Entity::value).toList());
    }
}
