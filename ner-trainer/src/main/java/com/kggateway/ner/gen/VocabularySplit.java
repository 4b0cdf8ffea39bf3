package com.kggateway.ner.gen;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.List;

/**
 * Deterministically assigns each phrase to the training or the held-out vocabulary by a hash of the phrase
 * itself (not its list position), so the same phrase is on the same side in every family and the split survives
 * edits to the lexicon. About one phrase in five is held out.
 */
final class VocabularySplit {
    /** Splits of the (immutable) lexicon lists, computed once: WordNet lists have thousands of entries. */
    private static final Map<List<String>, List<List<String>>> CACHE = Collections.synchronizedMap(new IdentityHashMap<>());

    private VocabularySplit() { }

    static List<String> trainCached(List<String> all) {
        return CACHE.computeIfAbsent(all, a -> List.of(List.copyOf(train(a)), List.copyOf(heldOut(a)))).get(0);
    }

    static List<String> heldOutCached(List<String> all) {
        return CACHE.computeIfAbsent(all, a -> List.of(List.copyOf(train(a)), List.copyOf(heldOut(a)))).get(1);
    }

    static boolean isHeldOut(String phrase) {
        int h = phrase.toLowerCase().hashCode();
        h ^= (h >>> 16);
        h *= 0x45d9f3b;
        h ^= (h >>> 16);
        return Math.floorMod(h, 5) == 0;
    }

    /** Training part of a list; never empty (a list with every phrase held out keeps all). */
    static List<String> train(List<String> all) {
        List<String> out = new ArrayList<>();
        for (String s : all) {
            if (!isHeldOut(s)) {
                out.add(s);
            }
        }
        return out.isEmpty() ? all : out;
    }

    /** Held-out part of a list; falls back to the full list if nothing is held out. */
    static List<String> heldOut(List<String> all) {
        List<String> out = new ArrayList<>();
        for (String s : all) {
            if (isHeldOut(s)) {
                out.add(s);
            }
        }
        return out.isEmpty() ? all : out;
    }
}
