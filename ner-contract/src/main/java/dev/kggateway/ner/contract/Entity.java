package dev.kggateway.ner.contract;

/**
 * An entity found (or labelled) in a text: its type, the words {@code [firstWord, endWord)} it covers, the
 * characters {@code [start, end)} of its value after edge punctuation is stripped, the normalised value and the
 * confidence (mean calibrated probability of its words' tags; 1 for gold labels).
 */
public record Entity(String type, int firstWord, int endWord, int start, int end, String value, double confidence) {

    /** What the gateway stores and the value matcher compares. */
    public TypedValue typedValue() {
        return new TypedValue(type, value);
    }

    /** A (type, value) pair: one property link. */
    public record TypedValue(String type, String value) {
    }
}
