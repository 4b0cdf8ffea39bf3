package com.kggateway.ner.gen;

import com.kggateway.ner.data.TaggedSentence;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

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
        String template = !heldOutTemplates && random.nextBoolean()
                ? RandomTemplate.next(random, HELD_OUT_TEMPLATES)
                : templates.get(random.nextInt(templates.size()));
        List<String> words = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        Set<String> used = new HashSet<>();
        boolean skipping = false;
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
                String phrase = phrase(family, slot, used);
                boolean entity = !(slot.equals("with") || slot.equals("filler") || slot.equals("cat"));
                addPhrase(words, tags, phrase, entity ? slot : null);
            } else {
                addPhrase(words, tags, token, null);
            }
        }
        applyCasing(words);
        return new TaggedSentence(id, words, tags);
    }

    private String phrase(Family family, String slot, Set<String> used) {
        if (!heldOut && !heldOutTemplates && PSEUDO_SLOTS.contains(slot) && random.nextDouble() < pseudoProbability) {
            String invented;
            do {
                // templated inventions such as "ISO Class 5" can coincide with a held-out phrase: never leak those
                invented = PseudoWords.phrase(slot, random);
            } while (VocabularySplit.isHeldOut(invented));
            return invented;
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
            default:
                // sometimes borrow the slot's phrase from another family: more lexical variety per context
                Family source = !heldOutTemplates && random.nextDouble() < CROSS_FAMILY_PROBABILITY
                        ? Lexicon.FAMILIES.get(random.nextInt(Lexicon.FAMILIES.size())) : family;
                List<String> all = source.slots().get(slot);
                if (all == null) {
                    throw new IllegalStateException("family " + family.name() + " has no slot " + slot);
                }
                return pickFrom(all, used);
        }
    }

    /** Picks a phrase not yet used in this description, from the training or (mostly) held-out vocabulary. */
    private String pickFrom(List<String> all, Set<String> used) {
        List<String> pool = heldOut && random.nextDouble() < 0.7 ? VocabularySplit.heldOut(all) : VocabularySplit.train(all);
        String choice = pool.get(random.nextInt(pool.size()));
        for (int attempt = 0; attempt < 5 && used.contains(choice); attempt++) {
            choice = pool.get(random.nextInt(pool.size()));
        }
        used.add(choice);
        return typo(choice);
    }

    /** Occasional dropped letter: real catalogues contain typos, and it forces sub-word generalization. */
    private String typo(String phrase) {
        if (random.nextDouble() >= 0.02 || phrase.length() < 6) {
            return phrase;
        }
        int i = 1 + random.nextInt(phrase.length() - 2);
        if (!Character.isLetter(phrase.charAt(i))) {
            return phrase;
        }
        return phrase.substring(0, i) + phrase.substring(i + 1);
    }

    private static void addPhrase(List<String> words, List<String> tags, String phrase, String type) {
        String[] parts = phrase.trim().split("\\s+");
        for (int i = 0; i < parts.length; i++) {
            words.add(parts[i]);
            tags.add(type == null ? "O" : (i == 0 ? "B-" : "I-") + type);
        }
    }

    /** Upper case that keeps the micro sign: Java would turn "µ" into Greek capital mu. */
    private static String upper(String w) {
        StringBuilder sb = new StringBuilder(w.length());
        w.codePoints().forEach(cp -> sb.appendCodePoint(cp == 'µ' ? cp : Character.toUpperCase(cp)));
        return sb.toString();
    }

    /** Casing noise: mostly as written, sometimes upper/lower/title case, rarely a single word flipped. */
    private void applyCasing(List<String> words) {
        double mode = random.nextDouble();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (mode < 0.10) {
                w = upper(w);
            } else if (mode < 0.20) {
                w = w.toLowerCase(Locale.ROOT);
            } else if (mode < 0.30) {
                w = w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
            }
            if (random.nextDouble() < 0.03) {
                w = upper(w);
            }
            words.set(i, w);
        }
    }
}
