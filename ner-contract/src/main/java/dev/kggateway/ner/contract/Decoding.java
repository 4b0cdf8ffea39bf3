package dev.kggateway.ner.contract;

import java.util.Locale;

/**
 * How each word's tag is chosen from its calibrated tag probabilities ({@link Predictions#tags}).
 * {@link #ARGMAX}: the most probable tag per word, decoded with lenient IOB2 (an {@code I-X} after {@code O} or after
 * another type starts a new entity): the contract's default, and what a folder without a {@code decoding} in its
 * manifest gets. {@link #VITERBI}: the most probable tag sequence in which an {@code I-X} only follows {@code B-X} or
 * {@code I-X} ({@link BioViterbi}).
 */
public enum Decoding {
    ARGMAX, VITERBI;

    /** The manifest's / command line's spelling ("argmax", "viterbi"). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Decoding parse(String id) {
        for (Decoding d : values()) {
            if (d.id().equalsIgnoreCase(id.trim())) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown decoding '" + id + "' (argmax or viterbi)");
    }
}
