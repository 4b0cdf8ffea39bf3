package dev.kggateway.api;

import dev.kggateway.api.types.PageInfo;
import dev.kggateway.api.types.ProductConnection;
import dev.kggateway.api.types.ProductEdge;
import dev.kggateway.api.types.ProductFilter;
import dev.kggateway.api.types.ProductOrderInput;
import dev.kggateway.api.types.ProductProperty;
import dev.kggateway.api.types.SimilarProduct;
import dev.kggateway.domain.Facet;
import dev.kggateway.domain.Ids;
import dev.kggateway.domain.Page;
import dev.kggateway.domain.PriceStats;
import dev.kggateway.domain.Product;
import dev.kggateway.domain.ProductOrdering;
import dev.kggateway.domain.ProductQuery;
import dev.kggateway.domain.PropertySource;
import dev.kggateway.service.CatalogService;
import dev.kggateway.service.Cursors;
import dev.kggateway.service.PageRequest;
import dev.kggateway.service.SimilarityService;
import dev.kggateway.similarity.HitFields;
import dev.kggateway.similarity.Ranking;
import dev.kggateway.similarity.SimilarityMetric;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.SelectedField;
import io.smallrye.graphql.api.Context;
import io.smallrye.graphql.api.Nullable;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

/** The product aggregate: product lookups, filtered listings, links and similarity. */
@GraphQLApi
@dev.kggateway.security.RequiresReader
public class ProductGraphQLApi {

    @Inject
    CatalogService catalog;

    @Inject
    SimilarityService similarity;

    @Inject
    ProductFilters filters;

    /** The field being resolved, for its selection ({@link #selects}). */
    @Inject
    Context context;

    @Query("product")
    @Description("The product with this id, or null when there is none.")
    public Product product(@Id @NonNull @Name("id") @Description("The product id.") String id) {
        return catalog.product(id);
    }

    @Query("products")
    @Description("Products matching the filter, in the orderBy order (default: by id), as a Relay connection whose "
            + "keyset cursors hold the sort key values and the id. Null, with a coded error, when an argument is "
            + "invalid; sibling root fields are still answered.")
    public ProductConnection products(
            @Name("filter") @Description("Conditions the products must meet; all products when absent.") ProductFilter filter,
            @Nullable @Name("orderBy") @Description("Sort keys in priority order; ties are always broken by id ascending (unless ID "
                    + "is a key). Default: by id. A cursor is only valid with the orderBy it was issued for "
                    + "(else INVALID_CURSOR).") List<@NonNull ProductOrderInput> orderBy,
            @Name("first") @Description("Forward page size (default 20, at most kg.api.max-first); not with last/before.") Integer first,
            @Name("after") @Description("Forward paging: the page starts after the edge with this cursor.") String after,
            @Name("last") @Description("Backward page size (at most kg.api.max-first): the last items before the cursor, or of the listing.") Integer last,
            @Name("before") @Description("Backward paging: the page ends before the edge with this cursor.") String before) {
        PageRequest.Args page = PageRequest.of(first, after, last, before, PageRequest.DEFAULT_SIZE,
                catalog.limits().maxFirst());
        ProductQuery query = filters.toQuery(filter);
        ProductOrdering ordering = filters.toOrdering(orderBy, query);
        return connection(catalog.listing(query, ordering, page), query, null);
    }

    /** A connection over a listing page in a client-chosen order (each product with its own keyset cursor). */
    static ProductConnection connection(Page<CatalogService.Listed> listed, ProductQuery query,
            dev.kggateway.domain.PropertyNode ofProperty) {
        List<ProductEdge> edges = listed.items().stream().map(l -> new ProductEdge(l.cursor(), l.product())).toList();
        return connection(edges, listed.hasNext(), listed.hasPrevious(), query, ofProperty);
    }

    static ProductConnection idConnection(Page<Product> page, ProductQuery query,
            dev.kggateway.domain.PropertyNode ofProperty) {
        List<ProductEdge> edges = new ArrayList<>(page.items().size());
        for (Product p : page.items()) {
            edges.add(new ProductEdge(Cursors.encode(CatalogService.PRODUCT_CURSOR, p.id()), p));
        }
        return connection(edges, page.hasNext(), page.hasPrevious(), query, ofProperty);
    }

    private static ProductConnection connection(List<ProductEdge> edges, boolean hasNext, boolean hasPrevious,
            ProductQuery query, dev.kggateway.domain.PropertyNode ofProperty) {
        String start = edges.isEmpty() ? null : edges.get(0).cursor;
        String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor;
        return new ProductConnection(edges, new PageInfo(hasNext, hasPrevious, start, end), query, ofProperty);
    }

    @Name("totalCount")
    @NonNull
    @Description("Number of products in the whole listing, not just this page.")
    public int totalCount(@Source ProductConnection connection) {
        if (connection.ofProperty != null) {
            return catalog.productCounts(List.of(connection.ofProperty)).get(connection.ofProperty.id());
        }
        return catalog.count(connection.query);
    }

    @Name("facets")
    @NonNull
    @Description("Facet counts over the whole listing (not just this page): for each requested property type, its "
            + "values with the number of products having them, by count descending then value.")
    public List<@NonNull Facet> facets(@Source ProductConnection connection,
            @Nullable @Name("types") @Description("Property types to count, in this order (at most 20); every type present in "
                    + "the listing, by name, when absent.") List<@NonNull String> types,
            @Name("first") @DefaultValue("10") @Description("Most values per type (0 to kg.api.max-first).") Integer first) {
        int n = PageRequest.first(first, 10, catalog.limits().maxFirst());
        return catalog.facets(listing(connection), types, n);
    }

    @Name("priceStats")
    @Description("Lowest, highest and mean price over the whole listing; null when no product of it has a price.")
    public PriceStats priceStats(@Source ProductConnection connection) {
        return catalog.priceStats(listing(connection));
    }

    /** The filter a connection lists: its own, or "linked to this property node" for a property's products. */
    private static ProductQuery listing(ProductConnection connection) {
        if (connection.ofProperty != null) {
            return ProductQuery.linkedTo(connection.ofProperty);
        }
        return connection.query;
    }

    @Query("similarProducts")
    @Description("Products ranked by the property nodes they share with the given one; null, with a coded error, "
            + "when an argument is invalid.")
    public List<@NonNull SimilarProduct> similarProducts(
            @Id @NonNull @Name("id") @Description("The product to compare with.") String id,
            @Name("first") @DefaultValue("10") @Description(SIMILAR_FIRST) Integer first,
            @Name("minShared") @DefaultValue("2") @Description(MIN_SHARED) Integer minShared,
            @Name("metric") @DefaultValue("SHARED_COUNT") @Description(METRIC) SimilarityMetric metric) {
        int n = PageRequest.first(first, 10, catalog.limits().maxSimilar());
        int min = minShared == null ? 2 : minShared;
        SimilarityMetric m = metric == null ? SimilarityMetric.SHARED_COUNT : metric;
        HitFields fields = hitFields();
        boolean links = fields == HitFields.WHOLE;
        Ranking ranking = similarity.similar(Ids.productId(id), n, min, m, fields);
        return ranking.hits().stream().map(hit -> {
            SimilarProduct s = SimilarProduct.of(hit);
            s.productLinks = links;
            s.readWithRanking = ranking.productOf(hit.productId());
            return s;
        }).toList();
    }

    /** The similar product's field that reads its links; every other Product field is a field of the summary. */
    private static final String PRODUCT_LINKS = "product/properties";
    /** The similar product's own fields (one level down), and those the similarity index holds of it. */
    private static final String PRODUCT_FIELDS = "product/*";
    private static final Set<String> NAME_FIELDS = Set.of("id", "name", "__typename");
    private static final Set<String> PRICE_FIELDS = Set.of("id", "name", "price", "currency", "__typename");

    /**
     * What the field being resolved prints of its hits' products, read once from its selection (any alias, through
     * fragments, after {@code @include}/{@code @skip}): their links (whole products), only fields the similarity index
     * holds (ids and names; or those with prices and currencies), or other fields (summaries). Whole products when the selection cannot be read, so that a
     * doubt reads more rather than less.
     */
    private HitFields hitFields() {
        DataFetchingEnvironment env = context.unwrap(DataFetchingEnvironment.class);
        DataFetchingFieldSelectionSet selection = env == null ? null : env.getSelectionSet();
        if (selection == null || selection.contains(PRODUCT_LINKS)) {
            return HitFields.WHOLE;
        }
        List<SelectedField> fields = selection.getFields(PRODUCT_FIELDS);
        if (fields.stream().allMatch(field -> NAME_FIELDS.contains(field.getName()))) {
            return HitFields.NAMES;
        }
        return fields.stream().allMatch(field -> PRICE_FIELDS.contains(field.getName()))
                ? HitFields.NAMES_AND_PRICES : HitFields.SUMMARY;
    }

    static final String SIMILAR_FIRST = "Number of similar products: at most kg.api.max-similar.";
    static final String MIN_SHARED = "Least number of shared property nodes a similar product must have.";
    static final String METRIC = "How shared property nodes are scored.";

    @Name("similarProducts")
    @NonNull
    @Description("Products ranked by the property nodes they share with this one.")
    public List<@NonNull SimilarProduct> similarProductsOf(@Source Product product,
            @Name("first") @DefaultValue("10") @Description(SIMILAR_FIRST) Integer first,
            @Name("minShared") @DefaultValue("2") @Description(MIN_SHARED) Integer minShared,
            @Name("metric") @DefaultValue("SHARED_COUNT") @Description(METRIC) SimilarityMetric metric) {
        return similarProducts(product.id(), first, minShared, metric);
    }

    @Name("properties")
    @NonNull
    @Description("The product's property links, optionally of one type or one source.")
    public List<@NonNull ProductProperty> properties(@Source Product product,
            @Name("type") @Description("Only links of this property type.") String type,
            @Name("source") @Description("Only links of this provenance.") PropertySource source) {
        String wantedType = type == null ? null : Ids.propertyType(type);
        // Links arrive with the product (same query, same version): no further store access here.
        return product.links().stream()
                .filter(l -> wantedType == null || l.property().type().equals(wantedType))
                .filter(l -> source == null || l.source() == source)
                .map(ProductProperty::of)
                .toList();
    }

    @Name("product")
    @Description("The similar product.")
    public List<@NonNull Product> productOf(@Source List<SimilarProduct> hits) {
        // One batch may hold hits of several similarProducts fields: each hit says whether its request selects links.
        // Hits whose ranking already read their product (remote index) need no further read.
        List<SimilarProduct> unread = hits.stream().filter(h -> h.readWithRanking == null).toList();
        Map<String, Optional<Product>> full = catalog.products(
                unread.stream().filter(h -> h.productLinks).map(h -> h.productId).distinct().toList());
        Map<String, Optional<Product>> summaries = catalog.summaries(
                unread.stream().filter(h -> !h.productLinks).map(h -> h.productId).distinct().toList());
        List<Product> ordered = new ArrayList<>(hits.size());
        for (SimilarProduct hit : hits) {
            ordered.add(hit.readWithRanking != null ? hit.readWithRanking
                    : (hit.productLinks ? full : summaries).get(hit.productId).orElse(null));
        }
        return ordered;
    }
}
