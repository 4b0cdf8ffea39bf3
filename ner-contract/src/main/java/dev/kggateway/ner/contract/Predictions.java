package dev.kggateway.ner.contract;

import java.util.ArrayList;
import java.util.List;

/**
 * From the model's output to entities, the same way in the trainer and the gateway: per word, the probability
 * vector at its first word piece is calibrated ({@link Calibration}, temperature from config.json), the word's tag
 * is chosen by the folder's {@link Decoding} (by default the arg-max tag; or the best BIO-valid sequence,
 * {@link BioViterbi}) and that tag's calibrated probability is the word's confidence; {@link BioDecoder} builds the
 * entities. A word without any word piece (only characters the tokenizer drops) is outside.
 */
public final class Predictions {

    private Predictions() {
    }

    /**
     * Tag and calibrated probability per word, and the calibrated distributions themselves (null per word without
     * pieces) for a confidence that needs the whole lattice ({@link BioSpanMarginal}).
     */
    public record WordTags(List<String> tags, double[] probabilities, double[][] calibrated) {
    }

    /** @param wordProbs per word the model's probability vector at its first piece, or null when it has none */
    public static WordTags tags(float[][] wordProbs, TagSet tagSet, double temperature) {
        return tags(wordProbs, tagSet, temperature, Decoding.ARGMAX);
    }

    /** @param wordProbs per word the model's probability vector at its first piece, or null when it has none */
    public static WordTags tags(float[][] wordProbs, TagSet tagSet, double temperature, Decoding decoding) {
        if (decoding == Decoding.VITERBI) {
            return viterbi(wordProbs, tagSet, temperature);
        }
        List<String> tags = new ArrayList<>(wordProbs.length);
        double[] probs = new double[wordProbs.length];
        double[][] calibrated = new double[wordProbs.length][];
        for (int w = 0; w < wordProbs.length; w++) {
            float[] p = wordProbs[w];
            if (p == null) {
                tags.add(TagSet.OUTSIDE);
                probs[w] = 1;
                continue;
            }
            int best = Calibration.argmax(p, 0, p.length);
            tags.add(tagSet.tag(best));
            calibrated[w] = Calibration.apply(p, 0, p.length, temperature);
            probs[w] = temperature == 1.0 ? p[best] : calibrated[w][best];
        }
        return new WordTags(tags, probs, calibrated);
    }

    private static WordTags viterbi(float[][] wordProbs, TagSet tagSet, double temperature) {
        double[][] calibrated = new double[wordProbs.length][];
        for (int w = 0; w < wordProbs.length; w++) {
            float[] p = wordProbs[w];
            calibrated[w] = p == null ? null : Calibration.apply(p, 0, p.length, temperature);
        }
        int[] path = BioViterbi.decode(calibrated, tagSet);
        List<String> tags = new ArrayList<>(path.length);
        double[] probs = new double[path.length];
        for (int w = 0; w < path.length; w++) {
            tags.add(calibrated[w] == null ? TagSet.OUTSIDE : tagSet.tag(path[w]));
            probs[w] = calibrated[w] == null ? 1 : calibrated[w][path[w]];
        }
        return new WordTags(tags, probs, calibrated);
    }

    public static List<Entity> entities(String text, List<Words.Word> words, float[][] wordProbs, TagSet tagSet,
            double temperature) {
        return entities(text, words, wordProbs, tagSet, temperature, Decoding.ARGMAX, null, null);
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
        return entities(text, words, wordProbs, tagSet, temperature, Decoding.ARGMAX, verifier, lexicalClasses);
    }

    /** As above, with the word tags chosen by {@code decoding} (the folder's manifest; seed-style: arg-max). */
    public static List<Entity> entities(String text, List<Words.Word> words, float[][] wordProbs, TagSet tagSet,
            double temperature, Decoding decoding, SpanVerifier verifier, LexicalClassTable lexicalClasses) {
        return entities(text, words, wordProbs, tagSet, temperature, decoding, BioDecoder.CONFIDENCE, verifier,
                lexicalClasses);
    }

    /**
     * As above, with the entity confidence (without a verifier) computed by {@code confidence} (the folder's
     * manifest {@code "confidence"}; absent: mean). For {@link BioDecoder.Confidence#SPAN_MARGINAL} it is the
     * marginal of the decoded tag span under the BIO-constrained model ({@link BioSpanMarginal}).
     */
    public static List<Entity> entities(String text, List<Words.Word> words, float[][] wordProbs, TagSet tagSet,
            double temperature, Decoding decoding, BioDecoder.Confidence confidence, SpanVerifier verifier,
            LexicalClassTable lexicalClasses) {
        WordTags t = tags(wordProbs, tagSet, temperature, decoding);
        List<Entity> entities = entities(text, words, t, tagSet, confidence);
        if (verifier == null || entities.isEmpty()) {
            return entities;
        }
        return verifier.rescore(new SpanFeatures.Tagged(text, words, wordProbs, tagSet, temperature, t.tags()),
                entities, lexicalClasses);
    }

    /**
     * Entities of word tags already chosen, with their confidence computed by {@code confidence} (the BIO lattice's
     * span marginals are built only for {@link BioDecoder.Confidence#SPAN_MARGINAL}).
     */
    public static List<Entity> entities(String text, List<Words.Word> words, WordTags tags, TagSet tagSet,
            BioDecoder.Confidence confidence) {
        BioSpanMarginal marginals = confidence == BioDecoder.Confidence.SPAN_MARGINAL
                ? BioSpanMarginal.of(tags.calibrated(), tagSet) : null;
        return BioDecoder.entities(text, words, tags.tags(), tags.probabilities(), confidence, marginals);
    }
}
