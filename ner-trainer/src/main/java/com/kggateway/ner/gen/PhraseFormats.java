package com.kggateway.ner.gen;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Sizes, quantities and catalog numbers are generated from number lists and format variants (unit spellings,
 * spacing, separators). Variants marked held-out only appear in the held-out test split.
 */
final class PhraseFormats {
    private PhraseFormats() { }

    private static final String[] FRACTIONS = {"1/16", "1/8", "3/16", "1/4", "5/16", "3/8", "1/2", "5/8", "3/4", "1", "1-1/2"};
    private static final String[] COUNTS = {"1", "2", "4", "5", "6", "8", "10", "12", "20", "24", "25", "48", "50", "96",
            "100", "144", "200", "250", "300", "480", "500", "1000", "1,000", "2000"};

    /** A size phrase of the given kind; {@code heldOut} switches to the held-out unit spellings. */
    static String size(String kind, Random r, boolean heldOut) {
        switch (kind) {
            case "inch": {
                String unit = pick(r, heldOut, List.of(" in.", " in", "\"", "\"", " inch", " in. ID", " in. OD", "\" ID", "\" OD", " In."), List.of(" inches", " in. I.D.", "-inch"));
                if (r.nextDouble() < 0.25) {
                    // decimal inches as real specs write them: 0.010", .125 in.
                    return pick(r, new String[] {"0.010", "0.020", "0.062", ".125", "0.25", "0.375", ".500", "0.75", "1.25", "2.5", "12", "24"}) + unit;
                }
                return pick(r, FRACTIONS) + unit;
            }
            case "thread":
                return pick(r, FRACTIONS) + pick(r, heldOut, List.of(" in. NPT", " NPT", "\" NPT", "-27 NPT", " in. BSP"), List.of(" in. NPTF", " BSPT"));
            case "mm":
                return pick(r, new String[] {"3", "4", "6", "8", "10", "13", "25", "30", "33", "47", "50", "90", "142"})
                        + pick(r, heldOut, List.of(" mm", "mm", " mm dia.", " mm diameter", " mm."), List.of(" millimeter", " mm Ø"));
            case "mL":
                return pick(r, new String[] {"0.2", "0.5", "1.5", "2", "2.0", "5", "10", "15", "25", "30", "50", "100", "125", "250", "500"})
                        + pick(r, heldOut, List.of(" mL", " mL", " ml", "mL", "ml", " mL.", " ML", " cc", " Milliliter"), List.of(" milliliter", " mls", " millilitre"));
            case "L":
                return pick(r, new String[] {"1", "2", "2.5", "4", "5", "10", "20", "50"})
                        + pick(r, heldOut, List.of(" L", " l", " liter", " Liter", " Ltr", "L", " Liters"), List.of(" litre", " Litre", " liters", " Lt."));
            case "gal":
                return pick(r, new String[] {"1", "2.5", "5", "10", "15"})
                        + pick(r, heldOut, List.of(" gal.", " gal", " gallon", " Gallon", " gallons", " Gal."), List.of(" US gal", " gl."));
            case "uL":
                return pick(r, new String[] {"10", "20", "50", "100", "200", "300", "1000", "1250", "5000"})
                        + pick(r, heldOut, List.of(" µL", " uL", " µl", " ul", "µL", "uL"), List.of(" μL", " microliter", " mcL"));
            case "uLrange": {
                String[][] ranges = {{"0.1", "10"}, {"0.5", "10"}, {"1", "20"}, {"2", "200"}, {"20", "200"}, {"100", "1000"}, {"200", "1000"}, {"1", "200"}, {"50", "1250"}};
                String[] a = ranges[r.nextInt(ranges.length)];
                String sep = pick(r, heldOut, List.of("-", " - ", " to "), List.of("–", " ~ "));
                String unit = pick(r, heldOut, List.of(" µL", " uL", " µl"), List.of(" μL", " microliters"));
                return a[0] + sep + a[1] + unit;
            }
            case "dims": {
                String a = pick(r, new String[] {"12", "13", "16", "17", "25", "75", "100", "127", "150"});
                String b = pick(r, new String[] {"8", "15", "20", "50", "75", "85", "100", "120", "150"});
                String x = pick(r, heldOut, List.of(" x ", "x", " X "), List.of(" × ", " by "));
                return a + x + b + pick(r, heldOut, List.of(" mm", "mm", " cm"), List.of(" millimeters", " in."));
            }
            case "pore":
                return pick(r, new String[] {"0.1", "0.2", "0.22", "0.45", "0.65", "0.8", "1.0", "1.2", "5", "10"})
                        + pick(r, heldOut, List.of(" µm", " um", " micron", "µm", " microns"), List.of(" μm", " micrometer"));
            case "mass":
                return pick(r, new String[] {"5", "10", "25", "100", "250", "500", "1", "2.5"})
                        + pick(r, heldOut, List.of(" g", "g", " kg", "kg", " grams", " Grams", " lb", " lb.", " kg.", " oz", " oz.", " mg"), List.of(" gram", " lbs", " Kg"));
            case "garment":
                return pick(r, heldOut, List.of("size M", "Size L", "size XL", "size S", "Large", "Medium", "Small", "X-Large",
                        "XS", "size 8", "size 9.5", "Sz. S", "L", "M"), List.of("2XL", "size 7", "Extra Large", "XXL", "sz. 10"));
            case "capacity":
                return pick(r, new String[] {"120", "220", "320", "620", "1200", "4200"}) + pick(r, heldOut, List.of(" g", " g capacity", "g"), List.of(" gram capacity", " g cap."));
            case "rpm":
                return pick(r, heldOut, List.of("200-3000 rpm", "15,000 rpm", "0 - 2500 rpm", "14,800 x g", "300-2500 rpm", "50 to 1500 rpm"),
                        List.of("100–1200 RPM", "21,130 × g", "max. 6000 rpm"));
            case "places":
                return pick(r, heldOut, List.of("24 x 1.5/2.0 mL", "12-place", "8 x 50 mL", "4 x 250 mL", "96 x 0.2 mL", "18-place"),
                        List.of("6 × 15 mL", "30-place", "48 x 0.5 mL"));
            case "mesh": {
                String m = pick(r, new String[] {"20-40", "8-20", "60-200", "230-400", "70-230", "100", "200", "325", "4-8", "40"});
                return m + pick(r, heldOut, List.of(" Mesh", " mesh", " mesh size", "-mesh"), List.of(" US mesh", " Mesh (US)"));
            }
            case "area":
                return pick(r, new String[] {"25", "75", "150", "175", "225", "9.6", "21", "55"})
                        + pick(r, heldOut, List.of(" cm2", " cm²", " cm2", "cm2", " sq. cm"), List.of(" square cm", " cm^2"));
            case "wells":
                // well/place counts are sizes ("96-well", "96 Well", "81-place")
                return pick(r, new String[] {"6", "12", "24", "48", "96", "384", "1536", "81", "100"})
                        + pick(r, heldOut, List.of("-well", " Well", " well", "-Well", "-place", " Wells"), List.of("-position", " wells plate"));
            case "floz":
                return pick(r, new String[] {"1", "2", "4", "8", "16", "32", "64", "128"})
                        + pick(r, heldOut, List.of(" oz", " oz.", " fl oz", " fl. oz.", " Oz", " ounce"), List.of(" ounces", " fl.oz"));
            case "length":
                return pick(r, new String[] {"3", "6", "10", "25", "50", "100", "150", "300"})
                        + pick(r, heldOut, List.of(" ft", " ft.", "'", " m", " cm", " cm", " feet"), List.of(" foot", " metres"));
            default:
                throw new IllegalArgumentException(kind);
        }
    }

    static String quantity(Random r, boolean heldOut) {
        String n = pick(r, COUNTS);
        String f = pick(r, heldOut, List.of("pack of N", "N/pk", "N per pack", "pk/N", "case of N", "N/case", "N/cs",
                "N per box", "box of N", "N/bx", "bag of N", "N ea", "qty N", "set of N", "N/pkg", "N pieces", "N/bag",
                "N per case", "N/box", "N pcs", "N/pack", "N x 100", "N/PK", "PK/N", "N PK", "N/CS", "CS/N", "N/BX",
                "BX/N", "Pk of N", "N/Pkg", "N EA", "1 EA", "1/EA", "Each", "N/Case", "N-Pack", "N Pack", "Case/N",
                "N/Box", "N per Pack", "N Count", "Pack of N"),
                List.of("N/sleeve", "sleeve of N", "N units", "N/carton", "pkg. of N", "N/ctn", "carton of N", "N/rl"));
        return f.replace("N", n);
    }

    /** Catalog, part, SKU and CAS numbers (all O). Placeholders: %D six digits, %d two digits, %C CAS, %L letters. */
    static String catalogNumber(Random r, boolean heldOut) {
        String f = pick(r, heldOut, List.of("Cat. No. %D-%d", "Cat# %D", "#%D", "Item %D", "SKU %L-%D", "REF %D-%d", "P/N %D",
                "Part No. %D", "Catalog # %D", "CAS %C", "CAS No. %C", "CAS# %C", "[%C]", "CAS: %C", "SKU: %L-%D", "Item# %D",
                "Mfr # %D", "MPN %D", "%L-%D", "%D-%d"), List.of("Order No. %D", "Art.-Nr. %D", "Mfr. # %D", "CAS-No. %C"));
        // CAS registry number shape: 2-7 digits, 2 digits, 1 check digit
        String cas = (10 + r.nextInt(r.nextBoolean() ? 90 : 9999990)) + "-" + (10 + r.nextInt(90)) + "-" + r.nextInt(10);
        String letters = "" + (char) ('A' + r.nextInt(26)) + (char) ('A' + r.nextInt(26));
        return f.replace("%C", cas).replace("%L", letters).replace("%D", Integer.toString(100000 + r.nextInt(900000)))
                .replace("%d", Integer.toString(10 + r.nextInt(89)));
    }

    /** Letter runs that read as a unit, pack or dimension label ("ML-100", "PK12"): never a model-code prefix. */
    private static final Set<String> UNIT_LIKE = Set.of("ML", "MM", "CM", "KG", "MG", "UL", "L", "G",
            "M", "OZ", "LB", "PK", "CS", "BX", "EA", "X", "IN", "FT", "GAL", "ID", "OD", "CAS", "SKU", "REF", "NO", "PN",
            "N", "MW", "W", "V", "A", "HZ", "NM", "UM", "K");

    /**
     * A model or product-line code as catalogues print a series: letters + digits with or without a hyphen
     * ("KX-240", "R35", "TB4418"), a digit run with a letter suffix ("6120B"), letter-digit-letter ("V7S"), a suffix
     * after the number ("-3L", "+", "i", "XL"), or an invented line name followed by a short model number ("Velora
     * 5", "Quantis 2400"). Everything is drawn at random, so no real model code is reproduced; shapes come from the
     * annotation guide's series rule (one product line or model, catalogue numbers stay O).
     */
    static String modelCode(Random r) {
        for (;;) {
            String code = anyModelCode(r);
            String prefix = code.replaceFirst("^([A-Za-z]+).*", "$1").toUpperCase(Locale.ROOT);
            if (!UNIT_LIKE.contains(prefix) || !Character.isLetter(code.charAt(0))) {
                return code;
            }
        }
    }

    private static String anyModelCode(Random r) {
        double kind = r.nextDouble();
        if (kind < 0.45) {
            String letters = upperLetters(r, 1 + r.nextInt(3));
            String sep = pick(r, new String[] {"-", "-", "", "", " "});
            String code = letters + sep + digits(r, 1 + r.nextInt(4));
            double tail = r.nextDouble();
            if (tail < 0.15) {
                code += upperLetters(r, 1 + r.nextInt(2));
            } else if (tail < 0.22) {
                code += pick(r, new String[] {"+", "i", "e", "s"});
            } else if (tail < 0.32) {
                code += "-" + (r.nextBoolean() ? digits(r, 1 + r.nextInt(3)) : upperLetters(r, 1 + r.nextInt(2)));
            }
            return code;
        }
        if (kind < 0.6) {
            return digits(r, 3 + r.nextInt(2)) + upperLetters(r, 1 + r.nextInt(2));
        }
        if (kind < 0.72) {
            return upperLetters(r, 1) + (1 + r.nextInt(9)) + upperLetters(r, 1 + r.nextInt(2));
        }
        if (kind < 0.8) {
            return (char) ('a' + r.nextInt(26)) + upperLetters(r, 1 + r.nextInt(2)) + digits(r, 2 + r.nextInt(3));
        }
        // line name + model number: one series span ("Velora 5", "Quantis 2400", "Trivex X2")
        String name = PseudoWords.word(r);
        name = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        String number = r.nextDouble() < 0.3 ? upperLetters(r, 1) + (1 + r.nextInt(9)) : digits(r, 1 + r.nextInt(4));
        return name + " " + number;
    }

    private static String upperLetters(Random r, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('A' + r.nextInt(26)));
        }
        return sb.toString();
    }

    /** n digits, the first not zero. */
    private static String digits(Random r, int n) {
        StringBuilder sb = new StringBuilder(n).append(1 + r.nextInt(9));
        for (int i = 1; i < n; i++) {
            sb.append(r.nextInt(10));
        }
        return sb.toString();
    }

    /**
     * Purity, concentration and grade words as chemical catalogues write them (tagged grade): "≥98%", "99.9%",
     * "10-12%", "190 Proof", "ACS", "USP/NF", "Molecular Biology Grade".
     */
    static String purity(Random r, boolean heldOut) {
        double kind = r.nextDouble();
        if (kind < 0.4) {
            String n = pick(r, new String[] {"95", "97", "98", "99", "99.5", "99.7", "99.8", "99.9", "99.99", "99.999", "96", "90", "85", "37", "70"});
            return pick(r, heldOut, List.of("≥N%", "N%", "N%", "≥N%", ">N%", "N+%", "min. N%", "N% min", "Purity N%", "N% pure", "≥N.0%"),
                    List.of(">=N%", "N percent", "at least N%")).replace("N.0", n.contains(".") ? n : n + ".0").replace("N", n);
        }
        if (kind < 0.5) {
            String[][] ranges = {{"10", "12"}, {"5", "6"}, {"30", "32"}, {"36.5", "38"}, {"28", "30"}, {"4", "6"}, {"68", "70"}};
            String[] a = ranges[r.nextInt(ranges.length)];
            return a[0] + pick(r, heldOut, List.of("-", "-", " - "), List.of("–", " to ")) + a[1] + "%";
        }
        if (kind < 0.52) {
            // concentrations: normality, molarity, fold, mass per volume
            String c = pick(r, new String[] {"0.1", "0.5", "1", "1.0", "2", "3", "5", "6", "10"});
            return pick(r, heldOut, List.of("# N", "#N", "# M", "#M", "# Molar", "#X", "# X", "# mg/mL", "#% w/v", "#% (w/v)"),
                    List.of("# Normal", "# mol/L", "# mg/ml")).replace("#", c);
        }
        if (kind < 0.58) {
            String proof = pick(r, new String[] {"190", "200", "180", "140"});
            String written = proof + pick(r, heldOut, List.of(" Proof", " proof", "-Proof"), List.of(" Pf."));
            // "190 Proof (95%)": the restated percentage stays in the same grade span (dev-set guide, hard cases)
            return r.nextDouble() < 0.4 ? written + " (" + Integer.parseInt(proof) / 2 + "%)" : written;
        }
        return pick(r, heldOut, List.of("ACS", "USP", "HPLC", "Reagent Grade", "Certified", "Molecular Biology Grade", "ACS Grade",
                "ACS Reagent", "USP Grade", "USP/NF", "NF", "FCC", "Technical Grade", "Tech Grade", "Lab Grade", "Laboratory Grade",
                "HPLC Grade", "GC Grade", "ACS Certified", "Reagent", "ACS/USP", "Analytical Grade", "AR", "Food Grade", "BP",
                "EP", "Ph. Eur.", "Electronic Grade", "Biotech Grade", "Cell Culture Grade", "Spectro Grade"),
                List.of("LR", "GR", "Puriss.", "ReagentPlus Grade", "Pharma Grade", "CP")).replace("N", "");
    }

    static String pick(Random r, String[] options) {
        return options[r.nextInt(options.length)];
    }

    /** Training variants normally; in held-out mode a held-out variant 70 % of the time. */
    static String pick(Random r, boolean heldOut, List<String> train, List<String> held) {
        if (heldOut && r.nextDouble() < 0.7) {
            return held.get(r.nextInt(held.size()));
        }
        return train.get(r.nextInt(train.size()));
    }
}
