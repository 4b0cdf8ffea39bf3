package dev.kggateway.service;

import dev.kggateway.api.error.InvalidArgumentException;

/** Validated {@code first} argument. */
public final class PageRequest {

    private PageRequest() {
    }

    public static int first(Integer first, int defaultFirst, int max) {
        int value = first == null ? defaultFirst : first;
        if (value < 0) {
            throw new InvalidArgumentException("first must not be negative: " + value);
        }
        if (value > max) {
            throw new InvalidArgumentException("first must be at most " + max + ": " + value);
        }
        return value;
    }
}
