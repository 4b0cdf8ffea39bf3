package dev.kggateway.ner;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import dev.kggateway.config.KgConfig;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.jboss.logging.Logger;

/**
 * The NER model, loaded once per instance with DJL's TensorFlow engine, tokenised with DJL's HuggingFace tokenizer.
 * Descriptions are split into word-aligned chunks of the model's sequence length, all chunks of a call run through
 * the model in as few predict calls as the batch size allows, and predictions are mapped back to the words.
 * Predictors are pooled: DJL predictors are not thread-safe.
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

    @Inject
    public DjlPropertyExtractor(KgConfig config, ModelLocator locator) {
        long start = System.nanoTime();
        TensorFlowNatives.prepare(Path.of(config.ner().tensorflowLibraryPath()));
        this.folder = ModelFolder.open(locator.resolve(config.ner().modelPath()));
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
        } catch (Exception e) {
            throw new IllegalStateException("cannot load NER model from " + folder.dir() + ": " + e.getMessage(), e);
        }
        int poolSize = Math.max(1, config.ner().predictors());
        this.predictors = new ArrayBlockingQueue<>(poolSize);
        for (int i = 0; i < poolSize; i++) {
            predictors.add(model.newPredictor());
        }
        // Warm-up: TensorFlow builds its kernels on the first run; pay that at start-up, not on a request.
        extract(List.of("Warm-up: conical centrifuge tubes, polypropylene, 50 mL, sterile"));
        LOG.infof("NER model %s loaded from %s in %d ms (%d tags, max_sequence_length %d)", folder.info().tag(),
                folder.dir(), (System.nanoTime() - start) / 1_000_000, folder.tags().length, folder.maxSequenceLength());
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
        List<WordPieces> tokenised = new ArrayList<>(texts.size());
        List<Job> jobs = new ArrayList<>();
        for (int t = 0; t < texts.size(); t++) {
            WordPieces pieces = tokenise(texts.get(t) == null ? "" : texts.get(t));
            tokenised.add(pieces);
            for (WordPieces.Chunk chunk : pieces.chunks(maxPieces)) {
                jobs.add(new Job(t, chunk));
            }
        }
        int[][] tagOfWord = new int[texts.size()][];
        double[][] probOfWord = new double[texts.size()][];
        for (int t = 0; t < texts.size(); t++) {
            tagOfWord[t] = new int[tokenised.get(t).wordCount()];
            probOfWord[t] = new double[tokenised.get(t).wordCount()];
        }
        for (int from = 0; from < jobs.size(); from += batchSize) {
            List<Job> batch = jobs.subList(from, Math.min(jobs.size(), from + batchSize));
            float[] probs = predict(batch, tokenised);
            int seq = folder.maxSequenceLength();
            int tags = folder.tags().length;
            for (int b = 0; b < batch.size(); b++) {
                Job job = batch.get(b);
                WordPieces pieces = tokenised.get(job.text);
                for (int w = job.chunk.ownFrom(); w < job.chunk.ownTo(); w++) {
                    int position = 1 + pieces.firstPiece[w] - job.chunk.pieceFrom();
                    if (position > seq - 2) {
                        continue; // first piece beyond an over-long single word's truncation
                    }
                    int offset = (b * seq + position) * tags;
                    int best = 0;
                    for (int k = 1; k < tags; k++) {
                        if (probs[offset + k] > probs[offset + best]) {
                            best = k;
                        }
                    }
                    tagOfWord[job.text][w] = best;
                    probOfWord[job.text][w] = probs[offset + best];
                }
            }
        }
        List<List<ExtractedProperty>> results = new ArrayList<>(texts.size());
        for (int t = 0; t < texts.size(); t++) {
            WordPieces p = tokenised.get(t);
            results.add(BioDecoder.decode(p.text, p.charStart, p.charEnd, tagOfWord[t], probOfWord[t], folder.tags()));
        }
        return results;
    }

    private record Job(int text, WordPieces.Chunk chunk) {
    }

    WordPieces tokenise(String text) {
        Encoding encoding = tokenizer.encode(text, false, false);
        CharSpan[] spans = encoding.getCharTokenSpans();
        int[] start = new int[spans.length];
        int[] end = new int[spans.length];
        for (int i = 0; i < spans.length; i++) {
            start[i] = spans[i] == null ? 0 : spans[i].getStart();
            end[i] = spans[i] == null ? 0 : spans[i].getEnd();
        }
        return new WordPieces(text, encoding.getIds(), encoding.getWordIds(), start, end);
    }

    /** One predict call for a batch of chunks; returns softmax probabilities [batch, seq, tags] flattened. */
    private float[] predict(List<Job> batch, List<WordPieces> tokenised) {
        int seq = folder.maxSequenceLength();
        int[] ids = new int[batch.size() * seq];
        int[] mask = new int[batch.size() * seq];
        int[] types = new int[batch.size() * seq];
        for (int b = 0; b < batch.size(); b++) {
            Job job = batch.get(b);
            long[] pieceIds = tokenised.get(job.text).pieceIds;
            int base = b * seq;
            int pos = 0;
            ids[base + pos] = folder.clsId();
            mask[base + pos++] = 1;
            for (int p = job.chunk.pieceFrom(); p < job.chunk.pieceTo(); p++) {
                ids[base + pos] = (int) pieceIds[p];
                mask[base + pos++] = 1;
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
            NDList out = predictor.predict(new NDList(inputIds, inputMask, inputTypes));
            float[] probs = out.get(0).toFloatArray();
            out.close();
            return Softmax.ensureProbabilities(probs, folder.tags().length);
        } catch (ai.djl.translate.TranslateException e) {
            throw new IllegalStateException("NER inference failed: " + e.getMessage(), e);
        } finally {
            predictors.add(predictor);
        }
    }

    @PreDestroy
    void close() {
        predictors.forEach(Predictor::close);
        model.close();
        tokenizer.close();
    }
}
