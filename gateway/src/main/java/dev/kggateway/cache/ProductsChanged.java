package dev.kggateway.cache;

import java.util.Collection;

/**
 * Fired after a write has committed. {@code productIds} null means "anything may have changed" (bulk loads).
 */
public record ProductsChanged(Collection<String> productIds) {
}
