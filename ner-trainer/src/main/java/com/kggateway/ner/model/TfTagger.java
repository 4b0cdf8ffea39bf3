package com.kggateway.ner.model;

import com.kggateway.ner.features.Batch;
import com.kggateway.ner.features.EncodedWindow;
import com.kggateway.ner.features.SentenceEncoder;
import dev.kggateway.ner.contract.TagSet;
import dev.kggateway.ner.contract.WordWindows;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs the tagging model in a TF session, addressing tensors by name so it works for the in-memory training
 * graph, the export graph and a loaded SavedModel alike. Every batch is padded to max_sequence_length, exactly
 * like the gateway will feed the model.
 */
public final class TfTagger implements WordTagger {
    private final Session session;
    private final String idsName;
    private final String maskName;
    private final String typeName;
    private final String probabilitiesName;
    /** Null when the model takes no word features. */
    private final String featuresName;
    private final SentenceEncoder encoder;
    private final TagSet tags;
    private final int batchSize;
    /** Longest window of pieces read at once (the gateway's kg.ner.window-pieces). */
    private final int windowPieces;

    public TfTagger(Session session, String idsName, String maskName, String typeName, String probabilitiesName,
                    SentenceEncoder encoder, TagSet tags, int batchSize) {
        this(session, idsName, maskName, typeName, null, probabilitiesName, encoder, tags, batchSize);
    }

    /** @param featuresName the word-feature input, or null when the model takes none */
    public TfTagger(Session session, String idsName, String maskName, String typeName, String featuresName,
                    String probabilitiesName, SentenceEncoder encoder, TagSet tags, int batchSize) {
        this(session, idsName, maskName, typeName, featuresName, probabilitiesName, encoder, tags, batchSize,
                WordWindows.DEFAULT_PIECES);
    }

    private TfTagger(Session session, String idsName, String maskName, String typeName, String featuresName,
                     String probabilitiesName, SentenceEncoder encoder, TagSet tags, int batchSize, int windowPieces) {
        this.windowPieces = windowPieces;
        this.featuresName = featuresName;
        this.session = session;
        this.idsName = idsName;
        this.maskName = maskName;
        this.typeName = typeName;
        this.probabilitiesName = probabilitiesName;
        this.encoder = encoder;
        this.tags = tags;
        this.batchSize = batchSize;
    }

    /** The same model read in windows of at most {@code pieces} pieces (a gateway's {@code kg.ner.window-pieces}). */
    public TfTagger windowPieces(int pieces) {
        return new TfTagger(session, idsName, maskName, typeName, featuresName, probabilitiesName, encoder, tags,
                batchSize, pieces);
    }

    /** Tagger over a graph built by {@link BertTokenClassifier} (op names are fixed there). */
    public static TfTagger forGraph(Session session, SentenceEncoder encoder, TagSet tags, int batchSize) {
        return new TfTagger(session, "input_word_ids", "input_mask", "input_type_ids",
                encoder.features() != null ? dev.kggateway.ner.contract.WordFeatures.INPUT : null, "probabilities",
                encoder, tags, batchSize);
    }

    /** The encoder that turns words into this model's rows. */
    public SentenceEncoder encoder() {
        return encoder;
    }

    /** Raw forward pass: flat [rows * seq * nTags] probabilities. */
    public float[] probabilities(Batch batch) {
        try (TInt32 ids = Tensors.ints(batch.inputIds, batch.size, batch.seqLength);
             TInt32 mask = Tensors.ints(batch.inputMask, batch.size, batch.seqLength);
             TInt32 types = Tensors.ints(batch.typeIds, batch.size, batch.seqLength);
             TInt32 features = Tensors.ints(batch.featureIds, batch.size, batch.seqLength)) {
            Session.Runner runner = session.runner().feed(idsName, ids).feed(maskName, mask).feed(typeName, types);
            if (featuresName != null) {
                runner.feed(featuresName, features);
            }
            try (Result r = runner.fetch(probabilitiesName).run()) {
                return Tensors.toArray((TFloat32) r.get(0));
            }
        }
    }

    /**
     * Per sentence, per whitespace word: the model's probability vector at the word's first piece, or null for a
     * word without pieces. Read as the gateway reads it: in the contract's overlapping windows
     * ({@link SentenceEncoder#encodeForInference}), each word from the window where it sits farthest from an edge.
     */
    @Override
    public List<float[][]> wordProbabilities(List<List<String>> sentencesWords) {
        List<EncodedWindow> windows = new ArrayList<>();
        List<Integer> owner = new ArrayList<>();
        for (int s = 0; s < sentencesWords.size(); s++) {
            for (EncodedWindow w : encoder.encodeForInference(sentencesWords.get(s), windowPieces)) {
                windows.add(w);
                owner.add(s);
            }
        }
        List<float[][]> out = new ArrayList<>();
        for (List<String> s : sentencesWords) {
            out.add(new float[s.size()][]);
        }
        int n = tags.size();
        int seq = encoder.maxSequenceLength();
        for (int from = 0; from < windows.size(); from += batchSize) {
            List<EncodedWindow> chunk = windows.subList(from, Math.min(windows.size(), from + batchSize));
            float[] p = probabilities(Batch.of(chunk, seq));
            for (int r = 0; r < chunk.size(); r++) {
                EncodedWindow w = chunk.get(r);
                float[][] target = out.get(owner.get(from + r));
                for (int k = 0; k < w.wordCount(); k++) {
                    if (w.firstPiece()[k] < 0) {
                        continue;
                    }
                    int base = (r * seq + w.firstPiece()[k]) * n;
                    target[w.firstWord() + k] = Arrays.copyOfRange(p, base, base + n);
                }
            }
        }
        return out;
    }

    /** Predicted (arg-max) tag per word for each sentence; O for words without pieces. */
    public List<List<String>> tag(List<List<String>> sentencesWords) {
        List<List<String>> result = new ArrayList<>();
        for (float[][] words : wordProbabilities(sentencesWords)) {
            result.add(dev.kggateway.ner.contract.Predictions.tags(words, tags, 1.0).tags());
        }
        return result;
    }

    @Override
    public TagSet tags() {
        return tags;
    }
}
