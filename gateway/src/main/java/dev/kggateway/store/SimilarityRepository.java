package dev.kggateway.store;

import dev.kggateway.config.KgConfig;
import dev.kggateway.domain.Product;
import dev.kggateway.domain.PropertyNode;
import dev.kggateway.similarity.HitFields;
import dev.kggateway.similarity.Ranking;
import dev.kggateway.similarity.SimilarityHit;
import dev.kggateway.similarity.SimilarityIndex;
import dev.kggateway.similarity.SimilarityMetric;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.query.BindingSet;

/** Ranks products by the property nodes they share with a given product. */
@ApplicationScoped
public class SimilarityRepository {

    private static final ValueFactory VF = SimpleValueFactory.getInstance();

    @Inject
    GraphStore store;

    @Inject
    Iris iris;

    @Inject
    StoreSimilarityIndex index;

    @Inject
    ProductRepository products;

    @Inject
    KgConfig config;

    /**
     * Top products sharing at least {@code minShared} of the given weighted nodes with {@code productId} (which has
     * {@code sourceCount} nodes), scored by the metric: by the in-memory index when it is ready,
     * otherwise by {@code similar-products.rq} with the metric's score snippet. Both round scores alike.
     *
     * <p>On a remote store the index may lag another instance's removal (by up to the change feed's bound), and a
     * ranking must never name a product that no longer exists. There the hits' products are read by {@code read}
     * (one store call: the products that still exist, by id) together with the source's, and returned with the hits:
     * the read that proves a hit exists is the read of what the response prints. It ranks a few more than
     * {@code first}, so that hits the store no longer holds drop out and the page still holds {@code first} when
     * that many exist; when more vanished it ranks further and reads only the products not read yet. A source the
     * store no longer holds ranks nothing, as on the store.
     *
     * <p>When the response prints nothing of the hits' products but ids and names ({@link HitFields#NAMES}), or those
     * and prices and currencies ({@link HitFields#NAMES_AND_PRICES}), and the index holds them for every hit
     * ({@code kg.store.similarity-index-names}), the hits' products are the index's and nothing is read from the
     * store: exact on the embedded store; on a remote store as current as the index (another instance's rename,
     * repricing or removal shows within the change feed's bound), the same bound as the ranking's own.
     */
    public Ranking similar(String productId, Map<PropertyNode, Double> weights, int minShared, int first,
            SimilarityMetric metric, int sourceCount, HitFields fields,
            Function<List<String>, Map<String, Product>> read) {
        if (weights.isEmpty()) {
            return Ranking.NONE;
        }
        SimilarityIndex postings = index.get();
        if (postings == null) {
            List<SimilarityHit> hits = new ArrayList<>();
            for (BindingSet row : store.select("similar-products",
                    similarArgs(productId, weights, minShared, first, metric, sourceCount))) {
                hits.add(hit(row));
            }
            return new Ranking(hits, null);
        }
        int min = Math.max(1, minShared);
        boolean fromIndex = (fields == HitFields.NAMES || fields == HitFields.NAMES_AND_PRICES)
                && config.store().similarityIndexNames();
        if (index.exact() || fromIndex) {
            List<SimilarityHit> hits = postings.similar(productId, weights, min, first, metric, sourceCount);
            // Only the fields the index holds are printed: the others stay empty.
            Map<String, Product> held = fromIndex ? postings.products(
                    hits.stream().map(SimilarityHit::productId).toList(), fields == HitFields.NAMES_AND_PRICES) : null;
            if (held != null) {
                return new Ranking(hits, held);
            }
            if (index.exact()) {
                // The same hits, their products read after the ranking (one ranking, not a second one).
                return new Ranking(hits, null);
            }
            // A remote index without a hit's name, price or currency (data the gateway did not write): read below.
        }
        Map<String, Product> stored = new HashMap<>();
        Set<String> asked = new HashSet<>();
        int ranked = first + Math.max(EXTRA_HITS, first / 8);
        while (true) {
            List<SimilarityHit> hits = postings.similar(productId, weights, min, ranked, metric, sourceCount);
            List<String> unread = new ArrayList<>();
            if (asked.add(productId)) {
                unread.add(productId);
            }
            hits.stream().map(SimilarityHit::productId).filter(asked::add).forEach(unread::add);
            if (!unread.isEmpty()) {
                stored.putAll(read.apply(unread));
            }
            if (!stored.containsKey(productId)) {
                return new Ranking(List.of(), Map.of());
            }
            List<SimilarityHit> kept = hits.stream().filter(h -> stored.containsKey(h.productId())).limit(first)
                    .toList();
            if (kept.size() == first || hits.size() < ranked) {
                Map<String, Product> products = new HashMap<>();
                kept.forEach(h -> products.put(h.productId(), stored.get(h.productId())));
                return new Ranking(kept, products);
            }
            // Hits vanished from the store and more may follow: rank further, twice the shortfall (rare).
            ranked += 2 * (first - kept.size());
        }
    }

    /** Hits ranked beyond the page on a remote store, so that a few removed products need no second read. */
    static final int EXTRA_HITS = 4;

    /**
     * The property nodes a ranking weighs for a product: the index's when it is ready and holds the product (no
     * store read; on a remote store as current as the index, i.e. within the change feed's bound, like every other
     * product it ranks), else the store's.
     */
    public List<PropertyNode> sourceNodes(String productId) {
        SimilarityIndex postings = index.get();
        List<PropertyNode> held = postings == null ? null : postings.nodesOf(productId);
        return held != null ? held : products.propertiesOf(productId);
    }

    /** The arguments of similar-products.rq: the weighted nodes as VALUES, and the metric's score snippet. */
    Map<String, Object> similarArgs(String productId, Map<PropertyNode, Double> weights, int minShared, int first,
            SimilarityMetric metric, int sourceCount) {
        List<NamedQuery.Fragment> values = new ArrayList<>(weights.size());
        weights.forEach((node, w) -> values.add(NamedQuery.fragment("terms#weighted-node",
                "property", iris.property(node), "weight", VF.createLiteral(BigDecimal.valueOf(w)))));
        String score = NamedQuery.of(metric.sparqlScore())
                .render(Map.of("graph", iris.catalogGraph(), "sourceCount", sourceCount));
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("graph", iris.catalogGraph());
        args.put("product", iris.product(productId));
        args.put("weights", values);
        args.put("minShared", Math.max(1, minShared));
        args.put("score", new NamedQuery.Fragment(score));
        args.put("limit", first);
        return args;
    }

    /** One row of similar-products.rq. */
    SimilarityHit hit(BindingSet row) {
        List<PropertyNode> shared = Arrays.stream(row.getValue("sharedProperties").stringValue().split(" "))
                .map(iris::propertyFromIri)
                .sorted(Comparator.comparing(PropertyNode::type).thenComparing(PropertyNode::value))
                .toList();
        return new SimilarityHit(
                iris.productId(row.getValue("other").stringValue()),
                Rows.doubleOf(row, "score"),
                Rows.intOf(row, "shared"),
                shared);
    }

    /**
     * What the similarity index holds of a product: its property nodes, its name (null: none stored) and, read with
     * the name, its price and currency (null: none).
     */
    record Indexed(List<PropertyNode> nodes, String name, Double price, String currency) {
    }

    /**
     * The property nodes, name, price and currency of each of these products that has any nodes, read from the store
     * (not from the index) in one query, so all are of one version. Price and currency are read as the summaries read
     * them ({@code product-summaries-by-iri.rq}, {@link ProductRepository}), so the index prints what a read prints.
     */
    Map<String, Indexed> nodesOf(List<String> ids) {
        Map<String, List<PropertyNode>> nodes = new HashMap<>();
        Map<String, BindingSet> names = new HashMap<>();
        for (BindingSet row : store.select("nodes-of-products", Map.of("graph", iris.catalogGraph(),
                "products", ids.stream().map(iris::product).toList()))) {
            String product = iris.productId(row.getValue("product").stringValue());
            if (row.hasBinding("property")) {
                nodes.computeIfAbsent(product, k -> new ArrayList<>())
                        .add(iris.propertyFromIri(row.getValue("property").stringValue()));
            } else if (row.hasBinding("name")) {
                names.putIfAbsent(product, row);
            }
        }
        Map<String, Indexed> indexed = new HashMap<>();
        nodes.forEach((id, n) -> {
            BindingSet named = names.get(id);
            indexed.put(id, named == null ? new Indexed(n, null, null, null) : new Indexed(n,
                    named.getValue("name").stringValue(), Rows.doubleOrNull(named, "price"),
                    Rows.stringOrNull(named, "currency")));
        });
        return indexed;
    }

    /** Document frequency (number of products carrying it) of each node of a product. */
    public Map<String, Integer> documentFrequencies(String productId, Collection<PropertyNode> nodes) {
        SimilarityIndex postings = index.get();
        if (postings != null) {
            return postings.documentFrequencies(nodes);
        }
        Map<String, Integer> df = new HashMap<>();
        for (BindingSet row : store.select("document-frequencies",
                Map.of("graph", iris.catalogGraph(), "product", iris.product(productId)))) {
            df.put(iris.propertyFromIri(row.getValue("property").stringValue()).id(),
                    Rows.intOf(row, "df"));
        }
        return df;
    }
}
