package dev.kggateway.ner;

import dev.kggateway.domain.Ids;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one tag per word into properties. Like seqeval's default mode, an {@code I-X} that does not continue an
 * {@code X} entity starts a new one. The value is the original text from the entity's first to last character,
 * lower-cased and whitespace-normalised; the confidence is the mean probability of its words' tags. Duplicates
 * (same type and value) keep the highest confidence.
 */
public final class BioDecoder {

    private BioDecoder() {
    }

    /**
     * @param tagOfWord index into {@code tags} per word
     * @param probOfWord probability of that tag per word
     */
    public static List<ExtractedProperty> decode(String text, int[] charStart, int[] charEnd, int[] tagOfWord,
            double[] probOfWord, String[] tags) {
        List<ExtractedProperty> found = new ArrayList<>();
        String type = null;
        int first = -1;
        int last = -1;
        double sum = 0;
        for (int w = 0; w <= tagOfWord.length; w++) {
            String tag = w < tagOfWord.length ? tags[tagOfWord[w]] : "O";
            String wordType = tag.length() > 2 && tag.charAt(1) == '-' ? tag.substring(2) : null;
            boolean continues = type != null && wordType != null && tag.startsWith("I-") && wordType.equals(type);
            if (!continues && type != null) {
                add(found, text, type, charStart[first], charEnd[last], sum / (last - first + 1));
                type = null;
            }
            if (wordType == null) {
                continue;
            }
            if (!continues) {
                type = wordType;
                first = w;
                sum = 0;
            }
            last = w;
            sum += probOfWord[w];
        }
        Map<String, ExtractedProperty> merged = new LinkedHashMap<>();
        for (ExtractedProperty p : found) {
            merged.merge(p.type() + "\u0000" + p.value(), p, (a, b) -> a.confidence() >= b.confidence() ? a : b);
        }
        return new ArrayList<>(merged.values());
    }

    private static void add(List<ExtractedProperty> out, String text, String type, int start, int end, double confidence) {
        String value = Ids.normaliseText(text.substring(start, end));
        if (!value.isEmpty()) {
            out.add(new ExtractedProperty(type, value, confidence, start, end));
        }
    }
}
