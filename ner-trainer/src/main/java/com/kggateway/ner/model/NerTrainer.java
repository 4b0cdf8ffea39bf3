package com.kggateway.ner.model;

import com.kggateway.ner.data.TaggedSentence;
import com.kggateway.ner.eval.Evaluation;
import com.kggateway.ner.features.Batch;
import com.kggateway.ner.features.EncodedWindow;
import com.kggateway.ner.features.SentenceEncoder;
import com.kggateway.ner.tokenize.BertPreTokenizer;
import com.kggateway.ner.tokenize.Vocab;
import com.kggateway.ner.tokenize.WordPiece;
import com.kggateway.ner.tokenize.WordPieceVocabBuilder;
import dev.kggateway.ner.contract.TagSet;
import dev.kggateway.ner.contract.WordFeatures;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Trains the token classifier from seed-format sentences: builds the WordPiece vocabulary from the training
 * split, trains with Adam (linear warm-up then linear decay), evaluates entity micro-F1 on the validation split
 * after every epoch, and keeps the best epoch's weights (early stopping with patience). In fine-tune mode
 * ({@link InitialModel}) vocabulary, tag set, architecture and starting weights come from an existing model folder.
 */
public final class NerTrainer {
    private final TrainingOptions options;
    private final PrintStream log;
    private final WordFeatures features;

    public NerTrainer(TrainingOptions options, PrintStream log) {
        this(options, log, null);
    }

    /**
     * @param features word features to give the model (null: none). A model fine-tuned from a folder that has
     *     features keeps the folder's; given to a model without them, the feature embeddings start at zero.
     */
    public NerTrainer(TrainingOptions options, PrintStream log, WordFeatures features) {
        this.options = options;
        this.log = log;
        this.features = features;
    }

    /** A model to start from (fine-tuning): its vocabulary, tags, architecture, weights and word features (or null). */
    public record InitialModel(Vocab vocab, TagSet tags, BertConfig config, WeightSnapshot weights,
                               WordFeatures features) { }

    /** Variables training leaves as they are (e.g. pre-trained word embeddings); empty by default. */
    private Set<String> frozen = Set.of();

    public NerTrainer freezing(Set<String> variables) {
        this.frozen = Set.copyOf(variables);
        return this;
    }

    /** The teacher whose per-piece distributions the student also fits (distillation); null: none. */
    private Ensemble teacher;
    private float distillWeight;

    /**
     * Distillation: the loss becomes {@code weight} x the cross-entropy against the teacher's mean temperature-scaled
     * distribution on the unmasked row + {@code (1 - weight)} x the hard-label loss ({@link BertTokenClassifier}).
     * The teacher must read the student's rows as they are (same vocabulary, tokenizer and word features: checked
     * per training sentence).
     */
    public NerTrainer distilling(Ensemble teacher, float weight) {
        if (!(weight > 0 && weight <= 1)) {
            throw new IllegalArgumentException("distill weight must be in (0, 1]: " + weight);
        }
        this.teacher = teacher;
        this.distillWeight = weight;
        return this;
    }

    /** Vocabulary learned from the normalized pre-tokens of the training sentences' words only. */
    public static Vocab buildVocab(List<TaggedSentence> train, int vocabSize) {
        Map<String, Integer> freq = new TreeMap<>();
        for (TaggedSentence s : train) {
            for (String word : s.words()) {
                for (String t : BertPreTokenizer.tokens(word)) {
                    freq.merge(t, 1, Integer::sum);
                }
            }
        }
        return new WordPieceVocabBuilder(vocabSize, 2).build(freq);
    }

    /** Standard types plus every type in the data ({@code O} and {@code ?} are not types). */
    public static TagSet tagSet(List<List<TaggedSentence>> datasets) {
        Set<String> types = new TreeSet<>();
        for (List<TaggedSentence> data : datasets) {
            for (TaggedSentence s : data) {
                for (String t : s.tags()) {
                    String type = TagSet.type(t);
                    if (type != null) {
                        types.add(type);
                    }
                }
            }
        }
        return TagSet.forTypes(types);
    }

    public TrainedModel train(List<TaggedSentence> train, List<TaggedSentence> validation) {
        return train(train, validation, null, null);
    }

    public TrainedModel train(List<TaggedSentence> train, List<TaggedSentence> validation, Consumer<Float> afterStep) {
        return train(train, validation, null, afterStep);
    }

    /**
     * @param initial null to train from scratch, else the model to fine-tune
     * @param afterStep optional hook receiving each step's loss (tests use it)
     */
    public TrainedModel train(List<TaggedSentence> train, List<TaggedSentence> validation, InitialModel initial,
                              Consumer<Float> afterStep) {
        long started = System.nanoTime();
        Vocab vocab = initial != null ? initial.vocab() : buildVocab(train, options.vocabSize());
        TagSet tags;
        BertConfig config;
        if (initial != null) {
            tags = initial.tags();
            for (String t : tagSet(List.of(train, validation)).tags()) {
                if (!tags.contains(t) && train.stream().anyMatch(s -> s.tags().contains(t))) {
                    throw new IllegalArgumentException("tag " + t + " is not in the model's tag set " + tags.tags()
                            + "; fine-tuning keeps the tag set");
                }
            }
            BertConfig c = initial.config();
            config = new BertConfig(c.vocabSize(), c.hiddenSize(), c.numLayers(), c.numHeads(), c.intermediateSize(),
                    c.maxSequenceLength(), c.nTags(), options.dropout());
        } else {
            tags = tagSet(List.of(train, validation));
            config = new BertConfig(vocab.size(), options.hiddenSize(), options.numLayers(), options.numHeads(),
                    options.intermediateSize(), options.maxSequenceLength(), tags.size(), options.dropout());
        }
        WordFeatures wordFeatures = initial != null && initial.features() != null ? initial.features() : features;
        if (wordFeatures != null) {
            config = config.withFeatureCount(WordFeatures.COUNT);
        }
        float[] lossWeights = tagWeights(tags, options.tagWeights());
        if (lossWeights != null) {
            log.printf("loss weights by tag: %s%n", options.tagWeights());
        }
        SentenceEncoder encoder = new SentenceEncoder(new WordPiece(vocab), config.maxSequenceLength(), wordFeatures);
        List<EncodedWindow> windows = new ArrayList<>();
        for (TaggedSentence s : train) {
            windows.addAll(encoder.encode(s, tags));
        }
        log.printf("vocab %d pieces, %d tags, %d training windows from %d sentences, %d validation sentences%n",
                vocab.size(), tags.size(), windows.size(), train.size(), validation.size());
        Map<EncodedWindow, float[]> softTargets = teacher == null ? null
                : teacherTargets(train, windows, encoder, tags, config.maxSequenceLength());

        List<TrainedModel.EpochStats> history = new ArrayList<>();
        try (Graph graph = new Graph()) {
            BertTokenClassifier model = new BertTokenClassifier(graph, config, true,
                    teacher == null ? 0f : distillWeight, lossWeights);
            AdamOptimizer adam = new AdamOptimizer(model, frozen);
            try (Session session = Sessions.open(graph, options.threads())) {
                session.initialize();
                WeightSnapshot init = initial != null ? initial.weights().withZeroFeatureEmbeddings(model)
                        : WeightSnapshot.initial(model, options.seed());
                init.assignTo(session, model);
                log.printf("model: %d parameters, hidden %d, layers %d, heads %d, ff %d%n", init.parameterCount(),
                        config.hiddenSize(), config.numLayers(), config.numHeads(), config.intermediateSize());

                Random random = new Random(options.seed());
                int stepsPerEpoch = (windows.size() + options.batchSize() - 1) / options.batchSize();
                int totalSteps = stepsPerEpoch * options.epochs();
                int warmup = Math.max(1, Math.round(totalSteps * options.warmupFraction()));
                TfTagger tagger = TfTagger.forGraph(session, encoder, tags, 64);
                WeightSnapshot best = init;
                double bestF1 = -1;
                int bestEpoch = 0;
                int step = 0;
                for (int epoch = 1; epoch <= options.epochs(); epoch++) {
                    long epochStart = System.nanoTime();
                    double lossSum = 0;
                    List<List<EncodedWindow>> batches = batches(windows, random);
                    for (List<EncodedWindow> batchWindows : batches) {
                        step++;
                        float lr = learningRate(step, warmup, totalSteps);
                        Batch batch = Batch.padToLongest(batchWindows);
                        maskPieces(batch, vocab, new Random(options.seed() * 1_000_003L + step));
                        float[] soft = softTargets == null ? null
                                : softBatch(batchWindows, softTargets, batch.seqLength, tags.size());
                        float loss = trainStep(session, model, adam, batch, soft, lr, step);
                        lossSum += loss;
                        if (afterStep != null) {
                            afterStep.accept(loss);
                        }
                    }
                    double f1 = validation.isEmpty() ? 0 : Evaluation.run(tagger, 1.0, validation).spans(0).micro().f1();
                    double seconds = (System.nanoTime() - epochStart) / 1e9;
                    history.add(new TrainedModel.EpochStats(epoch, lossSum / batches.size(), f1, seconds));
                    log.printf("epoch %d/%d  loss %.4f  val micro-F1 %.4f  (%.0f s)%n", epoch, options.epochs(),
                            lossSum / batches.size(), f1, seconds);
                    if (f1 > bestF1 || validation.isEmpty()) { // no validation data: keep the last epoch
                        bestF1 = f1;
                        bestEpoch = epoch;
                        best = WeightSnapshot.read(session, model);
                    } else if (epoch - bestEpoch >= options.patience()) {
                        log.printf("early stop: no validation improvement for %d epochs (best epoch %d, F1 %.4f)%n",
                                options.patience(), bestEpoch, bestF1);
                        break;
                    }
                }
                double total = (System.nanoTime() - started) / 1e9;
                return new TrainedModel(config, vocab, tags, best, history, bestEpoch, total, wordFeatures);
            }
        }
    }

    /**
     * The loss weight of each tag id: W for B-TYPE and I-TYPE of every weighted type, 1 for the rest; null when no
     * type is weighted (the loss graph is then the unweighted one). A type the tag set lacks is refused: a misspelt
     * type would otherwise train silently unweighted.
     */
    public static float[] tagWeights(TagSet tags, Map<String, Float> byType) {
        if (byType == null || byType.isEmpty()) {
            return null;
        }
        Set<String> types = new TreeSet<>();
        for (String t : tags.tags()) {
            String type = TagSet.type(t);
            if (type != null) {
                types.add(type);
            }
        }
        for (Map.Entry<String, Float> e : byType.entrySet()) {
            if (!types.contains(e.getKey())) {
                throw new IllegalArgumentException("--tag-weight: unknown type " + e.getKey() + " (the model's types: "
                        + types + ")");
            }
            TrainingOptions.requireValidTagWeight(e.getKey(), e.getValue());
        }
        float[] weights = new float[tags.size()];
        for (int id = 0; id < tags.size(); id++) {
            String type = TagSet.type(tags.tag(id));
            weights[id] = type != null && byType.containsKey(type) ? byType.get(type) : 1f;
        }
        return weights;
    }

    /**
     * Shuffled batches with little padding: windows are shuffled, cut into pools of 50 batches, sorted by length
     * inside each pool, batched, and the batch order is shuffled again.
     */
    private List<List<EncodedWindow>> batches(List<EncodedWindow> windows, Random random) {
        List<EncodedWindow> shuffled = new ArrayList<>(windows);
        Collections.shuffle(shuffled, random);
        int bs = options.batchSize();
        int pool = bs * 50;
        List<List<EncodedWindow>> batches = new ArrayList<>();
        for (int from = 0; from < shuffled.size(); from += pool) {
            List<EncodedWindow> chunk = new ArrayList<>(shuffled.subList(from, Math.min(shuffled.size(), from + pool)));
            chunk.sort(Comparator.comparingInt(EncodedWindow::length));
            for (int b = 0; b < chunk.size(); b += bs) {
                batches.add(chunk.subList(b, Math.min(chunk.size(), b + bs)));
            }
        }
        Collections.shuffle(batches, random);
        return batches;
    }

    /**
     * Word-piece dropout: replaces random pieces by [UNK] so the model must also read context, which is what
     * carries it through brands, series and products it has never seen.
     */
    private void maskPieces(Batch batch, Vocab vocab, Random random) {
        if (options.unkProbability() <= 0) {
            return;
        }
        for (int i = 0; i < batch.inputIds.length; i++) {
            int id = batch.inputIds[i];
            if (id != vocab.padId() && id != vocab.clsId() && id != vocab.sepId()
                    && random.nextDouble() < options.unkProbability()) {
                batch.inputIds[i] = vocab.unkId();
            }
        }
    }

    private float learningRate(int step, int warmup, int totalSteps) {
        if (step <= warmup) {
            return options.learningRate() * step / warmup;
        }
        return options.learningRate() * Math.max(0.02f, (float) (totalSteps - step) / (totalSteps - warmup));
    }

    /**
     * The teacher's distribution for every training row, computed once per distinct row (real lines repeat) on the
     * unmasked row, as [length * nTags] (zeros outside the labelled positions are never read: the loss weights
     * them 0). Rows are keyed by identity; duplicates share one array.
     */
    private Map<EncodedWindow, float[]> teacherTargets(List<TaggedSentence> train, List<EncodedWindow> windows,
            SentenceEncoder encoder, TagSet tags, int seq) {
        long t0 = System.nanoTime();
        if (!teacher.tags().tags().equals(tags.tags())) {
            throw new IllegalArgumentException("the teacher's tags " + teacher.tags().tags() + " are not the student's "
                    + tags.tags());
        }
        SentenceEncoder teacherEncoder = teacher.members().get(0).encoder();
        Set<List<String>> checked = new HashSet<>();
        for (TaggedSentence s : train) {
            if (checked.add(s.words())) {
                List<EncodedWindow> mine = encoder.encode(s.words(), null);
                List<EncodedWindow> theirs = teacherEncoder.encode(s.words(), null);
                for (int i = 0; i < Math.max(mine.size(), theirs.size()); i++) {
                    if (i >= mine.size() || i >= theirs.size()
                            || !Arrays.equals(mine.get(i).inputIds(), theirs.get(i).inputIds())
                            || !Arrays.equals(mine.get(i).featureIds(), theirs.get(i).featureIds())) {
                        throw new IllegalArgumentException("the teacher reads \"" + String.join(" ", s.words())
                                + "\" as other pieces or word features than the student: distillation needs the same "
                                + "vocabulary, tokenizer and word features");
                    }
                }
            }
        }
        Map<RowKey, EncodedWindow> firstOf = new LinkedHashMap<>();
        for (EncodedWindow w : windows) {
            firstOf.putIfAbsent(RowKey.of(w), w);
        }
        List<EncodedWindow> toCompute = new ArrayList<>(firstOf.values());
        Map<RowKey, float[]> distinct = new HashMap<>();
        int n = tags.size();
        for (int from = 0; from < toCompute.size(); from += 64) {
            List<EncodedWindow> chunk = toCompute.subList(from, Math.min(toCompute.size(), from + 64));
            // padded to max_sequence_length as the teacher is read at inference (TfTagger)
            float[] p = teacher.pieceProbabilities(Batch.of(chunk, seq));
            for (int r = 0; r < chunk.size(); r++) {
                EncodedWindow w = chunk.get(r);
                distinct.put(RowKey.of(w), Arrays.copyOfRange(p, r * seq * n, (r * seq + w.length()) * n));
            }
        }
        Map<EncodedWindow, float[]> out = new IdentityHashMap<>();
        for (EncodedWindow w : windows) {
            out.put(w, distinct.get(RowKey.of(w)));
        }
        log.printf("teacher (%d models, distill weight %.2f): %d distinct rows of %d, %d sentences checked, %.0f s%n",
                teacher.size(), distillWeight, toCompute.size(), windows.size(), checked.size(),
                (System.nanoTime() - t0) / 1e9);
        return out;
    }

    /** A row's content (pieces and word features): equal rows get equal teacher outputs. */
    private record RowKey(int[] ids, int[] features) {
        static RowKey of(EncodedWindow w) {
            return new RowKey(w.inputIds(), w.featureIds());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof RowKey k && Arrays.equals(ids, k.ids)
                    && Arrays.equals(features, k.features);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(ids) + Arrays.hashCode(features);
        }
    }

    /** [rows, seqLength, nTags] teacher targets of a batch padded to {@code seqLength}. */
    private static float[] softBatch(List<EncodedWindow> rows, Map<EncodedWindow, float[]> targets, int seqLength, int n) {
        float[] out = new float[rows.size() * seqLength * n];
        for (int r = 0; r < rows.size(); r++) {
            float[] t = targets.get(rows.get(r));
            System.arraycopy(t, 0, out, r * seqLength * n, t.length);
        }
        return out;
    }

    private float trainStep(Session session, BertTokenClassifier model, AdamOptimizer adam, Batch b, float[] soft,
                            float lr, int step) {
        try (TInt32 ids = Tensors.ints(b.inputIds, b.size, b.seqLength);
             TInt32 mask = Tensors.ints(b.inputMask, b.size, b.seqLength);
             TInt32 types = Tensors.ints(b.typeIds, b.size, b.seqLength);
             TInt32 labels = Tensors.ints(b.labels, b.size, b.seqLength);
             TInt32 features = Tensors.ints(b.featureIds, b.size, b.seqLength);
             TInt32 seed = Tensors.ints(new int[] {(int) options.seed(), step}, 2);
             TFloat32 rate = TFloat32.scalarOf(options.dropout());
             TFloat32 lrT = TFloat32.scalarOf(lr);
             TFloat32 b1 = TFloat32.scalarOf((float) Math.pow(AdamOptimizer.BETA1, step));
             TFloat32 b2 = TFloat32.scalarOf((float) Math.pow(AdamOptimizer.BETA2, step))) {
            Session.Runner runner = session.runner()
                    .feed(model.inputWordIds, ids).feed(model.inputMask, mask).feed(model.inputTypeIds, types)
                    .feed(model.labels, labels).feed(model.dropoutSeed, seed).feed(model.dropoutRate, rate)
                    .feed(adam.learningRate, lrT).feed(adam.beta1Power, b1).feed(adam.beta2Power, b2)
                    .fetch(model.loss);
            if (model.inputFeatureIds != null) {
                runner.feed(model.inputFeatureIds, features);
            }
            adam.updates.forEach(runner::addTarget);
            try (TFloat32 softT = soft == null ? null
                    : Tensors.floats(soft, Shape.of(b.size, b.seqLength, model.config.nTags()))) {
                if (softT != null) {
                    runner.feed(model.softTargets, softT);
                }
                try (Result r = runner.run()) {
                    return ((TFloat32) r.get(0)).getFloat();
                }
            }
        }
    }
}
