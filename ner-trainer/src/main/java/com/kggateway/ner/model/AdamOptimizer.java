package com.kggateway.ner.model;

import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Identity;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Adam via the fused ApplyAdam kernel. Written here instead of using the framework optimizer because the
 * learning rate must follow a warm-up/linear-decay schedule per step, so lr and the bias-correction powers are
 * fed as placeholders computed in Java.
 */
public final class AdamOptimizer {
    public static final float BETA1 = 0.9f;
    public static final float BETA2 = 0.999f;
    public static final float EPSILON = 1e-6f;

    public final Placeholder<TFloat32> learningRate;
    public final Placeholder<TFloat32> beta1Power;
    public final Placeholder<TFloat32> beta2Power;
    public final List<Op> updates = new ArrayList<>();

    public AdamOptimizer(BertTokenClassifier model) {
        this(model, Set.of());
    }

    /**
     * @param frozen variable names that get no gradient and no update (e.g. {@code embeddings/word} of a pre-trained
     *     encoder: the rows of words the training data never shows stay where pre-training put them, consistent
     *     with the rows it does show)
     */
    public AdamOptimizer(BertTokenClassifier model, Set<String> frozen) {
        Ops tf = model.ops();
        Ops init = tf.withInitScope();
        learningRate = tf.withName("adam_lr").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
        beta1Power = tf.withName("adam_beta1_power").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
        beta2Power = tf.withName("adam_beta2_power").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
        List<String> names = new ArrayList<>();
        List<Variable<TFloat32>> vars = new ArrayList<>();
        model.variables().forEach((name, v) -> {
            if (!frozen.contains(name)) {
                names.add(name);
                vars.add(v);
            }
        });
        if (!model.variables().keySet().containsAll(frozen)) {
            throw new IllegalArgumentException("cannot freeze unknown variables " + frozen);
        }
        Gradients grads = tf.gradients(model.loss, vars);
        // Every update waits for every gradient: backprop reads the (ref) variables, so an early ApplyAdam would
        // otherwise race with gradient ops that still need the old weights, making training non-deterministic.
        List<Identity<TFloat32>> gradValues = new ArrayList<>();
        for (int i = 0; i < vars.size(); i++) {
            Output<TFloat32> g = grads.dy(i);
            gradValues.add(tf.identity(g));
        }
        Ops afterGradients = tf.withControlDependencies(new ArrayList<Op>(gradValues));
        for (int i = 0; i < vars.size(); i++) {
            Variable<TFloat32> v = vars.get(i);
            Shape shape = model.shapes().get(names.get(i));
            Variable<TFloat32> m = init.variable(init.zeros(init.constant(shape), TFloat32.class));
            Variable<TFloat32> s = init.variable(init.zeros(init.constant(shape), TFloat32.class));
            updates.add(afterGradients.train.applyAdam(v, m, s, beta1Power, beta2Power, learningRate,
                    tf.constant(BETA1), tf.constant(BETA2), tf.constant(EPSILON), gradValues.get(i)));
        }
    }
}
