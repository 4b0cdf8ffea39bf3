package dev.kggateway.domain;

import java.util.List;

/** One page of a keyset-paginated listing; {@code hasNext} tells whether another page follows. */
public record Page<T>(List<T> items, boolean hasNext) {
}
