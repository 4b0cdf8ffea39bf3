package dev.kggateway.ner.contract;

import java.util.ArrayList;
import java.util.List;

/**
 * From the model's output to entities, the same way in the trainer and the gateway: per word, the probability
 * vector at its first word piece is calibrated ({@link Calibration}, temperature from config.json), the arg-max
 * tag is the word's tag and its calibrated probability the word's confidence; {@link BioDecoder} builds the
 * entities. A word without any word piece (only characters the tokenizer drops) is outside.
 */
public final class Predictions {

    private Predictions() {
    }

    /** Tag and calibrated probability per word. */
    public record WordTags(List<String> tags, double[] probabilities) {
    }

    /** @param wordProbs per word the model's probability vector at its first piece, or null when it has none */
    public static WordTags tags(float[][] wordProbs, TagSet tagSet, double temperature) {
        List<String> tags = new ArrayList<>(wordProbs.length);
        double[] probs = new double[wordProbs.length];
        for (int w = 0; w < wordProbs.length; w++) {
            float[] p = wordProbs[w];
            if (p == null) {
                tags.add(TagSet.OUTSIDE);
                probs[w] = 1;
                continue;
            }
            int best = Calibration.argmax(p, 0, p.length);
            tags.add(tagSet.tag(best));
            probs[w] = temperature == 1.0 ? p[best] : Calibration.apply(p, 0, p.length, temperature)[best];
        }
        return new WordTags(tags, probs);
    }

    public static List<Entity> entities(String text, List<Words.Word> words, float[][] wordProbs, TagSet tagSet,
            double temperature) {
        return entities(text, words, wordProbs, tagSet, temperature, null, null);
    }

    /**
     * Entities whose confidence is the span verifier's probability when the model folder ships one ({@link
     * SpanVerifier}), else the mean calibrated probability of their words.
     *
     * @param verifier null: no verifier
     * @param lexicalClasses the folder's lexical-class table for the verifier's features (null when it has none)
     */
    public static List<Entity> entities(String text, List<Words.Word> words, float[][] wordProbs, TagSet tagSet,
            double temperature, SpanVerifier verifier, LexicalClassTable lexicalClasses) {
        WordTags t = tags(wordProbs, tagSet, temperature);
        List<Entity> entities = BioDecoder.entities(text, words, t.tags(), t.probabilities());
        if (verifier == null || entities.isEmpty()) {
            return entities;
        }
        return verifier.rescore(new SpanFeatures.Tagged(text, words, wordProbs, tagSet, temperature, t.tags()),
                entities, lexicalClasses);
    }
}
