package dev.kggateway.similarity;

import dev.kggateway.domain.PropertyNode;
import java.util.List;

/** One product similar to a given one, with the property nodes both share. */
public record SimilarityHit(String productId, double score, int sharedCount, List<PropertyNode> shared) {
}
