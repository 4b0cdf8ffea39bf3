package dev.kggateway.domain;

import java.util.List;

/** One product similar to a given one, with the property nodes both share. */
public record SimilarityHit(String productId, double score, int sharedCount, List<PropertyNode> shared) {
}
