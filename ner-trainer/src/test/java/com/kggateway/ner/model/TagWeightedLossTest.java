package com.kggateway.ner.model;

import com.kggateway.ner.data.TaggedSentence;
import com.kggateway.ner.gen.ProductDescriptionGenerator;
import dev.kggateway.ner.contract.TagSet;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --tag-weight's loss: the graph computes the weighted mean by hand, and the trainer really feeds the weights. */
class TagWeightedLossTest {
    private static final TagSet TAGS = TagSet.standard();
    private static final BertConfig CONFIG = new BertConfig(50, 16, 1, 2, 32, 16, TAGS.size(), 0f);
    // two rows of 6 positions; -1 = no label ([CLS], [SEP], later pieces, padding)
    private static final int[] IDS = {2, 7, 8, 9, 10, 3, 2, 11, 12, 3, 0, 0};
    private static final int[] MASK = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0};
    private static final int[] LABELS = {-1, TAGS.id("B-series"), TAGS.id("I-series"), TAGS.id("B-brand"), -1, -1,
            -1, TAGS.id("O"), TAGS.id("B-series"), -1, -1, -1};

    /** [loss, logits...] of the training graph with these weights, on fixed initial weights (seed 3), no dropout. */
    private static float[] lossAndLogits(float[] weights) {
        try (Graph graph = new Graph()) {
            BertTokenClassifier model = new BertTokenClassifier(graph, CONFIG, true, 0f, weights);
            try (Session session = Sessions.open(graph, 1)) {
                WeightSnapshot.initial(model, 3L).assignTo(session, model);
                try (TInt32 ids = Tensors.ints(IDS, 2, 6); TInt32 mask = Tensors.ints(MASK, 2, 6);
                     TInt32 types = Tensors.ints(new int[12], 2, 6); TInt32 labels = Tensors.ints(LABELS, 2, 6);
                     Result r = session.runner().feed(model.inputWordIds, ids).feed(model.inputMask, mask)
                             .feed(model.inputTypeIds, types).feed(model.labels, labels)
                             .fetch(model.loss).fetch(model.logits).run()) {
                    float loss = ((TFloat32) r.get(0)).getFloat();
                    float[] logits = Tensors.toArray((TFloat32) r.get(1));
                    float[] out = new float[1 + logits.length];
                    out[0] = loss;
                    System.arraycopy(logits, 0, out, 1, logits.length);
                    return out;
                }
            }
        }
    }

    /** sum over labelled positions of weight(gold) x -log softmax(logits)[gold], divided by the labelled count. */
    private static double handLoss(float[] logits, float[] weights) {
        int n = TAGS.size();
        double sum = 0;
        int count = 0;
        for (int p = 0; p < LABELS.length; p++) {
            if (LABELS[p] < 0) {
                continue;
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < n; k++) {
                max = Math.max(max, logits[p * n + k]);
            }
            double z = 0;
            for (int k = 0; k < n; k++) {
                z += Math.exp(logits[p * n + k] - max);
            }
            double nll = -(logits[p * n + LABELS[p]] - max - Math.log(z));
            sum += (weights == null ? 1 : weights[LABELS[p]]) * nll;
            count++;
        }
        return sum / count;
    }

    @Test
    void theLossIsTheWeightedMeanOverLabelledPositions() {
        float[] weights = NerTrainer.tagWeights(TAGS, Map.of("series", 2f));
        float[] plain = lossAndLogits(null);
        float[] weighted = lossAndLogits(weights);
        float[] logits = Arrays.copyOfRange(plain, 1, plain.length);
        assertArrayEquals(logits, Arrays.copyOfRange(weighted, 1, weighted.length), "same weights, same logits");
        assertEquals(handLoss(logits, null), plain[0], 1e-5);
        assertEquals(handLoss(logits, weights), weighted[0], 1e-5);
        // 3 of the 5 labelled positions are series: weight 2 must show in the figure, not only in the code
        assertTrue(weighted[0] > plain[0] * 1.2, plain[0] + " -> " + weighted[0]);
        float[] ones = new float[TAGS.size()];
        Arrays.fill(ones, 1f);
        assertEquals(plain[0], lossAndLogits(ones)[0], 1e-6, "weight 1 everywhere = the unweighted loss");
    }

    @Test
    void weightsGoToBothTagsOfTheTypeAndUnknownTypesAreRefused() {
        float[] w = NerTrainer.tagWeights(TAGS, Map.of("series", 2.5f, "brand", 0.5f));
        for (int id = 0; id < TAGS.size(); id++) {
            String type = TagSet.type(TAGS.tag(id));
            float expected = "series".equals(type) ? 2.5f : "brand".equals(type) ? 0.5f : 1f;
            assertEquals(expected, w[id], TAGS.tag(id));
        }
        assertNull(NerTrainer.tagWeights(TAGS, Map.of()), "no weights: the unweighted graph");
        assertThrows(IllegalArgumentException.class, () -> NerTrainer.tagWeights(TAGS, Map.of("serie", 2f)));
        assertThrows(IllegalArgumentException.class, () -> NerTrainer.tagWeights(TAGS, Map.of("O", 2f)));
        assertThrows(IllegalArgumentException.class, () -> NerTrainer.tagWeights(TAGS, Map.of("series", 0f)));
        assertThrows(IllegalArgumentException.class, () -> NerTrainer.tagWeights(TAGS, Map.of("series", Float.NaN)));
        assertThrows(IllegalArgumentException.class, () -> new TrainingOptions(32, 1, 2, 64, 64, 400, 0.1f, 0.05f, 1,
                16, 5e-3f, 0.1f, 5, 7L, 1, Map.of("series", Float.POSITIVE_INFINITY)));
    }

    @Test
    void theTrainerFeedsTheWeightsDeterministically() {
        List<TaggedSentence> train = new ProductDescriptionGenerator(1, false).generate(64, "t");
        TrainingOptions plain = new TrainingOptions(32, 1, 2, 64, 64, 400, 0.1f, 0.05f, 1, 16, 5e-3f, 0.1f, 5, 7L, 1);
        TrainingOptions weighted = plain.withTagWeights(Map.of("brand", 3f));
        List<Float> a = losses(plain, train);
        List<Float> b = losses(weighted, train);
        List<Float> b2 = losses(weighted, train);
        assertEquals(b, b2, "same seed and weights, same loss curve");
        // same seed, data, init and batches: only the weights differ, and brand words are in the first batch
        assertNotEquals(a.get(0), b.get(0));
        assertTrue(b.get(0) > a.get(0), a.get(0) + " vs " + b.get(0));
    }

    private static List<Float> losses(TrainingOptions options, List<TaggedSentence> train) {
        List<Float> out = new ArrayList<>();
        new NerTrainer(options, new PrintStream(new ByteArrayOutputStream())).train(train, List.of(), out::add);
        return out;
    }
}
