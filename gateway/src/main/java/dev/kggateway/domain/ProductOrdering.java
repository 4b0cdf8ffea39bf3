package dev.kggateway.domain;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A validated listing order: sort keys in priority order, always ending with {@link ProductSortField#ID} so that
 * the order is total (ties broken by id ascending unless the client ordered by id itself). A field given twice
 * counts once (its first occurrence); keys after ID are dropped, since ids are unique.
 */
public record ProductOrdering(List<Key> keys) {

    /** One sort key. */
    public record Key(ProductSortField field, SortDirection direction) {
        public boolean descending() {
            return direction == SortDirection.DESC;
        }
    }

    /** The default order: by id ascending. */
    public static final ProductOrdering BY_ID = new ProductOrdering(List.of(new Key(ProductSortField.ID, SortDirection.ASC)));

    public static ProductOrdering of(List<Key> requested) {
        List<Key> keys = new ArrayList<>();
        Set<ProductSortField> seen = EnumSet.noneOf(ProductSortField.class);
        for (Key k : requested == null ? List.<Key>of() : requested) {
            if (seen.add(k.field())) {
                keys.add(new Key(k.field(), k.direction() == null ? SortDirection.ASC : k.direction()));
            }
            if (k.field() == ProductSortField.ID) {
                break;
            }
        }
        if (!seen.contains(ProductSortField.ID)) {
            keys.add(new Key(ProductSortField.ID, SortDirection.ASC));
        }
        return new ProductOrdering(List.copyOf(keys));
    }

    public boolean isDefault() {
        return equals(BY_ID);
    }

    public boolean uses(ProductSortField field) {
        return keys.stream().anyMatch(k -> k.field() == field);
    }

    /** A short stable name of the order ("NAME.ASC,ID.ASC"), part of every cursor issued for it. */
    public String signature() {
        return keys.stream().map(k -> k.field() + "." + k.direction()).collect(Collectors.joining(","));
    }
}
