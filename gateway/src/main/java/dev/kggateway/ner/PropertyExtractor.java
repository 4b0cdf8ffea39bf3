package dev.kggateway.ner;

import java.util.List;

/** Extracts (type, value) properties from free-text product descriptions. Thread-safe. */
public interface PropertyExtractor {

    /** One result list per text, in input order; values normalised, duplicates merged. Runs as one batch. */
    List<List<ExtractedProperty>> extract(List<String> texts);

    /** The loaded model. */
    ModelInfo model();
}
