package com.kggateway.ner.model;

import com.kggateway.ner.features.Batch;
import com.kggateway.ner.features.EncodedWindow;
import com.kggateway.ner.features.SentenceEncoder;
import com.kggateway.ner.features.TagSet;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs the tagging model in a TF session, addressing tensors by name so it works for the in-memory training
 * graph, the export graph and a loaded SavedModel alike. Every batch is padded to max_sequence_length, exactly
 * like the gateway will feed the model.
 */
public final class TfTagger {
    private final Session session;
    private final String idsName;
    private final String maskName;
    private final String typeName;
    private final String probabilitiesName;
    private final SentenceEncoder encoder;
    private final TagSet tags;
    private final int batchSize;

    public TfTagger(Session session, String idsName, String maskName, String typeName, String probabilitiesName,
                    SentenceEncoder encoder, TagSet tags, int batchSize) {
        this.session = session;
        this.idsName = idsName;
        this.maskName = maskName;
        this.typeName = typeName;
        this.probabilitiesName = probabilitiesName;
        this.encoder = encoder;
        this.tags = tags;
        this.batchSize = batchSize;
    }

    /** Tagger over a graph built by {@link BertTokenClassifier} (op names are fixed there). */
    public static TfTagger forGraph(Session session, SentenceEncoder encoder, TagSet tags, int batchSize) {
        return new TfTagger(session, "input_word_ids", "input_mask", "input_type_ids", "probabilities",
                encoder, tags, batchSize);
    }

    /** Raw forward pass: flat [rows * seq * nTags] probabilities. */
    public float[] probabilities(Batch batch) {
        try (TInt32 ids = Tensors.ints(batch.inputIds, batch.size, batch.seqLength);
             TInt32 mask = Tensors.ints(batch.inputMask, batch.size, batch.seqLength);
             TInt32 types = Tensors.ints(batch.typeIds, batch.size, batch.seqLength);
             Result r = session.runner().feed(idsName, ids).feed(maskName, mask).feed(typeName, types)
                     .fetch(probabilitiesName).run()) {
            return Tensors.toArray((TFloat32) r.get(0));
        }
    }

    /** Predicted tag per pre-token for each sentence (argmax at the first word piece). */
    public List<List<String>> tag(List<List<String>> sentencesPreTokens) {
        List<EncodedWindow> windows = new ArrayList<>();
        List<Integer> owner = new ArrayList<>();
        for (int s = 0; s < sentencesPreTokens.size(); s++) {
            for (EncodedWindow w : encoder.encode(sentencesPreTokens.get(s), null)) {
                windows.add(w);
                owner.add(s);
            }
        }
        List<String[]> out = new ArrayList<>();
        for (List<String> s : sentencesPreTokens) {
            out.add(new String[s.size()]);
        }
        int n = tags.size();
        int seq = encoder.maxSequenceLength();
        for (int from = 0; from < windows.size(); from += batchSize) {
            List<EncodedWindow> chunk = windows.subList(from, Math.min(windows.size(), from + batchSize));
            float[] p = probabilities(Batch.of(chunk, seq));
            for (int r = 0; r < chunk.size(); r++) {
                EncodedWindow w = chunk.get(r);
                String[] target = out.get(owner.get(from + r));
                for (int k = 0; k < w.preTokenCount(); k++) {
                    int base = (r * seq + w.firstPiece()[k]) * n;
                    int best = 0;
                    for (int c = 1; c < n; c++) {
                        if (p[base + c] > p[base + best]) {
                            best = c;
                        }
                    }
                    target[w.firstPreToken() + k] = tags.tag(best);
                }
            }
        }
        List<List<String>> result = new ArrayList<>();
        for (String[] a : out) {
            result.add(List.of(a));
        }
        return result;
    }
}
