package com.kggateway.ner.cli;

import com.kggateway.ner.data.NerCsv;
import com.kggateway.ner.data.TaggedSentence;
import com.kggateway.ner.eval.EntityMetrics;
import com.kggateway.ner.model.ModelFolder;
import com.kggateway.ner.model.NerTrainer;
import com.kggateway.ner.model.TrainedModel;
import com.kggateway.ner.model.TrainingOptions;
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
import java.util.concurrent.Callable;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train from any seed-format CSV (Sentence #, Word, Tag) and write a model folder.")
final class TrainCommand implements Callable<Integer> {
    @Option(names = "--train", required = true, description = "training CSV") Path trainCsv;
    @Option(names = "--val", description = "validation CSV (default: last 10% of --train)") Path valCsv;
    @Option(names = "--out", required = true, description = "model folder to write") Path out;
    @Option(names = "--eval", description = "extra name=csv pairs evaluated on the exported model and recorded in manifest.json")
    Map<String, Path> evals = new LinkedHashMap<>();
    @Option(names = "--epochs", defaultValue = "8") int epochs;
    @Option(names = "--batch-size", defaultValue = "32") int batchSize;
    @Option(names = "--lr", defaultValue = "1e-3") float lr;
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

    @Override
    public Integer call() throws Exception {
        List<TaggedSentence> train = NerCsv.read(trainCsv);
        List<TaggedSentence> val;
        if (valCsv != null) {
            val = NerCsv.read(valCsv);
        } else {
            int cut = train.size() - Math.max(1, train.size() / 10);
            val = new ArrayList<>(train.subList(cut, train.size()));
            train = new ArrayList<>(train.subList(0, cut));
        }
        TrainingOptions options = new TrainingOptions(hidden, layers, heads, ff, maxSeq, vocabSize, dropout, unkProbability, epochs,
                batchSize, lr, 0.06f, patience, seed, threads);
        TrainedModel trained = new NerTrainer(options, System.out).train(train, val);
        ModelFolder.export(trained, out, threads);
        System.out.printf("exported %s (best epoch %d, %.0f s training)%n", out, trained.bestEpoch(), trained.trainingSeconds());

        // Metrics come from the exported folder reloaded through the SavedModel loader, i.e. what ships.
        Map<String, Object> metrics = new LinkedHashMap<>();
        try (ModelFolder model = ModelFolder.load(out, threads)) {
            Map<String, Path> sets = new LinkedHashMap<>();
            if (valCsv != null) {
                sets.put("validation", valCsv);
            }
            sets.putAll(evals);
            for (Map.Entry<String, Path> e : sets.entrySet()) {
                EntityMetrics m = NerTrainer.evaluate(model.tagger(), NerCsv.read(e.getValue()));
                System.out.printf("== %s (%s)%n%s", e.getKey(), e.getValue(), m.report());
                metrics.put(e.getKey(), EvaluateCommand.toMap(m));
            }
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("name", name);
        manifest.put("version", version);
        manifest.put("created", Instant.now().toString());
        manifest.put("trainingDataSha256", sha256(trainCsv));
        if (valCsv != null) {
            manifest.put("validationDataSha256", sha256(valCsv));
        }
        manifest.put("trainingSentences", train.size());
        manifest.put("bestEpoch", trained.bestEpoch());
        manifest.put("trainingSeconds", Math.round(trained.trainingSeconds()));
        manifest.put("history", trained.history());
        manifest.put("options", options);
        manifest.put("metrics", metrics);
        manifest.put("command", NerTrainerCli.commandLine);
        ModelFolder.writeManifest(out, manifest);
        return 0;
    }

    static String sha256(Path file) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        return HexFormat.of().formatHex(md.digest(Files.readAllBytes(file)));
    }
}
