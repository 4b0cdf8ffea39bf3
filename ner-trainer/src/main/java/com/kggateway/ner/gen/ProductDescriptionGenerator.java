package com.kggateway.ner.gen;

import com.kggateway.ner.data.TaggedSentence;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates labelled laboratory-supply product descriptions in the seed's word/BIO shape. Seeded and
 * reproducible. In held-out mode it uses only held-out templates and draws most phrases from the held-out
 * vocabulary and format variants.
 */
public final class ProductDescriptionGenerator {
    private static final Set<String> PSEUDO_SLOTS = Set.of("brand", "series", "product", "material", "type", "addon", "grade");
    /** Default share of training phrases replaced by invented words (training splits only). */
    public static final double DEFAULT_PSEUDO_PROBABILITY = 0.12;
    private static final double CROSS_FAMILY_PROBABILITY = 0.2;
    private static final double TRADEMARK_PROBABILITY = 0.12;
    /**
     * Share of series slots written as a model code ("KX-240", "Velora 5"): real product lines are often model
     * codes, and the error analysis of 2.5.0 found the dev set's series right but below the threshold or missed
     * when shaped so (BENCHMARKS-ner.md, "Error analysis of model 2.5.0").
     */
    private static final double MODEL_CODE_PROBABILITY = 0.3;
    /** Share of material slots written as a standard plastic/elastomer abbreviation ("PP", "PVDF", "EPDM"). */
    private static final double MATERIAL_ABBREVIATION_PROBABILITY = 0.2;
    /**
     * Share of add-on slots that name a contained or bundled item with its own brand and size ("with Acme 1.5 mL
     * tubes"): one add-on span as the guide labels a rack's contents. The 2.5.0 analysis found such add-ons cut into
     * brand/size/product pieces.
     */
    private static final double COMPOSITE_ADDON_PROBABILITY = 0.12;
    /** Solvents and carriers a reagent comes dissolved in ("in water", "in ethanol"): general chemistry words. */
    private static final List<String> SOLVENTS = List.of("water", "deionized water", "ethanol", "methanol", "isopropanol",
            "acetone", "acetonitrile", "DMSO", "DMF", "toluene", "hexane", "heptane", "chloroform", "dichloromethane",
            "diethyl ether", "THF", "tetrahydrofuran", "1,4-dioxane", "mineral oil", "glycerol", "PBS", "saline",
            "0.1 M HCl", "dilute nitric acid", "2% nitric acid", "ethyl acetate", "pyridine", "cyclohexane", "benzene",
            "xylene", "propylene glycol", "buffer", "TE buffer");
    private static final Set<String> HELD_OUT_TEMPLATES = Set.copyOf(Templates.heldOut());
    private final Random random;
    /** Held-out vocabulary and format variants (70 % of phrases). */
    private final boolean heldOut;
    private final boolean heldOutTemplates;
    private final List<String> templates;
    private double pseudoProbability = DEFAULT_PSEUDO_PROBABILITY;

    /** Training distribution ({@code heldOut=false}) or held-out templates with held-out vocabulary. */
    public ProductDescriptionGenerator(long seed, boolean heldOut) {
        this(seed, heldOut, heldOut);
    }

    /**
     * @param heldOutTemplates use only the held-out templates
     * @param heldOutVocabulary draw most phrases and formats from the held-out vocabulary
     */
    public ProductDescriptionGenerator(long seed, boolean heldOutTemplates, boolean heldOutVocabulary) {
        this.random = new Random(seed);
        this.heldOut = heldOutVocabulary;
        this.heldOutTemplates = heldOutTemplates;
        this.templates = heldOutTemplates ? Templates.heldOut() : Templates.training();
    }

    /** Share of entity phrases (and fillers) replaced by invented words in training mode. */
    public ProductDescriptionGenerator withPseudoProbability(double p) {
        this.pseudoProbability = p;
        return this;
    }

    public List<TaggedSentence> generate(int count, String idPrefix) {
        List<TaggedSentence> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(next(idPrefix + (i + 1)));
        }
        return out;
    }

    public TaggedSentence next(String id) {
        Family family = Lexicon.FAMILIES.get(random.nextInt(Lexicon.FAMILIES.size()));
        // training mode: half fixed templates, half composed by the grammar; held-out mode: held-out templates only
        String template;
        if (!heldOutTemplates && family.name().equals("reagents") && random.nextDouble() < 0.5) {
            template = RandomTemplate.chemical(random);
        } else if (!heldOutTemplates && random.nextBoolean()) {
            template = RandomTemplate.next(random, HELD_OUT_TEMPLATES);
        } else {
            template = templates.get(random.nextInt(templates.size()));
        }
        WhitespaceWords text = new WhitespaceWords();
        Set<String> used = new HashSet<>();
        boolean skipping = false;
        // the dev-set guide puts the connector inside the addon span ("with valve", "w/ screw caps"): a {with}
        // directly followed by {addon} becomes the first word of that addon; anywhere else it stays O
        String pendingWith = null;
        for (String token : template.split(" ")) {
            if (token.equals("[")) {
                skipping = random.nextBoolean();
                continue;
            }
            if (token.equals("]")) {
                skipping = false;
                continue;
            }
            if (skipping) {
                continue;
            }
            if (token.startsWith("{") && token.endsWith("}")) {
                String slot = token.substring(1, token.length() - 1);
                // a bundled item with its own brand and size only reads as an add-on behind its connector
                String phrase = slot.equals("addon") && pendingWith != null && random.nextDouble() < COMPOSITE_ADDON_PROBABILITY
                        ? compositeAddon(family, used) : phrase(family, slot, used);
                if (slot.equals("with")) {
                    flushConnector(text, pendingWith);
                    pendingWith = phrase;
                    continue;
                }
                if (slot.equals("addon") && pendingWith != null) {
                    phrase = pendingWith + " " + phrase;
                    pendingWith = null;
                }
                flushConnector(text, pendingWith);
                pendingWith = null;
                boolean entity = !(slot.equals("filler") || slot.equals("cat"));
                text.addPhrase(phrase, entity ? entityType(slot) : null);
            } else {
                flushConnector(text, pendingWith);
                pendingWith = null;
                text.add(token, "O");
            }
        }
        flushConnector(text, pendingWith);
        List<String> words = new ArrayList<>(text.words());
        applyCasing(words);
        return new TaggedSentence(id, words, text.tags());
    }

    private static void flushConnector(WhitespaceWords text, String connector) {
        if (connector != null) {
            text.addPhrase(connector, null);
        }
    }

    /** Slots written in a special format still carry one of the ten types. */
    private static String entityType(String slot) {
        return switch (slot) {
            case "purity" -> "grade";
            case "mesh" -> "size";
            case "form" -> "type";
            case "packx" -> "quantity";
            case "solvent" -> "addon";
            default -> slot;
        };
    }

    private String phrase(Family family, String slot, Set<String> used) {
        String p = basePhrase(family, slot, used);
        if ((slot.equals("brand") || slot.equals("series")) && random.nextDouble() < TRADEMARK_PROBABILITY) {
            p = trademark(p);
        }
        return p;
    }

    private String basePhrase(Family family, String slot, Set<String> used) {
        if (!heldOut && !heldOutTemplates && PSEUDO_SLOTS.contains(slot) && random.nextDouble() < pseudoProbability) {
            String invented;
            do {
                // templated inventions such as "ISO Class 5" can coincide with a held-out phrase: never leak those
                invented = PseudoWords.phrase(slot, random);
            } while (VocabularySplit.isHeldOut(invented));
            return invented;
        }
        if (slot.equals("series") && random.nextDouble() < MODEL_CODE_PROBABILITY) {
            String code;
            do {
                code = PhraseFormats.modelCode(random);
            } while (!heldOut && leaksHeldOut(code));
            return code;
        }
        if (slot.equals("material") && random.nextDouble() < MATERIAL_ABBREVIATION_PROBABILITY) {
            return pickFrom(Lexicon.MATERIAL_ABBREVIATIONS, used);
        }
        if (slot.equals("solvent")) {
            // the carrier/solvent after "in" is an add-on in the guide ("in DI Water"-like)
            String solvent = random.nextDouble() < 0.3 ? pickFrom(WordNetVocabulary.get().chemicals, used) : pickFrom(SOLVENTS, used);
            String phrase = (random.nextBoolean() ? "in " : "In ") + solvent;
            return !heldOut && holdsHeldOut(phrase) ? lexiconPhrase(family, "addon", used) : phrase;
        }
        String fromWordNet = wordNetPhrase(family, slot, used);
        if (fromWordNet != null) {
            return fromWordNet;
        }
        switch (slot) {
            case "with":
                return Lexicon.WITH.get(random.nextInt(Lexicon.WITH.size()));
            case "filler":
                return !heldOut && !heldOutTemplates && random.nextDouble() < pseudoProbability
                        ? PseudoWords.filler(random) : pickFrom(Lexicon.FILLERS, used);
            case "cat":
                return PhraseFormats.catalogNumber(random, heldOut);
            case "size":
                return PhraseFormats.size(family.sizeKinds().get(random.nextInt(family.sizeKinds().size())), random, heldOut);
            case "quantity":
                return PhraseFormats.quantity(random, heldOut);
            case "mesh":
                return PhraseFormats.size("mesh", random, heldOut);
            case "form":
                return pickFrom(Lexicon.CHEMICAL_FORMS, used);
            case "packx":
                // "4 X 4L", "6 x 500mL": the multiplier is the quantity, the rest the size
                return PhraseFormats.pick(random, new String[] {"2", "4", "6", "10", "12", "24"}) + PhraseFormats.pick(random, new String[] {" X", " x", " x", "x"});
            case "purity": {
                String grade = PhraseFormats.purity(random, heldOut);
                return !heldOut && HeldOutLexicon.contains(grade) ? lexiconPhrase(family, "grade", used) : grade;
            }
            case "grade":
                if (random.nextDouble() < (family.name().equals("reagents") ? 0.6 : 0.05)) {
                    String grade = PhraseFormats.purity(random, heldOut);
                    // "Laboratory Grade" is also a lexicon phrase: when that one is held out, training never sees it
                    return !heldOut && HeldOutLexicon.contains(grade) ? lexiconPhrase(family, slot, used) : grade;
                }
                return lexiconPhrase(family, slot, used);
            default:
                return lexiconPhrase(family, slot, used);
        }
    }

    private String lexiconPhrase(Family family, String slot, Set<String> used) {
        // sometimes borrow the slot's phrase from another family: more lexical variety per context
        Family source = !heldOutTemplates && random.nextDouble() < CROSS_FAMILY_PROBABILITY
                ? Lexicon.FAMILIES.get(random.nextInt(Lexicon.FAMILIES.size())) : family;
        List<String> all = source.slots().get(slot);
        if (all == null) {
            throw new IllegalStateException("family " + family.name() + " has no slot " + slot);
        }
        return pickFrom(all, used);
    }

    /**
     * Real English from WordNet for the open-class slots: chemical names as reagent products (sometimes with
     * their form, "Sodium Chloride Crystals"), artefact nouns as products, materials and colours. Null when the
     * hand lexicon is to be used.
     */
    private String wordNetPhrase(Family family, String slot, Set<String> used) {
        WordNetVocabulary wn = WordNetVocabulary.get();
        double x = random.nextDouble();
        String p;
        switch (slot) {
            case "product":
                if (family.name().equals("reagents") && x < 0.6) {
                    p = pickFrom(wn.chemicals, used);
                    List<String> aliases = wn.chemicalAliases.get(p);
                    if (aliases != null && random.nextDouble() < 0.1) {
                        // "Acetone (Propanone)": a synonym in parentheses right after the name is part of the product
                        String alias = aliases.get(random.nextInt(aliases.size()));
                        if (heldOut || !VocabularySplit.isHeldOut(alias)) {
                            p = random.nextDouble() < 0.5 ? titleCase(p) + " (" + titleCase(alias) + ")" : p + " (" + alias + ")";
                        }
                    }
                } else if (x < 0.25) {
                    p = pickFrom(wn.products, used);
                    if (random.nextBoolean()) {
                        p = composed(p, plural(p));
                    }
                } else {
                    return null;
                }
                break;
            case "material":
                if (x >= 0.35) {
                    return null;
                }
                p = pickFrom(wn.materials, used);
                break;
            case "color":
                if (x >= 0.3) {
                    return null;
                }
                p = pickFrom(wn.colors, used);
                break;
            default:
                return null;
        }
        return random.nextDouble() < 0.5 ? titleCase(p) : p;
    }

    /** "[brand] size item" as one add-on phrase: what a rack, kit or bundle contains. */
    private String compositeAddon(Family family, Set<String> used) {
        Family source = Lexicon.FAMILIES.get(random.nextInt(Lexicon.FAMILIES.size()));
        StringBuilder sb = new StringBuilder();
        if (random.nextDouble() < 0.6) {
            sb.append(lexiconPhrase(source, "brand", used)).append(' ');
        }
        if (random.nextDouble() < 0.8) {
            sb.append(PhraseFormats.size(source.sizeKinds().get(random.nextInt(source.sizeKinds().size())), random, heldOut)).append(' ');
        }
        sb.append(lexiconPhrase(source, "product", used));
        String phrase = sb.toString();
        return !heldOut && holdsHeldOut(phrase) ? lexiconPhrase(family, "addon", used) : phrase;
    }

    /** Whether any run of words of a composed phrase is a held-out phrase ("with Acme 2 mL screw caps"). */
    private static boolean holdsHeldOut(String phrase) {
        String[] words = phrase.toLowerCase(Locale.ROOT).split(" ");
        for (int i = 0; i < words.length; i++) {
            StringBuilder run = new StringBuilder();
            for (int j = i; j < words.length; j++) {
                run.append(j > i ? " " : "").append(words[j]);
                if (HeldOutLexicon.contains(run.toString())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A random phrase (model code) that is, or holds a word sequence that is, a held-out phrase ("Velora G3"). */
    private static boolean leaksHeldOut(String phrase) {
        if (VocabularySplit.isHeldOut(phrase) || HeldOutLexicon.endsWithHeldOut(phrase)) {
            return true;
        }
        for (String word : phrase.split(" ")) {
            if (VocabularySplit.isHeldOut(word) || HeldOutLexicon.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A composed phrase in training mode must not be or end in a held-out phrase ("sight" + s ends in the held-out
     * "sights").
     */
    private String composed(String base, String composed) {
        return !heldOut && (VocabularySplit.isHeldOut(composed) || HeldOutLexicon.endsWithHeldOut(composed)) ? base : composed;
    }

    /** "™"/"®" glued to a brand or series word, as listings print them ("Nalgene™", "Parafilm® M"). */
    private String trademark(String phrase) {
        String sign = random.nextDouble() < 0.6 ? "™" : "®";
        int space = phrase.indexOf(' ');
        if (space > 0 && random.nextBoolean()) {
            return phrase.substring(0, space) + sign + phrase.substring(space);
        }
        return phrase + sign;
    }

    /** Plural of the last word by the regular English rules (tube → tubes, flask → flasks, assay → assays). */
    static String plural(String phrase) {
        if (phrase.endsWith("s") || phrase.endsWith("x") || phrase.endsWith("z") || phrase.endsWith("ch") || phrase.endsWith("sh")) {
            return phrase + "es";
        }
        if (phrase.endsWith("y") && phrase.length() > 1 && "aeiou".indexOf(phrase.charAt(phrase.length() - 2)) < 0) {
            return phrase.substring(0, phrase.length() - 1) + "ies";
        }
        return phrase + "s";
    }

    static String titleCase(String phrase) {
        StringBuilder sb = new StringBuilder(phrase.length());
        boolean start = true;
        for (int i = 0; i < phrase.length(); i++) {
            char c = phrase.charAt(i);
            sb.append(start ? Character.toUpperCase(c) : c);
            start = c == ' ' || c == '-';
        }
        return sb.toString();
    }

    /** Picks a phrase not yet used in this description, from the training or (mostly) held-out vocabulary. */
    private String pickFrom(List<String> all, Set<String> used) {
        List<String> pool = heldOut && random.nextDouble() < 0.7 ? VocabularySplit.heldOutCached(all) : VocabularySplit.trainCached(all);
        String choice = pool.get(random.nextInt(pool.size()));
        for (int attempt = 0; attempt < 5 && used.contains(choice); attempt++) {
            choice = pool.get(random.nextInt(pool.size()));
        }
        used.add(choice);
        return typo(choice);
    }

    /**
     * Occasional typo (dropped, doubled or swapped letter): real catalogues contain them, and they force sub-word
     * generalization.
     */
    private String typo(String phrase) {
        if (random.nextDouble() >= 0.025 || phrase.length() < 6) {
            return phrase;
        }
        int i = 1 + random.nextInt(phrase.length() - 2);
        if (!Character.isLetter(phrase.charAt(i)) || !Character.isLetter(phrase.charAt(i + 1))) {
            return phrase;
        }
        double kind = random.nextDouble();
        String typo;
        if (kind < 0.5) {
            typo = phrase.substring(0, i) + phrase.substring(i + 1);
        } else if (kind < 0.75) {
            typo = phrase.substring(0, i + 1) + phrase.charAt(i) + phrase.substring(i + 1);
        } else {
            typo = phrase.substring(0, i) + phrase.charAt(i + 1) + phrase.charAt(i) + phrase.substring(i + 2);
        }
        return !heldOut && HeldOutLexicon.endsWithHeldOut(typo) ? phrase : typo;
    }

    /** Upper case that keeps the micro sign: Java would turn "µ" into Greek capital mu. */
    private static String upper(String w) {
        StringBuilder sb = new StringBuilder(w.length());
        w.codePoints().forEach(cp -> sb.appendCodePoint(cp == 'µ' ? cp : Character.toUpperCase(cp)));
        return sb.toString();
    }

    /** Unit symbols keep their case when a title is Title-Cased ("50 mL", not "50 ML"). */
    private static final Set<String> UNITS = Set.of("ml", "µl", "ul", "mm", "cm", "cm2", "cm²", "kg", "g", "mg", "oz", "lb",
            "in", "in.", "gal", "gal.", "µm", "um", "l", "ft", "m", "ea", "pk", "cs", "bx", "x", "rpm", "cc", "lbs");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[(\\[]+|[),;:\\]]+$");
    private static final Set<String> SMALL_WORDS = Set.of("of", "with", "and", "for", "to", "the", "in", "w/", "by", "or", "a");

    /**
     * Casing noise: as written, upper case, lower case or Title Case (the commonest shape of real listing titles;
     * unit symbols and, mostly, small words keep their case), rarely a single word upper-cased.
     */
    private void applyCasing(List<String> words) {
        double mode = random.nextDouble();
        boolean smallWordsToo = random.nextDouble() < 0.3;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (mode < 0.08) {
                w = upper(w);
                if (random.nextDouble() < 0.2) {
                    w = abbreviate(w);
                }
            } else if (mode < 0.16) {
                w = w.toLowerCase(Locale.ROOT);
            } else if (mode < 0.50) {
                String core = EDGE_PUNCTUATION.matcher(w).replaceAll("").toLowerCase(Locale.ROOT);
                boolean keep = UNITS.contains(core) || (!smallWordsToo && i > 0 && SMALL_WORDS.contains(core));
                int first = firstLetter(w);
                if (!keep && first >= 0 && !w.chars().anyMatch(Character::isDigit)) {
                    w = w.substring(0, first) + Character.toUpperCase(w.charAt(first)) + w.substring(first + 1);
                }
            }
            if (random.nextDouble() < 0.02) {
                w = upper(w);
            }
            words.set(i, w);
        }
    }

    private static final Pattern LONG_WORD = Pattern.compile("([(\\[]?)([A-Z]{7,})([),;:.\\]]*)");

    /**
     * Distributor/ERP abbreviation of a long upper-case word, as fixed-width description fields force:
     * truncation ("GRANULAR" → "GRAN") or dropped vowels ("SOLUTION" → "SLTN").
     */
    private String abbreviate(String w) {
        Matcher m = LONG_WORD.matcher(w);
        if (!m.matches()) {
            return w;
        }
        String core = m.group(2);
        String shortened;
        if (random.nextDouble() < 0.7) {
            shortened = core.substring(0, 3 + random.nextInt(3));
        } else {
            shortened = core.charAt(0) + core.substring(1).replaceAll("[AEIOU]", "");
            if (shortened.length() > 6) {
                shortened = shortened.substring(0, 4 + random.nextInt(3));
            }
        }
        if (!heldOut && HeldOutLexicon.contains(shortened)) {
            return w; // "MANIFOLD" → "MAN" would put a held-out word into training
        }
        return m.group(1) + shortened + (random.nextDouble() < 0.2 ? "." : "") + m.group(3);
    }

    private static int firstLetter(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (Character.isLetter(w.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
