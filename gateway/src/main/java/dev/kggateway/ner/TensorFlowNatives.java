package dev.kggateway.ner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Points DJL's TensorFlow engine at the TF 2.16 natives unpacked from {@code org.tensorflow:tensorflow-core-native}
 * and forbids DJL from downloading anything. Must run before DJL first touches the engine.
 */
public final class TensorFlowNatives {

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
        System.setProperty("TENSORFLOW_LIBRARY_PATH", dir.toString());
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("ai.djl.default_engine", "TensorFlow");
    }
}
