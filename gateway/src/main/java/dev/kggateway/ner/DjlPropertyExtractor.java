package dev.kggateway.ner;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.util.PairList;
import dev.kggateway.config.KgConfig;
import dev.kggateway.ner.contract.BioDecoder;
import dev.kggateway.ner.contract.Decoding;
import dev.kggateway.ner.contract.Entity;
import dev.kggateway.ner.contract.LexicalClassTable;
import dev.kggateway.ner.contract.Predictions;
import dev.kggateway.ner.contract.PropertyValues;
import dev.kggateway.ner.contract.SpanVerifier;
import dev.kggateway.ner.contract.WordFeatures;
import dev.kggateway.ner.contract.Words;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The NER model, loaded once per instance with DJL's TensorFlow engine, tokenised with DJL's HuggingFace tokenizer.
 * The labelling unit is the contract's whitespace word: each word is tokenised on its own (BERT normalisation and
 * pre-tokenisation never cross whitespace, so the pieces equal the whole text's), which maps every piece to its
 * word exactly. Descriptions are split into word-aligned chunks of the model's sequence length, all chunks of a
 * call run through the model in as few predict calls as the batch size allows, and each word's probabilities (at
 * its first piece) go through the contract's calibration and decoder ({@link Predictions}), the same code the
 * trainer evaluates with. Predictors are pooled: DJL predictors are not thread-safe; a call of several batches
 * runs them on as many threads as there are predictors.
 */
@ApplicationScoped
@LookupIfProperty(name = "kg.ner.enabled", stringValue = "true", lookupIfMissing = true)
public class DjlPropertyExtractor implements PropertyExtractor {

    private static final Logger LOG = Logger.getLogger(DjlPropertyExtractor.class);

    private final ModelFolder folder;
    private final ZooModel<NDList, NDList> model;
    private final HuggingFaceTokenizer tokenizer;
    private final BlockingQueue<Predictor<NDList, NDList>> predictors;
    private final int batchSize;
    private final int windowPieces;
    /** Threads that run further batches of one call beside the caller: predictors - 1 of them, or none. */
    private final ExecutorService helpers;
    private final int helperCount;
    /** The folder's span verifier (ner-contract, span-verifier.json): the entities' confidence; null when it has none. */
    private final SpanVerifier verifier;
    /** The folder's decoding (manifest "decoding"; arg-max unless it names another). */
    private final Decoding decoding;
    /** The folder's confidence (manifest "confidence"; the mean word probability unless it names another). */
    private final BioDecoder.Confidence confidence;
    /** The folder's lemma → lexical-class table (the verifier's span features read it); null without word features. */
    private final LexicalClassTable lexicalClasses;
    /** Batches padded to their longest chunk (the model takes any sequence length), else to max_sequence_length. */
    private final boolean padsPerBatch;

    @Inject
    public DjlPropertyExtractor(KgConfig config, ModelLocator locator) {
        long start = System.nanoTime();
        TensorFlowNatives.prepare(Path.of(config.ner().tensorflowLibraryPath()), config.ner().interOpThreads(),
                config.ner().intraOpThreads());
        this.folder = ModelFolder.open(locator.resolve(config.ner().modelPath()));
        this.verifier = SpanVerifier.read(folder.dir()).orElse(null);
        this.decoding = folder.decoding();
        this.confidence = folder.confidence();
        this.lexicalClasses = folder.features().map(WordFeatures::table).orElse(null);
        this.batchSize = Math.max(1, config.ner().batchSize());
        this.windowPieces = Math.max(8, config.ner().windowPieces());
        try {
            this.tokenizer = HuggingFaceTokenizer.builder()
                    .optTokenizerPath(folder.tokenizerJson())
                    .optAddSpecialTokens(false)
                    .optTruncation(false)
                    .optPadding(false)
                    .build();
            Criteria<NDList, NDList> criteria = Criteria.builder()
                    .setTypes(NDList.class, NDList.class)
                    .optModelPath(folder.dir())
                    .optEngine("TensorFlow")
                    .optOption("Tags", "serve")
                    .optOption("SignatureDefKey", "serving_default")
                    .optTranslator(new NoopTranslator())
                    .build();
            this.model = criteria.loadModel();
            this.padsPerBatch = sequenceAxisIsDynamic(model);
        } catch (Exception e) {
            throw new IllegalStateException("cannot load NER model from " + folder.dir() + ": " + e.getMessage(), e);
        }
        int poolSize = Math.max(1, config.ner().predictors());
        this.predictors = new ArrayBlockingQueue<>(poolSize);
        for (int i = 0; i < poolSize; i++) {
            predictors.add(model.newPredictor());
        }
        this.helperCount = poolSize - 1;
        this.helpers = helperCount == 0 ? null : Executors.newFixedThreadPool(helperCount, batchThreads());
        // Warm-up: TensorFlow builds its kernels on the first run; pay that at start-up, not on a request.
        extract(List.of("Warm-up: conical centrifuge tubes, polypropylene, 50 mL, sterile"));
        LOG.infof("NER model %s loaded from %s in %d ms (%d tags, max_sequence_length %d, temperature %.3f, "
                + "recommended min confidence %s%s, word features %s, decoding %s, confidence %s, batches padded to %s)",
                folder.info().tag(), folder.dir(),
                (System.nanoTime() - start) / 1_000_000, folder.tagSet().size(), folder.maxSequenceLength(),
                folder.temperature(), folder.info().minConfidence().map(String::valueOf).orElse("none"),
                folder.info().minConfidenceByType().isEmpty() ? ""
                        : " (per type " + new TreeMap<>(folder.info().minConfidenceByType()) + ")",
                folder.features().map(f -> f.table().size() + " lexical-class lemmas").orElse("none"), decoding.id(),
                verifier != null ? "span verifier"
                        : confidence == BioDecoder.Confidence.MEAN ? "mean word probability" : confidence.id(),
                padsPerBatch ? "their longest window" : "max_sequence_length");
    }

    @Override
    public ModelInfo model() {
        return folder.info();
    }

    public ModelFolder folder() {
        return folder;
    }

    @Override
    public List<List<ExtractedProperty>> extract(List<String> texts) {
        int maxPieces = Math.min(folder.maxSequenceLength() - 2, windowPieces);
        List<WordPieces> tokenised = tokenise(texts.stream().map(t -> t == null ? "" : t).toList());
        List<Job> jobs = new ArrayList<>();
        float[][][] probOfWord = new float[texts.size()][][];
        for (int t = 0; t < texts.size(); t++) {
            WordPieces pieces = tokenised.get(t);
            probOfWord[t] = new float[pieces.wordCount()][];
            for (WordPieces.Chunk chunk : pieces.chunks(maxPieces)) {
                jobs.add(new Job(t, chunk));
            }
        }
        int tags = folder.tagSet().size();
        List<List<Job>> batches = batches(jobs);
        float[][] probsOfBatch = predictAll(batches, tokenised);
        for (int i = 0; i < batches.size(); i++) {
            List<Job> batch = batches.get(i);
            float[] probs = probsOfBatch[i];
            int seq = sequenceLength(batch);
            for (int b = 0; b < batch.size(); b++) {
                Job job = batch.get(b);
                WordPieces pieces = tokenised.get(job.text);
                for (int w = job.chunk.ownFrom(); w < job.chunk.ownTo(); w++) {
                    int position = 1 + pieces.firstPiece[w] - job.chunk.pieceFrom();
                    if (!pieces.hasPieces(w) || position > job.chunk.pieceTo() - job.chunk.pieceFrom()) {
                        continue; // nothing the model saw: the word is outside
                    }
                    int offset = (b * seq + position) * tags;
                    probOfWord[job.text][w] = Arrays.copyOfRange(probs, offset, offset + tags);
                }
            }
        }
        List<List<ExtractedProperty>> results = new ArrayList<>(texts.size());
        for (int t = 0; t < texts.size(); t++) {
            WordPieces p = tokenised.get(t);
            List<Entity> entities = Predictions.entities(p.text, p.words, probOfWord[t], folder.tagSet(),
                    folder.temperature(), decoding, confidence, verifier, lexicalClasses);
            // One property per (type, value): a repeated mention keeps its most confident occurrence (ner-contract,
            // as the trainer's evaluation counts links).
            results.add(new ArrayList<>(PropertyValues.onePerValue(entities).stream()
                    .map(e -> new ExtractedProperty(e.type(), e.value(), e.confidence(), e.start(), e.end())).toList()));
        }
        return results;
    }

    private record Job(int text, WordPieces.Chunk chunk) {
        int pieces() {
            return chunk.pieceTo() - chunk.pieceFrom();
        }
    }

    /**
     * The chunks in batches of at most {@code kg.ner.batch-size}, shortest first: each batch is padded only to its
     * longest chunk ({@link #sequenceLength}) when the model's sequence axis is dynamic, so chunks of like length
     * share a batch and little of the model's work is padding (its position table bounds the length). The attention mask
     * keeps padded positions out of every real position's result, so the answers are the model's for any padding.
     */
    private List<List<Job>> batches(List<Job> jobs) {
        List<Job> byLength = new ArrayList<>(jobs);
        byLength.sort(Comparator.comparingInt(Job::pieces));
        List<List<Job>> batches = new ArrayList<>();
        for (int from = 0; from < byLength.size(); from += batchSize) {
            batches.add(byLength.subList(from, Math.min(byLength.size(), from + batchSize)));
        }
        return batches;
    }

    /**
     * Whether every input of the model's signature takes any sequence length ({@code [-1, -1]}, as the trainer exports
     * it). A model with a fixed length (a Keras export with {@code Input(shape=(64,))}) gets rows of
     * max_sequence_length, as MODEL_CONTRACT.md describes; so does one whose signature cannot be read.
     */
    private static boolean sequenceAxisIsDynamic(ZooModel<NDList, NDList> model) {
        try {
            PairList<String, Shape> inputs = model.describeInput();
            if (inputs == null || inputs.isEmpty()) {
                return false;
            }
            for (Shape shape : inputs.values()) {
                if (shape == null || shape.dimension() < 2 || shape.get(1) != -1) {
                    return false;
                }
            }
            return true;
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    /** Whether batches are padded to their longest chunk (true) or to max_sequence_length. */
    public boolean padsPerBatch() {
        return padsPerBatch;
    }

    /** Positions one batch is padded to: its longest chunk with [CLS] and [SEP], or max_sequence_length. */
    private int sequenceLength(List<Job> batch) {
        if (!padsPerBatch) {
            return folder.maxSequenceLength();
        }
        int longest = 0;
        for (Job job : batch) {
            longest = Math.max(longest, job.pieces());
        }
        return longest + 2;
    }

    WordPieces tokenise(String text) {
        return tokenise(List.of(text)).get(0);
    }

    /** All words of all texts in one tokenizer call. */
    List<WordPieces> tokenise(List<String> texts) {
        List<List<Words.Word>> words = new ArrayList<>(texts.size());
        List<String> all = new ArrayList<>();
        for (String text : texts) {
            List<Words.Word> w = Words.split(text);
            words.add(w);
            w.forEach(x -> all.add(x.in(text)));
        }
        Encoding[] encodings = all.isEmpty() ? new Encoding[0]
                : tokenizer.batchEncode(all.toArray(new String[0]), false, false);
        List<WordPieces> out = new ArrayList<>(texts.size());
        int k = 0;
        for (int t = 0; t < texts.size(); t++) {
            List<long[]> ids = new ArrayList<>(words.get(t).size());
            for (int w = 0; w < words.get(t).size(); w++) {
                ids.add(encodings[k++].getIds());
            }
            out.add(new WordPieces(texts.get(t), words.get(t), ids));
        }
        return out;
    }

    /**
     * The batches' probabilities, in order. One batch runs on the calling thread. Several (a large addProducts) run
     * on the calling thread and the batch helpers at once, one predictor each: TensorFlow runs each graph on the
     * thread that calls it ({@code kg.ner.inter-op-threads=-1}), so this is how a large call gets more than one core.
     */
    private float[][] predictAll(List<List<Job>> batches, List<WordPieces> tokenised) {
        float[][] out = new float[batches.size()][];
        if (batches.size() < 2 || helpers == null) {
            for (int i = 0; i < batches.size(); i++) {
                out[i] = predict(batches.get(i), tokenised);
            }
            return out;
        }
        AtomicInteger next = new AtomicInteger();
        Runnable drain = () -> {
            for (int i = next.getAndIncrement(); i < batches.size(); i = next.getAndIncrement()) {
                out[i] = predict(batches.get(i), tokenised);
            }
        };
        List<Future<?>> running = new ArrayList<>();
        for (int h = 0; h < helperCount && h < batches.size() - 1; h++) {
            running.add(helpers.submit(drain));
        }
        try {
            drain.run();
        } finally {
            for (Future<?> f : running) {
                await(f);
            }
        }
        return out;
    }

    private static void await(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a batch", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /**
     * One predict call for a batch of chunks; returns softmax probabilities [batch, seq, tags] flattened, seq being
     * {@link #sequenceLength} of the batch.
     */
    private float[] predict(List<Job> batch, List<WordPieces> tokenised) {
        int seq = sequenceLength(batch);
        int[] ids = new int[batch.size() * seq];
        int[] mask = new int[batch.size() * seq];
        int[] types = new int[batch.size() * seq];
        WordFeatures wordFeatures = folder.features().orElse(null);
        int[] features = wordFeatures != null ? new int[batch.size() * seq] : null; // PAD_ID (0) for specials
        for (int b = 0; b < batch.size(); b++) {
            Job job = batch.get(b);
            WordPieces pieces = tokenised.get(job.text);
            long[] pieceIds = pieces.pieceIds;
            int base = b * seq;
            int pos = 0;
            ids[base + pos] = folder.clsId();
            mask[base + pos++] = 1;
            for (int p = job.chunk.pieceFrom(); p < job.chunk.pieceTo(); p++) {
                ids[base + pos] = (int) pieceIds[p];
                mask[base + pos++] = 1;
            }
            if (features != null) {
                // every piece of a word carries the word's feature id, as the trainer feeds it
                for (int w = job.chunk.wordFrom(); w < job.chunk.wordTo(); w++) {
                    int id = wordFeatures.id(pieces.words.get(w).in(pieces.text));
                    for (int p = Math.max(pieces.firstPiece[w], job.chunk.pieceFrom());
                            p < Math.min(pieces.endPiece[w], job.chunk.pieceTo()); p++) {
                        features[base + 1 + p - job.chunk.pieceFrom()] = id;
                    }
                }
            }
            ids[base + pos] = folder.sepId();
            mask[base + pos++] = 1;
            for (; pos < seq; pos++) {
                ids[base + pos] = folder.padId();
            }
        }
        Predictor<NDList, NDList> predictor;
        try {
            predictor = predictors.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a predictor", e);
        }
        try (NDManager manager = model.getNDManager().newSubManager()) {
            Shape shape = new Shape(batch.size(), seq);
            NDArray inputIds = manager.create(ids, shape);
            inputIds.setName("input_word_ids");
            NDArray inputMask = manager.create(mask, shape);
            inputMask.setName("input_mask");
            NDArray inputTypes = manager.create(types, shape);
            inputTypes.setName("input_type_ids");
            NDList inputs = new NDList(inputIds, inputMask, inputTypes);
            if (features != null) {
                NDArray inputFeatures = manager.create(features, shape);
                inputFeatures.setName(WordFeatures.INPUT);
                inputs.add(inputFeatures);
            }
            NDList out = predictor.predict(inputs);
            float[] probs = out.get(0).toFloatArray();
            out.close();
            return Softmax.ensureProbabilities(probs, folder.tagSet().size());
        } catch (ai.djl.translate.TranslateException e) {
            throw new IllegalStateException("NER inference failed: " + e.getMessage(), e);
        } finally {
            predictors.add(predictor);
        }
    }

    private static ThreadFactory batchThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "ner-batch-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @PreDestroy
    void close() {
        if (helpers != null) {
            helpers.shutdownNow();
        }
        predictors.forEach(Predictor::close);
        model.close();
        tokenizer.close();
    }
}
