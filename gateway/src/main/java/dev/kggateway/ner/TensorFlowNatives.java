package dev.kggateway.ner;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Points DJL's TensorFlow engine at the TF 2.16 natives unpacked from {@code org.tensorflow:tensorflow-core-native}
 * and forbids DJL from downloading anything. Must run before DJL first touches the engine.
 */
public final class TensorFlowNatives {

    private static final Logger LOG = Logger.getLogger(TensorFlowNatives.class);

    /** TensorFlow's C++ log threshold: 2 = errors only (0 all, 1 no INFO, 2 no WARNING, 3 no ERROR). */
    static final String TF_LOG_LEVEL = "TF_CPP_MIN_LOG_LEVEL";
    static final String ERRORS_ONLY = "2";

    static final List<String> REQUIRED = List.of("libjnitensorflow.so", "libtensorflow_cc.so.2",
            "libtensorflow_framework.so.2");

    private TensorFlowNatives() {
    }

    public static synchronized void prepare(Path folder) {
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
        System.setProperty("TENSORFLOW_LIBRARY_PATH", dir.toString());
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("ai.djl.default_engine", "TensorFlow");
    }

    /** libc's setenv: the environment native code reads (Java's System.getenv is a snapshot it cannot change). */
    interface LibC extends Library {
        int setenv(String name, String value, int overwrite);
    }

    /**
     * TensorFlow writes its C++ log lines (oneDNN, CPU features, missing CUDA) straight to stderr, outside Java
     * logging, so JSON logs get raw lines. It reads TF_CPP_MIN_LOG_LEVEL from the process environment, once, at its
     * first message, which it prints while the library loads: so set it here, before DJL loads the natives. An
     * operator's own value (in the environment) wins.
     */
    static void quietNativeLogging() {
        if (System.getenv(TF_LOG_LEVEL) != null) {
            return;
        }
        try {
            Native.load(Platform.C_LIBRARY_NAME, LibC.class).setenv(TF_LOG_LEVEL, ERRORS_ONLY, 0);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            LOG.debugf("cannot set %s (TensorFlow will log at its default level): %s", TF_LOG_LEVEL, e);
        }
    }
}
