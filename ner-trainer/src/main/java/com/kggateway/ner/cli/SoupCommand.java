package com.kggateway.ner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.kggateway.ner.data.NerCsv;
import com.kggateway.ner.data.TaggedSentence;
import com.kggateway.ner.eval.Evaluation;
import com.kggateway.ner.model.ModelFolder;
import com.kggateway.ner.model.ModelSoup;
import com.kggateway.ner.model.NerTrainer;
import dev.kggateway.ner.contract.BioDecoder;
import dev.kggateway.ner.contract.Decoding;
import dev.kggateway.ner.contract.ModelFolderFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "soup", mixinStandardHelpOptions = true,
        description = "Average the weights of model folders fine-tuned from one model (a \"model soup\": one model of "
                + "the same size) and write a normal model folder. Uniform by default; --weights for a weighted mean; "
                + "--greedy-on CSV for a greedy soup (ingredients by their own (type, value) F1 on the CSV, each added "
                + "only if the soup's F1 there does not drop). The temperature is re-fitted on --val as train fits it.")
final class SoupCommand implements Callable<Integer> {
    @Option(names = "--models", required = true, split = ",", paramLabel = "FOLDER",
            description = "model folders with the same config, vocabulary, tags and word features, comma-separated")
    List<Path> models;
    @Option(names = "--weights", split = ",", description = "one weight per model (normalised to sum 1); default uniform")
    List<Double> weights;
    @Option(names = "--greedy-on", paramLabel = "CSV", description = "choose the ingredients greedily on this "
            + "seed-format CSV (a calibration split none of the models trained on; never the dev set)")
    Path greedyOn;
    @Option(names = "--val", required = true, description = "validation CSV the temperature is fitted on") Path valCsv;
    @Option(names = "--out", required = true, description = "model folder to write") Path out;
    @Option(names = "--eval", description = "extra name=csv pairs evaluated on the soup and recorded in manifest.json")
    Map<String, Path> evals = new LinkedHashMap<>();
    @Option(names = "--decoding", defaultValue = "viterbi", description = "decoding written into the manifest and "
            + "used by --greedy-on and the --eval figures: argmax or viterbi (default ${DEFAULT-VALUE}, as model 2.8.0)")
    String decoding;
    @Option(names = "--confidence", description = "entity confidence written into the manifest: mean or "
            + "span-marginal (default: none written, which readers take as mean); the figures the command prints are "
            + "at confidence 0, so they do not depend on it")
    String confidence;
    @Option(names = "--threads", defaultValue = "2") int threads;
    @Option(names = "--name", defaultValue = "kg-ner-lab") String name;
    @Option(names = "--model-version", defaultValue = "1.0.0") String version;

    @Override
    public Integer call() throws Exception {
        if (weights != null && (greedyOn != null || weights.size() != models.size())) {
            throw new IllegalArgumentException(greedyOn != null ? "--weights and --greedy-on exclude each other"
                    : models.size() + " models but " + weights.size() + " weights");
        }
        ModelSoup.checkCompatible(models);
        Decoding decodingUsed = Decoding.parse(decoding);
        // parsed before any work so that a misspelt value fails in seconds, not after the soup is exported
        BioDecoder.Confidence confidenceUsed = confidence == null ? null : BioDecoder.Confidence.parse(confidence);
        List<TaggedSentence> val = NerCsv.read(valCsv);
        Map<Path, NerTrainer.InitialModel> loaded = new LinkedHashMap<>();
        for (Path m : models) {
            try (ModelFolder folder = ModelFolder.load(m, threads)) {
                loaded.put(m, folder.initialModel(0f));
            }
        }
        List<Path> chosen = new ArrayList<>(models);
        Map<String, Object> greedy = null;
        if (greedyOn != null) {
            greedy = new LinkedHashMap<>();
            chosen = greedy(loaded, val, decodingUsed, greedy);
        }
        double[] w = new double[chosen.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = weights != null ? weights.get(i) : 1.0;
        }
        double temperature = write(loaded, chosen, w, val, out);
        System.out.printf("soup of %d models -> %s, temperature %.4f (fitted on %s)%n", chosen.size(), out, temperature,
                valCsv);
        Map<String, Path> sets = new LinkedHashMap<>();
        sets.put("validation", valCsv);
        sets.putAll(evals);
        Map<String, Object> metrics = TrainCommand.metrics(out, sets, decodingUsed, threads);
        writeManifest(chosen, w, greedy, decodingUsed, confidenceUsed, temperature, metrics);
        return 0;
    }

    /**
     * Greedy soup: ingredients sorted by their own (type, value) micro F1 at confidence 0 on --greedy-on; the best one
     * starts the soup, each next one is kept if the uniform soup with it scores at least as well there.
     */
    private List<Path> greedy(Map<Path, NerTrainer.InitialModel> loaded, List<TaggedSentence> val, Decoding decodingUsed,
                              Map<String, Object> record) throws Exception {
        List<TaggedSentence> data = NerCsv.read(greedyOn);
        Map<Path, Double> own = new LinkedHashMap<>();
        for (Path m : loaded.keySet()) {
            own.put(m, valueF1(m, data, decodingUsed));
            System.out.printf("ingredient %s: (type, value) F1 %.4f on %s%n", m, own.get(m), greedyOn);
        }
        List<Path> order = new ArrayList<>(models); // a folder listed twice is tried twice, as listed
        order.sort(Comparator.comparingDouble((Path m) -> own.get(m)).reversed());
        List<Path> kept = new ArrayList<>(List.of(order.get(0)));
        double best = own.get(order.get(0));
        List<Map<String, Object>> steps = new ArrayList<>();
        Path scratch = Files.createTempDirectory("soup");
        try {
            for (Path candidate : order.subList(1, order.size())) {
                List<Path> trial = new ArrayList<>(kept);
                trial.add(candidate);
                Path folder = scratch.resolve("trial-" + steps.size());
                double[] uniform = new double[trial.size()];
                Arrays.fill(uniform, 1.0);
                write(loaded, trial, uniform, val, folder);
                double f1 = valueF1(folder, data, decodingUsed);
                boolean keep = f1 >= best;
                System.out.printf("+ %s: soup of %d F1 %.4f (best so far %.4f) -> %s%n", candidate, trial.size(), f1,
                        best, keep ? "kept" : "left out");
                Map<String, Object> step = new LinkedHashMap<>();
                step.put("candidate", candidate.toString());
                step.put("soupF1", round(f1));
                step.put("kept", keep);
                steps.add(step);
                if (keep) {
                    kept = trial;
                    best = f1;
                }
            }
        } finally {
            deleteTree(scratch);
        }
        record.put("selectedOn", greedyOn.toString());
        record.put("selectedOnSha256", TrainCommand.sha256(greedyOn));
        record.put("criterion", "(type, value) micro F1 at confidence 0, decoding " + decodingUsed.id()
                + "; ingredients by their own F1, each kept if the uniform soup's does not drop");
        Map<String, Object> ownF1 = new LinkedHashMap<>();
        order.forEach(m -> ownF1.put(m.toString(), round(own.get(m))));
        record.put("ingredientF1", ownF1);
        record.put("steps", steps);
        return kept;
    }

    /** Exports the weighted mean of {@code chosen} to {@code dir} and fits its temperature on {@code val}. */
    private double write(Map<Path, NerTrainer.InitialModel> loaded, List<Path> chosen, double[] w,
                         List<TaggedSentence> val, Path dir) throws Exception {
        List<NerTrainer.InitialModel> ingredients = chosen.stream().map(loaded::get).toList();
        ModelFolder.export(ModelSoup.mix(ingredients, w), dir, threads);
        return TrainCommand.fitTemperature(dir, val, threads);
    }

    private double valueF1(Path folder, List<TaggedSentence> data, Decoding decodingUsed) throws IOException {
        try (ModelFolder model = ModelFolder.load(folder, threads)) {
            return Evaluation.run(model.tagger(), model.temperature(), data, decodingUsed, null, null)
                    .values(0).micro().f1();
        }
    }

    private void writeManifest(List<Path> chosen, double[] w, Map<String, Object> greedy, Decoding decodingUsed,
                               BioDecoder.Confidence confidenceUsed, double temperature, Map<String, Object> metrics) throws Exception {
        double sum = Arrays.stream(w).sum();
        List<Map<String, Object>> ingredients = new ArrayList<>();
        JsonNode firstManifest = null;
        for (int i = 0; i < chosen.size(); i++) {
            Path m = chosen.get(i);
            Path manifestFile = m.resolve(ModelFolderFiles.MANIFEST);
            JsonNode manifest = Files.isRegularFile(manifestFile) ? ModelFolderFiles.readJson(manifestFile) : null;
            firstManifest = firstManifest == null ? manifest : firstManifest;
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("folder", m.toString());
            e.put("weight", round(w[i] / sum));
            e.put("variablesSha256", variablesSha256(m));
            if (manifest != null) {
                for (String key : List.of("version", "fineTunedFrom", "trainingDataSha256", "trainingData")) {
                    if (manifest.hasNonNull(key)) {
                        e.put(key, manifest.get(key));
                    }
                }
            }
            ingredients.add(e);
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("name", name);
        manifest.put("version", version);
        manifest.put("created", Instant.now().toString());
        manifest.put("soup", greedy != null ? "greedy" : weights != null ? "weighted" : "uniform");
        manifest.put("ingredients", ingredients);
        if (greedy != null) {
            manifest.put("greedy", greedy);
        }
        manifest.put("validationDataSha256", TrainCommand.sha256(valCsv));
        manifest.put("labellingUnit", ModelFolder.LABELLING_UNIT);
        if (firstManifest != null && firstManifest.hasNonNull("wordFeatures")) {
            manifest.put("wordFeatures", firstManifest.get("wordFeatures"));
        }
        manifest.put("decoding", decodingUsed.id());
        if (confidenceUsed != null) {
            manifest.put("confidence", confidenceUsed.id());
        }
        manifest.put("metrics", metrics);
        Map<String, Object> calibration = new LinkedHashMap<>();
        calibration.put("temperature", temperature);
        calibration.put("temperatureFittedOn", valCsv.toString());
        manifest.put("calibration", calibration);
        manifest.put("command", NerTrainerCli.commandLine);
        ModelFolder.writeManifest(out, manifest);
    }

    /** SHA-256 of each file under the folder's variables/ (what identifies an ingredient's weights). */
    private static Map<String, String> variablesSha256(Path folder) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(folder.resolve(ModelFolderFiles.VARIABLES))) {
            for (Path f : files.sorted().toList()) {
                out.put(f.getFileName().toString(), TrainCommand.sha256(f));
            }
        }
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
