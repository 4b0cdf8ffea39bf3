package com.kggateway.ner.tokenize;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Learns a WordPiece vocabulary the way HF's WordPieceTrainer does: BPE merges over word frequencies, where a
 * word starts as its first character plus "##"-prefixed following characters, and every merge result becomes a
 * vocabulary entry. All characters seen (plain and "##") are always in the vocabulary so that only genuinely
 * unseen characters map to [UNK]. Ties are broken lexicographically so the result is deterministic.
 */
public final class WordPieceVocabBuilder {
    private final int targetSize;
    private final int minPairFrequency;

    public WordPieceVocabBuilder(int targetSize, int minPairFrequency) {
        this.targetSize = targetSize;
        this.minPairFrequency = minPairFrequency;
    }

    /** @param wordFrequencies normalized pre-tokens and their corpus counts */
    public Vocab build(Map<String, Integer> wordFrequencies) {
        // Symbol table: id -> string; words as int sequences keep the merge loop cheap.
        List<String> symbols = new ArrayList<>();
        Map<String, Integer> symbolIds = new HashMap<>();
        Set<String> vocab = new LinkedHashSet<>(Vocab.SPECIALS);

        // sorted iteration => deterministic symbol ids
        TreeMap<String, Integer> sortedWords = new TreeMap<>(wordFrequencies);
        List<int[]> words = new ArrayList<>();
        List<Integer> freqs = new ArrayList<>();
        TreeMap<String, Boolean> alphabet = new TreeMap<>();
        for (Map.Entry<String, Integer> e : sortedWords.entrySet()) {
            String w = e.getKey();
            if (w.isEmpty() || w.codePointCount(0, w.length()) > WordPiece.MAX_INPUT_CHARS_PER_WORD) {
                continue;
            }
            int[] seq = w.codePoints().toArray();
            int[] ids = new int[seq.length];
            for (int i = 0; i < seq.length; i++) {
                String s = (i == 0 ? "" : WordPiece.CONTINUATION) + new String(Character.toChars(seq[i]));
                alphabet.put(s, true);
                ids[i] = symbolIds.computeIfAbsent(s, k -> { symbols.add(k); return symbols.size() - 1; });
            }
            words.add(ids);
            freqs.add(e.getValue());
        }
        // every character both as word start and as continuation, so any seen char sequence is representable
        for (String s : new ArrayList<>(alphabet.keySet())) {
            String bare = s.startsWith(WordPiece.CONTINUATION) ? s.substring(2) : s;
            vocab.add(bare);
            vocab.add(WordPiece.CONTINUATION + bare);
        }

        while (vocab.size() < targetSize) {
            Map<Long, Integer> pairCounts = new HashMap<>();
            for (int w = 0; w < words.size(); w++) {
                int[] ids = words.get(w);
                int f = freqs.get(w);
                for (int i = 0; i + 1 < ids.length; i++) {
                    pairCounts.merge(((long) ids[i] << 32) | ids[i + 1], f, Integer::sum);
                }
            }
            long best = -1;
            int bestCount = 0;
            String bestString = null;
            for (Map.Entry<Long, Integer> e : pairCounts.entrySet()) {
                int c = e.getValue();
                if (c < bestCount || c < minPairFrequency) {
                    continue;
                }
                String merged = merge(symbols, e.getKey());
                if (c > bestCount || merged.compareTo(bestString) < 0) {
                    best = e.getKey();
                    bestCount = c;
                    bestString = merged;
                }
            }
            if (best < 0) {
                break;
            }
            int a = (int) (best >>> 32);
            int b = (int) best;
            final String mergedString = bestString;
            int newId = symbolIds.computeIfAbsent(mergedString, k -> { symbols.add(k); return symbols.size() - 1; });
            vocab.add(mergedString);
            for (int w = 0; w < words.size(); w++) {
                words.set(w, applyMerge(words.get(w), a, b, newId));
            }
        }
        return new Vocab(new ArrayList<>(vocab));
    }

    private static String merge(List<String> symbols, long pair) {
        String left = symbols.get((int) (pair >>> 32));
        String right = symbols.get((int) pair);
        return left + right.substring(WordPiece.CONTINUATION.length());
    }

    private static int[] applyMerge(int[] ids, int a, int b, int merged) {
        int count = 0;
        for (int i = 0; i + 1 < ids.length; i++) {
            if (ids[i] == a && ids[i + 1] == b) {
                count++;
                i++;
            }
        }
        if (count == 0) {
            return ids;
        }
        int[] out = new int[ids.length - count];
        int j = 0;
        for (int i = 0; i < ids.length; i++) {
            if (i + 1 < ids.length && ids[i] == a && ids[i + 1] == b) {
                out[j++] = merged;
                i++;
            } else {
                out[j++] = ids[i];
            }
        }
        return out;
    }
}
