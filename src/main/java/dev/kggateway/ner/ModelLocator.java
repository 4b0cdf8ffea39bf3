package dev.kggateway.ner;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resolves {@code kg.ner.model-path} to a local folder. */
@ApplicationScoped
public class ModelLocator {

    public Path resolve(String modelPath) {
        if (modelPath.startsWith("s3://")) {
            throw new IllegalStateException("s3:// model paths are not supported in this build: " + modelPath);
        }
        Path path = Path.of(modelPath);
        if (!Files.isDirectory(path)) {
            throw new IllegalStateException("NER model folder not found: " + path.toAbsolutePath() + " (kg.ner.model-path)");
        }
        return path;
    }
}
