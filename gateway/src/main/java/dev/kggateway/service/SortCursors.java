package dev.kggateway.service;

import dev.kggateway.domain.error.InvalidCursorException;
import dev.kggateway.domain.Ids;
import dev.kggateway.domain.ProductOrdering;
import dev.kggateway.domain.ProductPosition;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

/**
 * Cursors of product listings in a client-chosen order. The kind names the order ({@code products[NAME.ASC,ID.ASC]}),
 * so a cursor issued for one orderBy is refused by another; the key holds every sort key value of the edge and its
 * id (base64url each, {@code -} for a missing price), validated here before the store sees it. The default id order
 * keeps the plain product cursors it always had.
 */
final class SortCursors {

    private static final String MISSING = "-";
    private static final int MAX_NAME_KEY = 2048;

    private SortCursors() {
    }

    static String encode(ProductOrdering ordering, ProductPosition position) {
        if (ordering.isDefault()) {
            return Cursors.encode(CatalogService.PRODUCT_CURSOR, position.id());
        }
        List<String> parts = new ArrayList<>(position.values().size());
        for (String v : position.values()) {
            parts.add(v == null ? MISSING
                    : Base64.getUrlEncoder().withoutPadding().encodeToString(v.getBytes(StandardCharsets.UTF_8)));
        }
        return Cursors.encode(kind(ordering), String.join(".", parts));
    }

    /** The validated position of a cursor issued for this ordering, or null for a null cursor. */
    static ProductPosition decode(ProductOrdering ordering, String cursor) {
        if (cursor == null) {
            return null;
        }
        String text = Cursors.text(cursor);
        String prefix = (ordering.isDefault() ? CatalogService.PRODUCT_CURSOR : kind(ordering)) + ":";
        if (!text.startsWith(prefix)) {
            if (text.startsWith(CatalogService.PRODUCT_CURSOR)) {
                throw new InvalidCursorException("cursor was issued for another orderBy; page with the orderBy it "
                        + "came from, or start again without after/before");
            }
            throw new InvalidCursorException("cursor does not belong to this listing");
        }
        String key = text.substring(prefix.length());
        if (ordering.isDefault()) {
            return new ProductPosition(List.of(id(key)));
        }
        String[] parts = key.split("\\.", -1);
        if (parts.length != ordering.keys().size()) {
            throw new InvalidCursorException("cursor does not hold a position of this listing");
        }
        List<String> values = new ArrayList<>(parts.length);
        for (int i = 0; i < parts.length; i++) {
            values.add(value(ordering.keys().get(i), parts[i]));
        }
        return new ProductPosition(Collections.unmodifiableList(values));
    }

    private static String kind(ProductOrdering ordering) {
        return "products[" + ordering.signature() + "]";
    }

    private static String value(ProductOrdering.Key key, String part) {
        if (part.equals(MISSING)) {
            if (key.field() == dev.kggateway.domain.ProductSortField.PRICE) {
                return null;
            }
            throw bad();
        }
        String v;
        try {
            v = new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw bad();
        }
        switch (key.field()) {
            case ID -> id(v);
            case NAME -> {
                if (v.length() > MAX_NAME_KEY) {
                    throw bad();
                }
            }
            case PRICE -> {
                try {
                    if (new BigDecimal(v).signum() < 0 || v.length() > 64) {
                        throw bad();
                    }
                } catch (NumberFormatException e) {
                    throw bad();
                }
            }
            case PROPERTY_COUNT, RELEVANCE -> {
                try {
                    int n = Integer.parseInt(v);
                    if (n < 0 || (key.field() == dev.kggateway.domain.ProductSortField.RELEVANCE && (n < 1 || n > 3))) {
                        throw bad();
                    }
                } catch (NumberFormatException e) {
                    throw bad();
                }
            }
            default -> throw bad();
        }
        return v;
    }

    private static String id(String v) {
        if (!Ids.isProductId(v)) {
            throw new InvalidCursorException("cursor does not hold a product position");
        }
        return v;
    }

    private static InvalidCursorException bad() {
        return new InvalidCursorException("cursor does not hold a position of this listing");
    }
}
