package com.kggateway.ner.gen;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Every held-out phrase of the hand lexicon and the WordNet lists, lower case: phrases made by format generators
 * (purity grades) or by composition (plurals, "… Crystals") that coincide with or end in one are kept out of
 * training data.
 */
final class HeldOutLexicon {
    private static final Set<String> PHRASES = build();

    private HeldOutLexicon() { }

    static boolean contains(String phrase) {
        return PHRASES.contains(phrase.toLowerCase(Locale.ROOT));
    }

    /** Whether the phrase or one of its word suffixes ("sights" in "panoramic sights") is a held-out phrase. */
    static boolean endsWithHeldOut(String phrase) {
        String p = phrase.toLowerCase(Locale.ROOT);
        int start = 0;
        while (true) {
            if (PHRASES.contains(p.substring(start))) {
                return true;
            }
            int space = p.indexOf(' ', start);
            if (space < 0) {
                return false;
            }
            start = space + 1;
        }
    }

    private static Set<String> build() {
        Set<String> out = new HashSet<>();
        for (Family f : Lexicon.FAMILIES) {
            for (List<String> phrases : f.slots().values()) {
                for (String p : phrases) {
                    if (VocabularySplit.isHeldOut(p)) {
                        out.add(p.toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        for (String p : Lexicon.MATERIAL_ABBREVIATIONS) {
            if (VocabularySplit.isHeldOut(p)) {
                out.add(p.toLowerCase(Locale.ROOT));
            }
        }
        for (String p : Lexicon.CHEMICAL_FORMS) {
            if (VocabularySplit.isHeldOut(p)) {
                out.add(p.toLowerCase(Locale.ROOT));
            }
        }
        WordNetVocabulary wn = WordNetVocabulary.get();
        for (List<String> phrases : List.of(wn.colors, wn.materials, wn.chemicals, wn.products)) {
            for (String p : phrases) {
                if (VocabularySplit.isHeldOut(p)) {
                    out.add(p);
                }
            }
        }
        return Set.copyOf(out);
    }
}
