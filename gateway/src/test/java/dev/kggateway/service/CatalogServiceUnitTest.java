package dev.kggateway.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.kggateway.cache.ResultCache;
import dev.kggateway.config.KgConfig;
import dev.kggateway.domain.Facet;
import dev.kggateway.domain.FacetValue;
import dev.kggateway.domain.Page;
import dev.kggateway.domain.Product;
import dev.kggateway.domain.ProductOrdering;
import dev.kggateway.domain.ProductPosition;
import dev.kggateway.domain.ProductQuery;
import dev.kggateway.domain.ProductSortField;
import dev.kggateway.domain.Slice;
import dev.kggateway.domain.SortDirection;
import dev.kggateway.domain.error.InvalidArgumentException;
import dev.kggateway.domain.error.InvalidCursorException;
import dev.kggateway.store.ProductRepository;
import dev.kggateway.store.PropertyRepository;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fast unit tier: {@link CatalogService}'s own logic between the GraphQL layer and the store — cursor checks before
 * the store is asked, products removed between the two reads of a page skipped, facets normalised, ordered and cut to
 * {@code first} from one cached count list, sorted listings cached per position — with the repositories stubbed and
 * the real {@link ResultCache}. The same behaviour runs end to end in the Catalog/Listing contract tests on both
 * stores.
 */
class CatalogServiceUnitTest {

    private final CatalogService service = new CatalogService();
    private final ProductRepository products = mock(ProductRepository.class);
    private final PropertyRepository properties = mock(PropertyRepository.class);
    /** The products the stub store holds. */
    private final Map<String, Product> stored = new HashMap<>();

    @BeforeEach
    void wire() {
        KgConfig config = mock(KgConfig.class, RETURNS_DEEP_STUBS);
        when(config.cache().enabled()).thenReturn(true);
        when(config.cache().ttl()).thenReturn(Duration.ofMinutes(1));
        when(config.cache().productsSize()).thenReturn(1000L);
        when(config.cache().resultsSize()).thenReturn(1000L);
        when(products.findByIds(anyCollection())).thenAnswer(call -> {
            Map<String, Product> found = new HashMap<>();
            for (String id : call.<Collection<String>>getArgument(0)) {
                if (stored.containsKey(id)) {
                    found.put(id, stored.get(id));
                }
            }
            return found;
        });
        service.products = products;
        service.properties = properties;
        service.config = config;
        service.cache = new ResultCache(config, new SimpleMeterRegistry());
        for (String id : List.of("a1", "a2", "a3")) {
            stored.put(id, new Product(id, "Name " + id, null, null, null, null));
        }
    }

    @Test
    void aPageSkipsProductsRemovedBetweenItsTwoReads() {
        when(products.findIds(eq(ProductQuery.ALL), any(Slice.class)))
                .thenReturn(new Page<>(List.of("a1", "gone", "a3"), true, false));

        Page<Product> page = service.products(ProductQuery.ALL, new PageRequest.Args(3, null, false));

        assertEquals(List.of("a1", "a3"), page.items().stream().map(Product::id).toList());
        assertTrue(page.hasNext());
        assertFalse(page.hasPrevious());
    }

    @Test
    void aCursorIsCheckedBeforeTheStoreIsAsked() {
        String propertyCursor = Cursors.encode(CatalogService.PROPERTY_CURSOR, "material/steel");
        String badProductId = Cursors.encode(CatalogService.PRODUCT_CURSOR, "not an id!");
        assertThrows(InvalidCursorException.class,
                () -> service.products(ProductQuery.ALL, new PageRequest.Args(5, propertyCursor, false)));
        assertThrows(InvalidCursorException.class,
                () -> service.products(ProductQuery.ALL, new PageRequest.Args(5, badProductId, false)));
        assertThrows(InvalidCursorException.class,
                () -> service.products(ProductQuery.ALL, new PageRequest.Args(5, "%%% not base64", false)));
        String productCursor = Cursors.encode(CatalogService.PRODUCT_CURSOR, "a1");
        assertThrows(InvalidCursorException.class,
                () -> service.properties(null, new PageRequest.Args(5, productCursor, false)),
                "a product cursor on the property listing");
        assertThrows(InvalidCursorException.class, () -> service.properties(null,
                new PageRequest.Args(5, Cursors.encode(CatalogService.PROPERTY_CURSOR, "no-slash"), false)));
        verify(products, never()).findIds(any(ProductQuery.class), any(Slice.class));
        verify(properties, never()).find(any(), any(), anyInt(), anyBoolean());
    }

    @Test
    void aSortedListingGivesCursorsOfItsOrderAndIsCachedPerPosition() {
        ProductOrdering byName = ProductOrdering.of(
                List.of(new ProductOrdering.Key(ProductSortField.NAME, SortDirection.DESC)));
        ProductPosition first = new ProductPosition(List.of("name a3", "a3"));
        ProductPosition removed = new ProductPosition(List.of("name a2", "gone"));
        ProductPosition last = new ProductPosition(List.of("name a1", "a1"));
        when(products.findSorted(ProductQuery.ALL, byName, null, 3, false))
                .thenReturn(new Page<>(List.of(first, removed, last), false, false));

        Page<CatalogService.Listed> page = service.listing(ProductQuery.ALL, byName, new PageRequest.Args(3, null,
                false));
        assertEquals(List.of("a3", "a1"), page.items().stream().map(l -> l.product().id()).toList());
        String cursor = page.items().get(1).cursor();
        assertEquals(last, SortCursors.decode(byName, cursor), "the cursor holds the edge's position");
        assertThrows(InvalidCursorException.class, () -> service.listing(ProductQuery.ALL, ProductOrdering.BY_ID,
                new PageRequest.Args(3, cursor, false)), "a cursor of another orderBy");

        service.listing(ProductQuery.ALL, byName, new PageRequest.Args(3, null, false));
        verify(products, times(1)).findSorted(ProductQuery.ALL, byName, null, 3, false);

        when(products.findSorted(ProductQuery.ALL, byName, last, 3, false)).thenReturn(new Page<>(List.of(), false,
                true));
        Page<CatalogService.Listed> next = service.listing(ProductQuery.ALL, byName, new PageRequest.Args(3, cursor,
                false));
        assertTrue(next.items().isEmpty());
        assertTrue(next.hasPrevious());
    }

    @Test
    void facetsAreNormalisedOrderedAndCutFromOneCachedCountList() {
        Map<String, List<FacetValue>> counts = Map.of(
                "color", List.of(new FacetValue("red", 5), new FacetValue("blue", 2), new FacetValue("green", 1)),
                "material", List.of(new FacetValue("steel", 3)));
        when(products.facets(ProductQuery.ALL, List.of("color", "material", "size"))).thenReturn(counts);

        List<Facet> facets = service.facets(ProductQuery.ALL, List.of("Size", "color", "MATERIAL", "Color"), 2);
        assertEquals(List.of("size", "color", "material"), facets.stream().map(Facet::type).toList(),
                "in the requested order, normalised, each type once");
        assertEquals(List.of(), facets.get(0).values(), "a type no product has");
        assertEquals(List.of(new FacetValue("red", 5), new FacetValue("blue", 2)), facets.get(1).values());

        List<Facet> wider = service.facets(ProductQuery.ALL, List.of("material", "size", "color"), 10);
        assertEquals(3, wider.get(2).values().size());
        verify(products, times(1)).facets(ProductQuery.ALL, List.of("color", "material", "size"));

        when(products.facets(ProductQuery.ALL, null)).thenReturn(counts);
        assertEquals(List.of("color", "material"),
                service.facets(ProductQuery.ALL, null, 1).stream().map(Facet::type).toList(), "all types, sorted");

        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i <= CatalogService.MAX_FACET_TYPES; i++) {
            tooMany.add("type" + i);
        }
        assertThrows(InvalidArgumentException.class, () -> service.facets(ProductQuery.ALL, tooMany, 5));
    }
}
