package dev.kggateway.service;

import dev.kggateway.domain.error.InvalidArgumentException;

/** Validated Relay paging arguments: {@code first}/{@code after} forward, or {@code last}/{@code before} backward. */
public final class PageRequest {

    /** A validated request: {@code size} items from {@code cursor} (still encoded), forward or backward. */
    public record Args(int size, String cursor, boolean backward) {
    }

    /** Page size of connections when neither first nor last is given (the complexity limit prices it too). */
    public static final int DEFAULT_SIZE = 20;

    private PageRequest() {
    }

    public static int first(Integer first, int defaultFirst, int max) {
        return size("first", first, defaultFirst, max);
    }

    /**
     * Forward unless {@code last} or {@code before} is given; mixing the two directions is refused (Relay allows it
     * but its result is rarely what a client means, and keyset reads serve one direction at a time).
     */
    public static Args of(Integer first, String after, Integer last, String before, int defaultSize, int max) {
        boolean backward = last != null || before != null;
        if (backward && (first != null || after != null)) {
            throw new InvalidArgumentException(
                    "page with first/after (forward) or last/before (backward), not both directions at once");
        }
        return backward ? new Args(size("last", last, defaultSize, max), before, true)
                : new Args(size("first", first, defaultSize, max), after, false);
    }

    private static int size(String name, Integer requested, int defaultSize, int max) {
        int value = requested == null ? defaultSize : requested;
        if (value < 0) {
            throw new InvalidArgumentException(name + " must not be negative: " + value);
        }
        if (value > max) {
            throw new InvalidArgumentException(name + " must be at most " + max + ": " + value);
        }
        return value;
    }
}
