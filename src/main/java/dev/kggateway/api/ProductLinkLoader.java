package dev.kggateway.api;

import dev.kggateway.domain.PropertyLink;
import dev.kggateway.service.CatalogService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads property links for every product a GraphQL request has produced, in one query, the first time any of them
 * needs its links. SmallRye's {@code @Source List} batching keys batches by field, not by arguments, so aliased
 * {@code properties(source: VENDOR)} / {@code properties(source: NER)} on one product would share the first alias'
 * arguments; loading unfiltered links here and filtering per call keeps both batching and correct answers.
 */
@RequestScoped
public class ProductLinkLoader {

    @Inject
    CatalogService catalog;

    private final Set<String> pending = new LinkedHashSet<>();
    private final Map<String, List<PropertyLink>> loaded = new HashMap<>();

    /** Products that may ask for their links later in this request. */
    public synchronized void expect(Collection<String> productIds) {
        for (String id : productIds) {
            if (!loaded.containsKey(id)) {
                pending.add(id);
            }
        }
    }

    public synchronized List<PropertyLink> linksOf(String productId) {
        List<PropertyLink> links = loaded.get(productId);
        if (links == null) {
            pending.add(productId);
            loaded.putAll(catalog.links(List.copyOf(pending)));
            pending.clear();
            links = loaded.get(productId);
        }
        return links;
    }
}
