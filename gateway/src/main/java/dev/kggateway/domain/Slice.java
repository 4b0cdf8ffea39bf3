package dev.kggateway.domain;

/**
 * Which part of a keyset listing to read: {@code size} items after {@code key} (forward) or before it (backward);
 * a null key starts at the first (forward) or the last (backward) item.
 */
public record Slice(int size, String key, boolean backward) {

    public static Slice forward(int size, String afterKey) {
        return new Slice(size, afterKey, false);
    }
}
