package dev.kggateway.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One page of a keyset-paginated listing, items in listing order; {@code hasNext} / {@code hasPrevious} tell whether
 * items follow the last / precede the first one.
 */
public record Page<T>(List<T> items, boolean hasNext, boolean hasPrevious) {

    public Page(List<T> items, boolean hasNext) {
        this(items, hasNext, false);
    }

    /**
     * The page from a keyset read of {@code size + 1} rows starting at a cursor: forward rows come in listing order,
     * backward rows in reverse order (nearest the cursor first). A row beyond {@code size} means more items lie in
     * the reading direction; a cursor means at least its own item lies in the other one.
     */
    public static <T> Page<T> of(List<T> rows, int size, boolean backward, boolean fromCursor) {
        boolean more = rows.size() > size;
        List<T> items = new ArrayList<>(more ? rows.subList(0, size) : rows);
        if (backward) {
            Collections.reverse(items);
            return new Page<>(List.copyOf(items), fromCursor, more);
        }
        return new Page<>(List.copyOf(items), more, fromCursor);
    }
}
