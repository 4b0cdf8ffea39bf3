package com.kggateway.ner.gen;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A grammar that composes training templates on the fly (head noun phrase, optional accessory, shuffled tail of
 * attributes with a per-description separator and optional "Key:" labels, fillers and catalog numbers at random
 * places, sometimes very long). Without it a model memorizes the positions of a few fixed templates and fails
 * on unseen word orders. Attributes are sometimes put in parentheses ("(Pack of 12)", "(500 mL)"); short titles of
 * one to three words plus a couple of attributes are common, as in real listings. It never emits the held-out key
 * words, and any template identical to a held-out one is rejected, so held-out templates stay unseen.
 */
final class RandomTemplate {
    /** "~" writes nothing: Title Case titles that list attributes without any separator. */
    private static final List<String> SEPARATORS = List.of(",", ",", ",", ",", ";", "-", "|", "–", ":", "·", ".",
            WhitespaceWords.NOTHING, WhitespaceWords.NOTHING, WhitespaceWords.NOTHING);
    private static final List<String> PRE_MODIFIERS = List.of("brand", "series", "grade", "color", "material", "size", "type");
    private static final List<String> TAIL = List.of("brand", "series", "grade", "color", "material", "size", "type", "quantity", "addon");
    private static final List<String> KEYS_MATERIAL = List.of("Mat .", "Composition :", "Made of", "Construction :");
    private static final List<String> KEYS_SIZE = List.of("Dim .", "Volume :", "Capacity :", "Dimensions :", "Vol .", "Cap .");
    private static final List<String> KEYS_COLOR = List.of("Colour :", "Clr .", "Tint :");
    private static final List<String> KEYS_QUANTITY = List.of("Qty :", "Packaging :", "Pkg :", "Sold as", "Unit :");
    private static final List<String> KEYS_BRAND = List.of("Mfr :", "Manufacturer :", "Made by", "Vendor :");
    private static final List<String> KEYS_GRADE = List.of("Grade :", "Purity :", "Spec :", "Quality :");

    private RandomTemplate() { }

    static String next(Random r, Set<String> forbidden) {
        for (;;) {
            String t = compose(r);
            if (!forbidden.contains(t)) {
                return t;
            }
        }
    }

    private static String compose(Random r) {
        if (r.nextDouble() < 0.1) {
            return minimal(r);
        }
        List<String> out = new ArrayList<>();
        if (r.nextDouble() < 0.12) {
            out.add("{cat}");
        }
        if (r.nextDouble() < 0.08) {
            out.add("{filler}");
            out.add(pick(r, SEPARATORS));
        }
        // head: a few pre-modifiers, mostly in natural English order, then the product
        List<String> pre = new ArrayList<>();
        for (String slot : PRE_MODIFIERS) {
            if (r.nextDouble() < 0.6 * share(slot)) {
                pre.add(slot);
            }
        }
        if (r.nextDouble() < 0.3) {
            Collections.shuffle(pre, r);
        }
        List<String> usedSlots = new ArrayList<>(pre);
        pre.forEach(s -> out.add("{" + s + "}"));
        out.add("{product}");
        if (r.nextDouble() < 0.25) {
            out.add("{with}");
            out.add("{addon}");
            usedSlots.add("addon");
        }
        // tail: remaining attributes in random order
        String sep = pick(r, SEPARATORS);
        boolean keys = r.nextDouble() < 0.15;
        boolean shortForm = r.nextDouble() < 0.25;
        List<String> tail = new ArrayList<>();
        for (String slot : TAIL) {
            if (!usedSlots.contains(slot) && r.nextDouble() < (shortForm ? 0.4 : 0.9) * share(slot)) {
                tail.add(slot);
            }
        }
        Collections.shuffle(tail, r);
        boolean longForm = !shortForm && r.nextDouble() < 0.12;
        for (String slot : tail) {
            boolean parenthesised = !keys && r.nextDouble() < 0.12;
            if (!parenthesised || r.nextDouble() < 0.3) {
                out.add(sep);
            }
            if (parenthesised) {
                out.add("(");
            }
            if (keys) {
                String key = key(slot, r);
                if (key != null) {
                    Collections.addAll(out, key.split(" "));
                }
            }
            if (slot.equals("addon")) {
                out.add("{with}");
            }
            out.add("{" + slot + "}");
            if (parenthesised) {
                out.add(")");
            }
            if (!shortForm && r.nextDouble() < (longForm ? 0.5 : 0.08)) {
                out.add(sep);
                out.add("{filler}");
            }
        }
        if (longForm) {
            for (int i = 0; i < 2 + r.nextInt(3); i++) {
                out.add(pick(r, List.of(".", ",", ";")));
                out.add("{filler}");
            }
        }
        if (r.nextDouble() < 0.2) {
            out.add(sep);
            out.add("{cat}");
        }
        return String.join(" ", out);
    }

    /**
     * Chemical catalogue titles: name first, then grade words, purity, form, CAS number, amount and pack in
     * varying order ("Potassium Permanganate, ACS Reagent, ≥99.0%, 500 g", "Silica Gel 60, 230-400 Mesh, 1 kg").
     * {purity} is a grade entity and {mesh} a size entity written in the formats chemicals use.
     */
    static String chemical(Random r) {
        List<String> out = new ArrayList<>();
        if (r.nextDouble() < 0.3) {
            out.add("{brand}");
        }
        out.add("{product}");
        boolean form = r.nextDouble() < 0.3;
        if (form) {
            out.add("{form}"); // "Sodium Chloride Crystals": the form is a type
        }
        List<String> tail = new ArrayList<>();
        for (String slot : List.of("grade", "purity", "type", "size", "quantity", "mesh", "cat", "series", "color", "solvent")) {
            if (form && slot.equals("type")) {
                continue;
            }
            double p = switch (slot) {
                case "size" -> 0.8;
                case "purity", "grade" -> 0.5;
                case "mesh", "series", "color", "solvent" -> 0.1;
                default -> 0.25;
            };
            if (r.nextDouble() < p) {
                tail.add(slot);
            }
        }
        // grade words usually come before the amount, CAS numbers anywhere
        Collections.shuffle(tail, r);
        if (r.nextDouble() < 0.6) {
            tail.sort((a, b) -> Integer.compare(rank(a), rank(b)));
        }
        String sep = pick(r, List.of(",", ",", ",", ";", "-", WhitespaceWords.NOTHING, WhitespaceWords.NOTHING, "|"));
        for (String slot : tail) {
            boolean parenthesised = (slot.equals("cat") || slot.equals("purity") || slot.equals("quantity")) && r.nextDouble() < 0.3;
            if (!parenthesised || r.nextDouble() < 0.3) {
                out.add(sep);
            }
            if (parenthesised) {
                out.add("(");
            }
            if (slot.equals("size") && !tail.contains("quantity") && r.nextDouble() < 0.15) {
                out.add("{packx}"); // "4 X 4L"
            }
            out.add("{" + slot + "}");
            if (parenthesised) {
                out.add(")");
            }
        }
        return String.join(" ", out);
    }

    private static int rank(String slot) {
        return switch (slot) {
            case "type", "series", "solvent" -> 0;
            case "grade", "purity" -> 1;
            case "mesh", "color" -> 2;
            case "size" -> 3;
            case "quantity" -> 4;
            default -> 5;
        };
    }

    /** The shortest real listings: "Potassium Permanganate, 500g", "Nalgene Carboys", "Beakers 250 mL". */
    private static String minimal(Random r) {
        List<String> out = new ArrayList<>();
        if (r.nextDouble() < 0.4) {
            out.add("{" + pick(r, PRE_MODIFIERS) + "}");
        }
        out.add("{product}");
        if (r.nextDouble() < 0.7) {
            String slot = pick(r, TAIL);
            if (!out.contains("{" + slot + "}")) {
                out.add(pick(r, SEPARATORS));
                if (slot.equals("addon")) {
                    out.add("{with}");
                }
                out.add("{" + slot + "}");
            }
        }
        return String.join(" ", out);
    }

    /**
     * How often a property shows up in a title, relative to the type/size that almost every title has. Real
     * listings name a kind and a size far more often than a colour, an accessory or a pack count; a model trained
     * on uniform slots over-predicts the rare types.
     */
    private static double share(String slot) {
        return switch (slot) {
            case "type", "size" -> 0.6;
            case "grade", "brand" -> 0.45;
            case "series", "material", "quantity" -> 0.35;
            case "color", "addon" -> 0.25;
            default -> 0.4;
        };
    }

    private static String key(String slot, Random r) {
        switch (slot) {
            case "material": return pick(r, KEYS_MATERIAL);
            case "size": return pick(r, KEYS_SIZE);
            case "color": return pick(r, KEYS_COLOR);
            case "quantity": return pick(r, KEYS_QUANTITY);
            case "brand": return pick(r, KEYS_BRAND);
            case "grade": return pick(r, KEYS_GRADE);
            default: return null;
        }
    }

    private static String pick(Random r, List<String> options) {
        return options.get(r.nextInt(options.size()));
    }
}
