package com.kggateway.ner.model;

import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** All encoder weights as Java arrays, keyed by variable name: used for init, best-epoch restore and export. */
public final class WeightSnapshot {
    private final Map<String, float[]> values;

    private WeightSnapshot(Map<String, float[]> values) {
        this.values = values;
    }

    /**
     * BERT initialization from a seeded Java RNG: truncated normal(0, 0.02) for kernels and embeddings, zeros for
     * biases/beta, ones for layer-norm gamma. Iteration order is the graph-building order, hence deterministic.
     */
    public static WeightSnapshot initial(BertTokenClassifier model, long seed) {
        Random random = new Random(seed);
        Map<String, float[]> values = new LinkedHashMap<>();
        for (Map.Entry<String, Shape> e : model.shapes().entrySet()) {
            String name = e.getKey();
            float[] v = new float[(int) e.getValue().size()];
            if (name.endsWith("/gamma")) {
                Arrays.fill(v, 1f);
            } else if (!name.endsWith("/bias") && !name.endsWith("/beta")) {
                for (int i = 0; i < v.length; i++) {
                    double g;
                    do {
                        g = random.nextGaussian();
                    } while (Math.abs(g) > 2);
                    v[i] = (float) (0.02 * g);
                }
            }
            values.put(name, v);
        }
        return new WeightSnapshot(values);
    }

    public static WeightSnapshot read(Session session, BertTokenClassifier model) {
        Session.Runner runner = session.runner();
        List<String> names = new ArrayList<>(model.variables().keySet());
        for (String n : names) {
            runner.fetch(model.variables().get(n));
        }
        Map<String, float[]> values = new LinkedHashMap<>();
        try (Result r = runner.run()) {
            for (int i = 0; i < names.size(); i++) {
                values.put(names.get(i), Tensors.toArray((TFloat32) r.get(i)));
            }
        }
        return new WeightSnapshot(values);
    }

    /**
     * Reads the variables of a session whose graph was exported from an inference {@code twin} (same config, so
     * the same op names, including TF's uniquified sub-scopes such as "embeddings_3/position"), e.g. a loaded
     * SavedModel that fine-tuning starts from.
     */
    public static WeightSnapshot readByName(Session session, BertTokenClassifier twin) {
        Session.Runner runner = session.runner();
        List<String> names = new ArrayList<>(twin.variables().keySet());
        for (String n : names) {
            runner.fetch(twin.variables().get(n).op().name());
        }
        Map<String, float[]> values = new LinkedHashMap<>();
        try (Result r = runner.run()) {
            for (int i = 0; i < names.size(); i++) {
                values.put(names.get(i), Tensors.toArray((TFloat32) r.get(i)));
            }
        }
        return new WeightSnapshot(values);
    }

    /** Assigns every variable of {@code model} in {@code session}; names must match exactly. */
    public void assignTo(Session session, BertTokenClassifier model) {
        Session.Runner runner = session.runner();
        List<TFloat32> tensors = new ArrayList<>();
        try {
            for (Map.Entry<String, Shape> e : model.shapes().entrySet()) {
                float[] v = values.get(e.getKey());
                if (v == null || v.length != e.getValue().size()) {
                    throw new IllegalStateException("no weights of shape " + e.getValue() + " for " + e.getKey());
                }
                TFloat32 t = Tensors.floats(v, e.getValue());
                tensors.add(t);
                runner.feed(model.assignInputs().get(e.getKey()), t);
            }
            model.assignOps().forEach(runner::addTarget);
            runner.run().close();
        } finally {
            tensors.forEach(TFloat32::close);
        }
    }

    /**
     * This snapshot plus zeros for the word-feature embeddings {@code model} has and this snapshot lacks: a model
     * trained without features, warm-started with them, starts out computing exactly what it computed before.
     */
    public WeightSnapshot withZeroFeatureEmbeddings(BertTokenClassifier model) {
        Map<String, float[]> out = new LinkedHashMap<>(values);
        for (Map.Entry<String, Shape> e : model.shapes().entrySet()) {
            if (!out.containsKey(e.getKey()) && (e.getKey().equals("embeddings/lexical_class")
                    || e.getKey().equals("embeddings/word_shape"))) {
                out.put(e.getKey(), new float[(int) e.getValue().size()]);
            }
        }
        return new WeightSnapshot(out);
    }

    /**
     * The weighted mean of snapshots with the same variables (a "model soup": fine-tuned siblings of one model
     * averaged into one model of the same size). Weights are normalised to sum to 1.
     */
    public static WeightSnapshot weightedMean(List<WeightSnapshot> snapshots, double[] weights) {
        if (snapshots.isEmpty() || snapshots.size() != weights.length) {
            throw new IllegalArgumentException(snapshots.size() + " snapshots but " + weights.length + " weights");
        }
        double sum = 0;
        for (double w : weights) {
            if (!(w >= 0)) {
                throw new IllegalArgumentException("weights must be >= 0: " + Arrays.toString(weights));
            }
            sum += w;
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("weights sum to 0");
        }
        Map<String, float[]> first = snapshots.get(0).values;
        Map<String, float[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, float[]> e : first.entrySet()) {
            // accumulate in double: six float32 models summed in float would lose the low bits of small updates
            double[] acc = new double[e.getValue().length];
            for (int m = 0; m < snapshots.size(); m++) {
                Map<String, float[]> other = snapshots.get(m).values;
                float[] v = other.get(e.getKey());
                if (v == null || v.length != acc.length || other.size() != first.size()) {
                    throw new IllegalArgumentException("snapshot " + m + " has no variable " + e.getKey()
                            + " of " + acc.length + " values: not the same architecture");
                }
                double w = weights[m] / sum;
                for (int i = 0; i < acc.length; i++) {
                    acc[i] += w * v[i];
                }
            }
            float[] mean = new float[acc.length];
            for (int i = 0; i < acc.length; i++) {
                mean[i] = (float) acc[i];
            }
            out.put(e.getKey(), mean);
        }
        return new WeightSnapshot(out);
    }

    /**
     * This snapshot with some variables replaced (e.g. pre-trained weights over a random initialisation); each
     * replacement must name an existing variable and have its number of values.
     */
    public WeightSnapshot with(Map<String, float[]> replacements) {
        Map<String, float[]> out = new LinkedHashMap<>(values);
        replacements.forEach((name, v) -> {
            float[] old = values.get(name);
            if (old == null || old.length != v.length) {
                throw new IllegalArgumentException("no variable " + name + " of " + v.length + " values to replace");
            }
            out.put(name, v);
        });
        return new WeightSnapshot(out);
    }

    /** The values of one variable (tests). */
    public float[] get(String name) {
        return values.get(name);
    }

    /** Largest absolute difference between two snapshots' values (tests; same variables required). */
    public double maxAbsDifference(WeightSnapshot other) {
        double max = 0;
        for (Map.Entry<String, float[]> e : values.entrySet()) {
            float[] o = other.values.get(e.getKey());
            for (int i = 0; i < o.length; i++) {
                max = Math.max(max, Math.abs(e.getValue()[i] - o[i]));
            }
        }
        return max;
    }

    public long parameterCount() {
        return values.values().stream().mapToLong(v -> v.length).sum();
    }
}
