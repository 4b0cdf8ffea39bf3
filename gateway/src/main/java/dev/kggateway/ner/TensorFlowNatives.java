package dev.kggateway.ner;

import dev.kggateway.os.LibC;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Points DJL's TensorFlow engine at the TF 2.16 natives unpacked from {@code org.tensorflow:tensorflow-core-native},
 * forbids DJL from downloading anything and sets the engine's thread pools. Must run before DJL first touches the
 * engine.
 */
public final class TensorFlowNatives {

    private static final Logger LOG = Logger.getLogger(TensorFlowNatives.class);

    /** TensorFlow's C++ log threshold: 2 = errors only (0 all, 1 no INFO, 2 no WARNING, 3 no ERROR). */
    static final String TF_LOG_LEVEL = "TF_CPP_MIN_LOG_LEVEL";
    static final String ERRORS_ONLY = "2";

    /** DJL reads these once, when the engine starts, for its eager context and every session it loads. */
    static final String INTER_OP_THREADS = "ai.djl.tensorflow.num_interop_threads";
    static final String INTRA_OP_THREADS = "ai.djl.tensorflow.num_intraop_threads";

    /** The HuggingFace tokenizers library (Rust) splits a batch over its own thread pool unless this is "false". */
    static final String TOKENIZER_PARALLELISM = "TOKENIZERS_PARALLELISM";

    static final List<String> REQUIRED = List.of("libjnitensorflow.so", "libtensorflow_cc.so.2",
            "libtensorflow_framework.so.2");

    private TensorFlowNatives() {
    }

    public static synchronized void prepare(Path folder, int interOpThreads, int intraOpThreads) {
        Path dir = folder.toAbsolutePath().normalize();
        for (String file : REQUIRED) {
            if (!Files.isRegularFile(dir.resolve(file))) {
                throw new IllegalStateException("TensorFlow native library missing: " + dir.resolve(file)
                        + " (set kg.ner.tensorflow-library-path; `./mvnw package` unpacks them into target/tensorflow-natives)");
            }
        }
        String current = System.getProperty("TENSORFLOW_LIBRARY_PATH");
        if (current != null && !current.equals(dir.toString())) {
            throw new IllegalStateException("TensorFlow natives already bound to " + current + "; cannot switch to " + dir);
        }
        quietNativeLogging();
        setEnvUnlessSet(TOKENIZER_PARALLELISM, "false");
        threads(INTER_OP_THREADS, interOpThreads);
        threads(INTRA_OP_THREADS, intraOpThreads);
        System.setProperty("TENSORFLOW_LIBRARY_PATH", dir.toString());
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("ai.djl.default_engine", "TensorFlow");
    }

    /**
     * One request is a few milliseconds of small ops: handing them to pool threads costs wake-ups (and, on a busy
     * machine, a wait for a core) per op, which measured slower than running them on the calling thread (see
     * BENCHMARKS.md, NER latency). Once the engine has started a change applies only after a restart.
     */
    private static void threads(String property, int value) {
        String current = System.getProperty(property);
        if (current != null && !current.equals(String.valueOf(value))) {
            LOG.warnf("%s was %s, now %d: a running TensorFlow engine keeps its pools until restart", property, current, value);
        }
        System.setProperty(property, String.valueOf(value));
    }

    /**
     * TensorFlow writes its C++ log lines (oneDNN, CPU features, missing CUDA) straight to stderr, outside Java
     * logging, so JSON logs get raw lines. It reads TF_CPP_MIN_LOG_LEVEL from the process environment, once, at its
     * first message, which it prints while the library loads: so set it here, before DJL loads the natives. An
     * operator's own value (in the environment) wins.
     */
    static void quietNativeLogging() {
        setEnvUnlessSet(TF_LOG_LEVEL, ERRORS_ONLY);
    }

    /**
     * Sets a variable of the process environment that native code reads, unless the operator's environment already
     * has it (theirs wins). The tokenizer's parallelism: one description is a few dozen words, and waking a thread
     * pool for them cost more than encoding them (BENCHMARKS.md, NER latency).
     */
    static void setEnvUnlessSet(String name, String value) {
        if (System.getenv(name) != null) {
            return;
        }
        try {
            LibC.load().setenv(name, value, 0);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            LOG.debugf("cannot set %s (native code keeps its default): %s", name, e);
        }
    }
}
