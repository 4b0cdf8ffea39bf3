package dev.kggateway.ner.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class ValueTextTest {

    static String value(String s) {
        return ValueText.value(s, 0, s.length());
    }

    @Test
    void wordsAreWhitespaceSeparatedWithOffsets() {
        String text = " Syringes,  Luer-Slip\u00a0tip\t(Pack of 12)";
        List<Words.Word> words = Words.split(text);
        assertEquals(List.of("Syringes,", "Luer-Slip", "tip", "(Pack", "of", "12)"), Words.strings(text));
        assertEquals(1, words.get(0).start());
        assertEquals("Luer-Slip", words.get(1).in(text));
    }

    @Test
    void innerPunctuationStaysEdgePunctuationGoes() {
        assertEquals("single-use", value("Single-Use"));
        assertEquals("luer-slip tip", value("Luer-Slip tip,"));
        assertEquals("99.9%", value("99.9%"));
        assertEquals("pack of 12", value("(Pack of 12)"));
        assertEquals("pack of 12", value("(Pack of 12),"));
        assertEquals("valve", value("valve,"));
        assertEquals("500", value("(500"));
        assertEquals("rnase/dnase-free", value("\"RNase/DNase-free\";"));
        assertEquals("≥98%", value("≥98%"));
    }

    @Test
    void abbreviationsKeepTheirDotSentencesLoseIt() {
        assertEquals("1/4 in.", value("1/4 in."));
        assertEquals("8 oz.", value("8 oz.)"));
        assertEquals("no.", value("No."));
        assertEquals("u.s.p.", value("U.S.P."));
        assertEquals("sterile", value("Sterile."));
        assertEquals("50 ml", value("50 mL."));
        assertEquals("-20", value("-20"));
        assertEquals(".5 ml", value(".5 mL"));
    }

    @Test
    void inchAndFootMarksAfterDigitsStayQuotesGo() {
        assertEquals("0.010\"", value("0.010\""));
        assertEquals("6'", value("6'"));
        assertEquals("nalgene", value("\"Nalgene\""));
    }

    @Test
    void trademarkSignsAreNotPartOfAValue() {
        assertEquals("nalgene", value("Nalgene™"));
        assertEquals("falcon tubes", value("Falcon® tubes"));
        assertEquals("kimwipes", value("Kimwipes™,"));
    }

    @Test
    void punctuationOnlyIsNoValue() {
        for (String s : List.of("-", ".", "..", "%", "™", "(", "()", "—", "\"", "/", "*", ", ;")) {
            assertNull(value(s), s);
        }
    }

    @Test
    void bracketsStayBalanced() {
        // the closing bracket stays when its opening one does (it used to be stripped: "activated carbon (charcoal")
        assertEquals("activated carbon (charcoal)", value("Activated Carbon (Charcoal)"));
        assertEquals("activated carbon (charcoal)", value("Activated Carbon (Charcoal),"));
        assertEquals("isopropyl alcohol (isopropanol)", value("Isopropyl Alcohol (Isopropanol);"));
        assertEquals("(a) and (b)", value("(a) and (b)"));
        // a pair around the whole value goes, also behind other edge punctuation and nested
        assertEquals("pack of 12", value("((Pack of 12))."));
        assertEquals("novex tris-glycine", value("[Novex Tris-Glycine],"));
        // unpaired edge brackets go, an unpaired inner one is removed: never half a pair
        assertEquals("crystals", value("Crystals)"));
        assertEquals("granules mesh", value("Granules (Mesh"));
        assertEquals("fine granular", value("Fine) Granular"));
        assertEquals("sodium chloride (nacl)", value("Sodium Chloride (NaCl))"));
        for (String s : List.of("Activated Carbon (Charcoal", "x) (y", "a (b [c) d]", "((x)", "(x))")) {
            String v = value(s);
            long open = v.chars().filter(c -> c == '(' || c == '[').count();
            long close = v.chars().filter(c -> c == ')' || c == ']').count();
            assertEquals(open, close, s + " -> " + v);
        }
    }

    @Test
    void asciiTrademarkSpellingsGoLikeTheSigns() {
        assertEquals("viton", value("Viton(R)"));
        assertEquals("triton x-100", value("Triton(TM) X-100"));
        assertEquals("vitamin c (c)", value("Vitamin C (C)"));
    }

    @Test
    void boundsPointIntoTheText() {
        String text = "Tubes (Pack of 12), sterile";
        int from = text.indexOf('(');
        int[] b = ValueText.bounds(text, from, text.indexOf(','));
        assertEquals("Pack of 12", text.substring(b[0], b[1]));
        String carbon = "Activated Carbon (Charcoal), 500 g";
        b = ValueText.bounds(carbon, 0, carbon.indexOf(','));
        assertEquals("Activated Carbon (Charcoal)", carbon.substring(b[0], b[1]));
    }

    @Test
    void normalisationIsTheStoredValueOne() {
        assertEquals("a b", ValueText.normalise("  A \u00a0\t B "));
        assertEquals("é", ValueText.normalise("E\u0301"));
    }
}
