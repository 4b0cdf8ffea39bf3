package com.kggateway.ner.model;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Assign;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.PlaceholderWithDefault;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.math.Mean;
import org.tensorflow.op.train.BatchMatMul;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import dev.kggateway.ner.contract.WordFeatures;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small BERT encoder with a token-classification head, built as a TF graph.
 *
 * <p>The same builder produces the training graph (with dropout and loss) and the lean inference graph that is
 * exported, so variable names line up. Variables are never initialized in-graph: every variable has a
 * placeholder + assign op, and weights are moved in and out as {@link WeightSnapshot}s. That keeps initial values
 * (drawn from a seeded Java RNG, hence deterministic) out of the exported saved_model.pb and makes "restore the
 * best epoch" a plain assign.
 *
 * <p>Activations inside the encoder are kept 2-D ([batch*seq, hidden]) so dense layers are plain matMuls; only
 * attention reshapes to [batch, heads, seq, headSize]. The sequence length is dynamic, which lets training pad
 * each batch only to its longest member.
 */
public final class BertTokenClassifier {
    /** The word-piece embedding table's variable name (what a pre-trained table initialises and may freeze). */
    public static final String WORD_EMBEDDINGS = "embeddings/word";
    public final BertConfig config;
    public final Placeholder<TInt32> inputWordIds;
    public final Placeholder<TInt32> inputMask;
    public final Placeholder<TInt32> inputTypeIds;
    /** Word feature id per position (WordFeatures); null when the model takes no features. */
    public final Placeholder<TInt32> inputFeatureIds;
    /** Label id per position, -1 where no label (non-first pieces, specials, padding). Training only. */
    public final Placeholder<TInt32> labels;
    /**
     * Distillation only: the teacher's tag distribution per position, [batch, seq, nTags]; null when the loss is the
     * hard-label loss alone.
     */
    public final Placeholder<TFloat32> softTargets;
    /** [2] seed for stateless dropout masks; defaults to [0,0]. Training graph only. */
    public final PlaceholderWithDefault<TInt32> dropoutSeed;
    /** Dropout rate, defaults to 0 so evaluating with the training graph is deterministic. Training graph only. */
    public final PlaceholderWithDefault<TFloat32> dropoutRate;
    /** The encoder's last hidden state, [batch*seq, hidden] (what the classifier reads; tests compare it). */
    public final Operand<TFloat32> sequenceOutput;
    public final Operand<TFloat32> logits;
    public final Operand<TFloat32> probabilities;
    public final Operand<TFloat32> loss;

    private final Ops tf;
    private final Map<String, Variable<TFloat32>> variables = new LinkedHashMap<>();
    private final Map<String, Shape> shapes = new LinkedHashMap<>();
    private final Map<String, Placeholder<TFloat32>> assignInputs = new LinkedHashMap<>();
    private final List<Op> assignOps = new ArrayList<>();
    private final boolean training;
    private final float[] tagWeights;
    private int dropoutCounter;
    private Operand<TInt32> seqShape; // shape(inputWordIds) = [batch, seq]

    public BertTokenClassifier(Graph graph, BertConfig config, boolean training) {
        this(graph, config, training, 0f);
    }

    /**
     * @param distillWeight 0: the loss is the hard-label cross-entropy; in (0, 1]: {@code w} x the cross-entropy
     *     against {@link #softTargets} + {@code (1 - w)} x the hard-label loss, on the same positions with the same
     *     weights (knowledge distillation, Hinton et al. 2015). Training graph only.
     */
    public BertTokenClassifier(Graph graph, BertConfig config, boolean training, float distillWeight) {
        this(graph, config, training, distillWeight, null);
    }

    /**
     * @param tagWeights null: every labelled position weighs 1 in the loss (the loss is then built exactly as
     *     without weights); else the loss weight of a labelled position by its gold tag id, length {@code nTags}.
     *     The weighted sum is still divided by the number of labelled positions, so all-ones weights give the
     *     unweighted mean. Training graph only.
     */
    public BertTokenClassifier(Graph graph, BertConfig config, boolean training, float distillWeight,
                               float[] tagWeights) {
        if (tagWeights != null && (!training || tagWeights.length != config.nTags())) {
            throw new IllegalArgumentException("tag weights: one per tag (" + config.nTags() + "), training graph only");
        }
        this.tagWeights = tagWeights == null ? null : tagWeights.clone();
        if (distillWeight < 0 || distillWeight > 1 || (distillWeight > 0 && !training)) {
            throw new IllegalArgumentException("distill weight " + distillWeight + " (in [0, 1], training graph only)");
        }
        this.config = config;
        this.training = training;
        this.tf = Ops.create(graph);
        Shape batchSeq = Shape.of(-1, -1);
        inputWordIds = tf.withName("input_word_ids").placeholder(TInt32.class, Placeholder.shape(batchSeq));
        inputMask = tf.withName("input_mask").placeholder(TInt32.class, Placeholder.shape(batchSeq));
        inputTypeIds = tf.withName("input_type_ids").placeholder(TInt32.class, Placeholder.shape(batchSeq));
        inputFeatureIds = config.takesFeatures()
                ? tf.withName(WordFeatures.INPUT).placeholder(TInt32.class, Placeholder.shape(batchSeq)) : null;
        labels = training ? tf.withName("labels").placeholder(TInt32.class, Placeholder.shape(batchSeq)) : null;
        softTargets = distillWeight > 0 ? tf.withName("soft_targets").placeholder(TFloat32.class,
                Placeholder.shape(Shape.of(-1, -1, config.nTags()))) : null;
        dropoutSeed = training ? tf.withName("dropout_seed").placeholderWithDefault(tf.constant(new int[] {0, 0}), Shape.of(2)) : null;
        dropoutRate = training ? tf.withName("dropout_rate").placeholderWithDefault(tf.constant(0f), Shape.scalar()) : null;
        seqShape = tf.shape(inputWordIds);

        Operand<TFloat32> x = embeddings();
        Operand<TFloat32> attentionBias = attentionBias();
        for (int l = 0; l < config.numLayers(); l++) {
            x = encoderLayer("layer_" + l, x, attentionBias);
        }
        sequenceOutput = x;
        Operand<TFloat32> logits2d = dense("classifier", x,
                config.hiddenSize(), config.nTags());
        Operand<TInt32> shape3 = tf.concat(List.of(seqShape, tf.constant(new int[] {config.nTags()})), tf.constant(0));
        logits = tf.reshape(logits2d, shape3);
        probabilities = tf.withName("probabilities").nn.softmax(logits);
        loss = training ? maskedCrossEntropy(logits2d, distillWeight) : null;
    }

    public Ops ops() {
        return tf;
    }

    public Map<String, Variable<TFloat32>> variables() {
        return variables;
    }

    public Map<String, Shape> shapes() {
        return shapes;
    }

    public Map<String, Placeholder<TFloat32>> assignInputs() {
        return assignInputs;
    }

    public List<Op> assignOps() {
        return assignOps;
    }

    // ---- building blocks -------------------------------------------------------------------------------------

    private Variable<TFloat32> weight(String name, long... dims) {
        Shape shape = Shape.of(dims);
        Variable<TFloat32> v = named(name).variable(shape, TFloat32.class);
        Placeholder<TFloat32> in = named(name + "_assign_value").placeholder(TFloat32.class, Placeholder.shape(shape));
        Assign<TFloat32> assign = named(name + "_assign").assign(v, in);
        variables.put(name, v);
        shapes.put(name, shape);
        assignInputs.put(name, in);
        assignOps.add(assign);
        return v;
    }

    /** Op names cannot contain '/', so "layer_0/query/kernel" becomes sub-scopes plus a final name. */
    private Ops named(String path) {
        String[] parts = path.split("/");
        Ops scoped = tf;
        for (int i = 0; i < parts.length - 1; i++) {
            scoped = scoped.withSubScope(parts[i]);
        }
        return scoped.withName(parts[parts.length - 1]);
    }

    private Operand<TFloat32> embeddings() {
        int h = config.hiddenSize();
        Variable<TFloat32> wordEmb = weight(WORD_EMBEDDINGS, config.vocabSize(), h);
        Variable<TFloat32> posEmb = weight("embeddings/position", config.maxSequenceLength(), h);
        Variable<TFloat32> typeEmb = weight("embeddings/token_type", 2, h);
        // position ids 0..seq-1 for every row, derived from the input so seq can be dynamic
        Operand<TInt32> positions = tf.math.sub(tf.math.cumsum(tf.onesLike(inputWordIds), tf.constant(1)), tf.constant(1));
        Operand<TFloat32> sum = tf.math.add(tf.math.add(
                tf.gather(wordEmb, inputWordIds, tf.constant(0)),
                tf.gather(posEmb, positions, tf.constant(0))),
                tf.gather(typeEmb, inputTypeIds, tf.constant(0)));
        if (config.takesFeatures()) {
            // Lexical class and word shape, each a small embedding added like the token-type embedding; the id is
            // class * shapes + shape (WordFeatures), split here so each table sees all its examples.
            int shapes = WordFeatures.SHAPES;
            int classes = config.featureCount() / shapes;
            Variable<TFloat32> classEmb = weight("embeddings/lexical_class", classes, h);
            Variable<TFloat32> shapeEmb = weight("embeddings/word_shape", shapes, h);
            Operand<TInt32> classIds = tf.math.floorDiv(inputFeatureIds, tf.constant(shapes));
            Operand<TInt32> shapeIds = tf.math.floorMod(inputFeatureIds, tf.constant(shapes));
            sum = tf.math.add(sum, tf.math.add(
                    tf.gather(classEmb, classIds, tf.constant(0)),
                    tf.gather(shapeEmb, shapeIds, tf.constant(0))));
        }
        Operand<TFloat32> flat = tf.reshape(sum, tf.constant(new int[] {-1, h}));
        return dropout(layerNorm("embeddings/ln", flat));
    }

    /** [batch, 1, 1, seq] additive bias: 0 for real tokens, -10000 for padding keys. */
    private Operand<TFloat32> attentionBias() {
        Operand<TFloat32> mask = tf.dtypes.cast(inputMask, TFloat32.class);
        Operand<TFloat32> expanded = tf.expandDims(tf.expandDims(mask, tf.constant(1)), tf.constant(1));
        return tf.math.mul(tf.math.sub(tf.constant(1f), expanded), tf.constant(-10000f));
    }

    private Operand<TFloat32> encoderLayer(String name, Operand<TFloat32> x, Operand<TFloat32> bias) {
        int h = config.hiddenSize();
        Operand<TFloat32> q = toHeads(dense(name + "/query", x, h, h));
        Operand<TFloat32> k = toHeads(dense(name + "/key", x, h, h));
        Operand<TFloat32> v = toHeads(dense(name + "/value", x, h, h));
        Operand<TFloat32> scores = tf.train.batchMatMul(q, k, TFloat32.class, BatchMatMul.adjY(true));
        scores = tf.math.add(tf.math.mul(scores, tf.constant((float) (1.0 / Math.sqrt(config.headSize())))), bias);
        Operand<TFloat32> attention = dropout(tf.nn.softmax(scores));
        Operand<TFloat32> context = fromHeads(tf.train.batchMatMul(attention, v, TFloat32.class));
        Operand<TFloat32> attended = dropout(dense(name + "/attention_output", context, h, h));
        x = layerNorm(name + "/attention_ln", tf.math.add(x, attended));
        Operand<TFloat32> inner = gelu(dense(name + "/intermediate", x, h, config.intermediateSize()));
        Operand<TFloat32> out = dropout(dense(name + "/output", inner, config.intermediateSize(), h));
        return layerNorm(name + "/output_ln", tf.math.add(x, out));
    }

    /** [batch*seq, hidden] -> [batch, heads, seq, headSize]. */
    private Operand<TFloat32> toHeads(Operand<TFloat32> x) {
        Operand<TInt32> shape = tf.concat(List.of(seqShape,
                tf.constant(new int[] {config.numHeads(), config.headSize()})), tf.constant(0));
        return tf.linalg.transpose(tf.reshape(x, shape), tf.constant(new int[] {0, 2, 1, 3}));
    }

    /** [batch, heads, seq, headSize] -> [batch*seq, hidden]. */
    private Operand<TFloat32> fromHeads(Operand<TFloat32> x) {
        Operand<TFloat32> t = tf.linalg.transpose(x, tf.constant(new int[] {0, 2, 1, 3}));
        return tf.reshape(t, tf.constant(new int[] {-1, config.hiddenSize()}));
    }

    private Operand<TFloat32> dense(String name, Operand<TFloat32> x, int in, int out) {
        Variable<TFloat32> w = weight(name + "/kernel", in, out);
        Variable<TFloat32> b = weight(name + "/bias", out);
        return tf.math.add(tf.linalg.matMul(x, w), b);
    }

    private Operand<TFloat32> layerNorm(String name, Operand<TFloat32> x) {
        int h = config.hiddenSize();
        Variable<TFloat32> gamma = weight(name + "/gamma", h);
        Variable<TFloat32> beta = weight(name + "/beta", h);
        Operand<TInt32> axis = tf.constant(new int[] {1});
        Operand<TFloat32> mean = tf.math.mean(x, axis, Mean.keepDims(true));
        Operand<TFloat32> variance = tf.math.mean(tf.math.squaredDifference(x, mean), axis,
                Mean.keepDims(true));
        Operand<TFloat32> normed = tf.math.mul(tf.math.sub(x, mean), tf.math.rsqrt(tf.math.add(variance, tf.constant(1e-12f))));
        return tf.math.add(tf.math.mul(normed, gamma), beta);
    }

    /** Exact GELU as in BERT: 0.5 x (1 + erf(x / sqrt 2)). */
    private Operand<TFloat32> gelu(Operand<TFloat32> x) {
        Operand<TFloat32> cdf = tf.math.mul(tf.constant(0.5f),
                tf.math.add(tf.constant(1f), tf.math.erf(tf.math.mul(x, tf.constant((float) (1.0 / Math.sqrt(2)))))));
        return tf.math.mul(x, cdf);
    }

    /**
     * Inverted dropout with a stateless RNG seeded per step from Java, so training is reproducible regardless of
     * op scheduling. Rate defaults to 0; the exported inference graph has no dropout ops at all.
     */
    private Operand<TFloat32> dropout(Operand<TFloat32> x) {
        if (!training || config.dropout() <= 0f) {
            return x;
        }
        int salt = ++dropoutCounter;
        Operand<TInt32> seed = tf.math.add(dropoutSeed, tf.constant(new int[] {0, salt * 7919}));
        Operand<TFloat32> u = tf.random.statelessRandomUniform(tf.shape(x), seed);
        Operand<TFloat32> keep = tf.math.sub(tf.constant(1f), dropoutRate);
        // u in [0,1): floor(u + keep) is 1 with probability keep (always 1 when the rate is 0)
        Operand<TFloat32> mask = tf.math.floor(tf.math.add(u, keep));
        return tf.math.mul(x, tf.math.div(mask, keep));
    }

    /**
     * Mean over labelled positions of -log p(gold); one-hot of label -1 is all zeros, so ignored positions drop out.
     * With tag weights, each labelled position's term is multiplied by its gold tag's weight (the sum is still
     * divided by the number of labelled positions); the distillation term uses the same per-position weights.
     * Distilling, the same mean of -sum(teacher * log p) is mixed in with weight {@code distillWeight}: a soft target
     * fits the same expression as a one-hot one, on the same positions (the labelled ones).
     */
    private Operand<TFloat32> maskedCrossEntropy(Operand<TFloat32> logits2d, float distillWeight) {
        Operand<TInt32> flatLabels = tf.reshape(labels, tf.constant(new int[] {-1}));
        Operand<TFloat32> oneHot = tf.oneHot(flatLabels, tf.constant(config.nTags()), tf.constant(1f), tf.constant(0f));
        Operand<TFloat32> logp = tf.nn.logSoftmax(logits2d);
        Operand<TFloat32> perToken = tf.math.neg(tf.sum(tf.math.mul(oneHot, logp), tf.constant(1)));
        Operand<TFloat32> labelled = tf.dtypes.cast(tf.math.greaterEqual(flatLabels, tf.constant(0)), TFloat32.class);
        // the divisor counts labelled positions whatever their weights, so a weight W on a rare tag raises its
        // share of the gradient W-fold without rescaling the rest (weights all 1 = the unweighted mean)
        Operand<TFloat32> count = tf.math.maximum(tf.sum(labelled, tf.constant(0)), tf.constant(1f));
        Operand<TFloat32> weights = tagWeights == null ? labelled : tf.math.mul(labelled,
                tf.gather(tf.constant(tagWeights), tf.math.maximum(flatLabels, tf.constant(0)), tf.constant(0)));
        if (distillWeight <= 0) {
            return tf.withName("loss").math.div(tf.sum(tf.math.mul(perToken, weights), tf.constant(0)), count);
        }
        Operand<TFloat32> hard = tf.math.div(tf.sum(tf.math.mul(perToken, weights), tf.constant(0)), count);
        Operand<TFloat32> soft2d = tf.reshape(softTargets, tf.constant(new int[] {-1, config.nTags()}));
        Operand<TFloat32> perTokenSoft = tf.math.neg(tf.sum(tf.math.mul(soft2d, logp), tf.constant(1)));
        Operand<TFloat32> soft = tf.math.div(tf.sum(tf.math.mul(perTokenSoft, weights), tf.constant(0)), count);
        return tf.withName("loss").math.add(tf.math.mul(tf.constant(distillWeight), soft),
                tf.math.mul(tf.constant(1f - distillWeight), hard));
    }
}
