package dev.kggateway.ner;

/** Identity of a loaded model, recorded on every link it produced. */
public record ModelInfo(String name, String version) {

    /** The value stored as {@code kg:modelVersion}: {@code name@version}. */
    public String tag() {
        return name + "@" + version;
    }
}
