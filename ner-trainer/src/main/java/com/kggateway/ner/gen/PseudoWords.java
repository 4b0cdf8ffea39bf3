package com.kggateway.ner.gen;

import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Invented, pronounceable words shaped like each entity type ("Veltrisa Labs", "Quorin Series", "dexal tubes").
 * Mixed into the training data so the model cannot rely on memorizing the lexicon and must read the context
 * and word shape, which is what lets it tag brands, series and products it has never seen.
 */
final class PseudoWords {
    private static final String[] ONSETS = {"b", "c", "d", "f", "g", "k", "l", "m", "n", "p", "qu", "r", "s", "t", "v",
            "z", "br", "cr", "dr", "fl", "gr", "pl", "st", "tr", "th", "ph", "x", "sh", "ch"};
    private static final String[] VOWELS = {"a", "e", "i", "o", "u", "y", "ae", "io", "ou", "ei"};
    private static final String[] CODAS = {"", "", "", "n", "r", "s", "x", "l", "m", "nt", "st", "ck"};
    private static final List<String> BRAND_SUFFIX = List.of("Labs", "Scientific", "Bio", "Instruments", "Technologies",
            "Medical", "Life Sciences", "Inc.", "GmbH", "Industries", "Lab Supply", "Co.", "Corp.", "LLC", "Ltd.", "Chemicals",
            "Chemical", "Supply", "Products", "International", "Group", "Laboratories", "Manufacturing");
    private static final List<String> SERIES_SUFFIX = List.of("Series", "Pro", "Plus", "XL", "Max", "II", "Line", "One", "Ultra");
    private static final List<String> PRODUCT_HEADS = List.of("tubes", "flasks", "bottles", "gloves", "filters", "tips",
            "plates", "vials", "racks", "clamps", "connectors", "caps", "meters", "mixers", "dishes", "funnels",
            "pipettes", "jars", "stands", "trays", "brushes", "sealers", "adapters", "holders", "cylinders", "buffer");
    private static final List<String> TYPE_SUFFIX = List.of("-free", "-wall", "-bottom", "-resistant", " grade", "-fit",
            "-top", "-style", "-mount", "able", "ic", "-lock", "-neck");
    private static final List<String> ADDON_HEADS = List.of("cap", "valve", "lid", "insert", "holder", "seal", "stopper",
            "handle", "adapter", "gasket", "liner", "septum");

    private PseudoWords() { }

    static String word(Random r) {
        StringBuilder sb = new StringBuilder();
        int syllables = 2 + r.nextInt(2);
        for (int i = 0; i < syllables; i++) {
            sb.append(pick(r, ONSETS)).append(pick(r, VOWELS));
        }
        sb.append(pick(r, CODAS));
        return sb.toString();
    }

    static String phrase(String slot, Random r) {
        switch (slot) {
            case "brand": {
                double k = r.nextDouble();
                if (k < 0.15) {
                    return acronym(r) + (r.nextBoolean() ? "" : " " + pick(r, BRAND_SUFFIX)); // "EMD", "BDH Chemicals"
                }
                if (k < 0.25) {
                    return cap(word(r)) + "-" + cap(word(r)); // "Cole-Parmer" shape
                }
                if (k < 0.32) {
                    return cap(word(r)) + cap(word(r).substring(0, 3)); // "SciLogex" shape
                }
                return cap(word(r)) + (r.nextDouble() < 0.6 ? " " + pick(r, BRAND_SUFFIX) : "");
            }
            case "series": {
                double k = r.nextDouble();
                if (k < 0.2) {
                    return word(r).substring(0, 2).toUpperCase(Locale.ROOT) + pick(r, List.of("-", "", " ")) + (10 + r.nextInt(990));
                }
                if (k < 0.3) {
                    return acronym(r) + " " + pick(r, List.of("Series", "Line", "Pro", "Plus", "II"));
                }
                if (k < 0.42) {
                    return pick(r, List.of("Pro", "EZ", "Ultra", "Max", "Flex", "Opti", "Micro", "Safe", "Tru", "Accu"))
                            + pick(r, List.of("-", "")) + cap(word(r)); // "Pro-Line", "EZGrip" shapes
                }
                if (k < 0.5) {
                    return cap(word(r)) + "-" + pick(r, List.of("Line", "Flo", "Grip", "Seal", "Lok", "Tite", "Pure"));
                }
                return cap(word(r)) + (r.nextDouble() < 0.6 ? " " + pick(r, SERIES_SUFFIX) : "");
            }
            case "product":
                return r.nextDouble() < 0.6 ? word(r) + " " + pick(r, PRODUCT_HEADS) : word(r) + "s";
            case "material":
                // polymer/chemical-looking names or acronyms, as real materials are (polypropylene, PVDF, acetal)
                return pick(r, List.of(word(r) + pick(r, List.of("ene", "ate", "ide", "ium", "ite", "al", "one")),
                        "poly" + word(r), acronym(r), word(r) + " " + pick(r, List.of("steel", "glass", "rubber", "resin", "fiber"))));
            case "type":
                return r.nextDouble() < 0.2 ? (2 + r.nextInt(40)) + "-" + pick(r, List.of("port", "channel", "way", "stage"))
                        : word(r) + pick(r, TYPE_SUFFIX);
            case "addon":
                return r.nextBoolean() ? word(r) + " " + pick(r, ADDON_HEADS) : word(r);
            case "grade":
                return pick(r, List.of("Grade " + (1 + r.nextInt(600)), "ISO Class " + (1 + r.nextInt(9)),
                        word(r) + " grade", "≥" + (90 + r.nextInt(10)) + "." + r.nextInt(10) + "%", word(r) + "-free",
                        "USP Class " + pick(r, List.of("I", "II", "III", "IV", "V", "VI"))));
            default:
                throw new IllegalArgumentException(slot);
        }
    }

    /** 2 to 5 invented lower-case words: an O phrase nobody has seen. */
    static String filler(Random r) {
        StringBuilder sb = new StringBuilder(word(r));
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            sb.append(' ').append(r.nextDouble() < 0.3 ? pick(r, List.of("for", "and", "with", "to", "the", "of", "in")) : word(r));
        }
        return sb.toString();
    }

    private static String acronym(Random r) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 3 + r.nextInt(2); i++) {
            sb.append((char) ('A' + r.nextInt(26)));
        }
        return sb.toString();
    }

    private static String cap(String w) {
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    private static String pick(Random r, String[] a) {
        return a[r.nextInt(a.length)];
    }

    private static String pick(Random r, List<String> a) {
        return a.get(r.nextInt(a.size()));
    }
}
