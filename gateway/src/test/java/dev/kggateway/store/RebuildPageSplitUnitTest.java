package dev.kggateway.store;

import dev.kggateway.config.KgConfig;
import dev.kggateway.domain.Page;
import dev.kggateway.domain.ProductQuery;
import dev.kggateway.domain.PropertyIds;
import dev.kggateway.domain.PropertyNode;
import dev.kggateway.domain.Slice;
import dev.kggateway.domain.error.StoreUnavailableException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.rdf4j.query.QueryEvaluationException;
import org.eclipse.rdf4j.query.resultio.QueryResultParseException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * A remote rebuild lists every product id in one read and pages through the ids only when the store cuts that read
 * short; it reads a page of nodes the store cut short (its deadline hit while streaming) again in halves; and it gives
 * up at once on a failure that smaller reads cannot cure (the store is down).
 */
class RebuildPageSplitUnitTest {

    private static final PropertyNode NODE = PropertyIds.node("material", "steel");

    private final SimilarityRepository similarity = mock(SimilarityRepository.class);
    private final ProductRepository products = mock(ProductRepository.class);
    private final ChangeFeed feed = new ChangeFeed();

    RebuildPageSplitUnitTest() {
        feed.similarity = similarity;
        feed.products = products;
        feed.config = mock(KgConfig.class, RETURNS_DEEP_STUBS);
        when(feed.config.store().changeFeed().pageSize()).thenReturn(2);
    }

    private static List<String> ids(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add("P-" + i);
        }
        return ids;
    }

    @Test
    void aPageCutShortIsReadInHalvesUntilTheStoreAnswers() {
        AtomicInteger reads = new AtomicInteger();
        when(similarity.nodesOf(anyList())).thenAnswer(call -> {
            List<String> page = call.getArgument(0);
            reads.incrementAndGet();
            if (page.size() > 300) {
                throw new StoreUnavailableException("graph store request 'nodes-of-products' failed",
                        new QueryEvaluationException(new QueryResultParseException("XML document ends mid-way")));
            }
            Map<String, SimilarityRepository.Indexed> nodes = new HashMap<>();
            page.forEach(id -> nodes.put(id,
                    new SimilarityRepository.Indexed(List.of(NODE), "Name " + id, null, null)));
            return nodes;
        });

        Map<String, SimilarityRepository.Indexed> nodes = feed.nodesOf(ids(1000));

        assertEquals(1000, nodes.size(), "every product of the page is read, none twice or lost");
        assertEquals(ids(1000).stream().sorted().toList(), nodes.keySet().stream().sorted().toList());
        // 1000 fails, 2 x 500 fail, 4 x 250 answer.
        assertEquals(7, reads.get());
    }

    @Test
    void aStoreThatIsDownFailsTheRebuildWithoutSplitting() {
        StoreUnavailableException down = new StoreUnavailableException("graph store request failed",
                new QueryEvaluationException(new ConnectException("Connection refused")));
        AtomicInteger reads = new AtomicInteger();
        when(similarity.nodesOf(anyList())).thenAnswer(call -> {
            reads.incrementAndGet();
            throw down;
        });

        assertSame(down, assertThrows(StoreUnavailableException.class, () -> feed.nodesOf(ids(1000))));
        assertEquals(1, reads.get());
    }

    @Test
    void splittingStopsAtTheSmallestPage() {
        AtomicInteger reads = new AtomicInteger();
        when(similarity.nodesOf(anyList())).thenAnswer(call -> {
            reads.incrementAndGet();
            throw new StoreUnavailableException("graph store request failed (timeout)",
                    new QueryEvaluationException(new java.net.SocketTimeoutException("Read timed out")));
        });

        assertThrows(StoreUnavailableException.class, () -> feed.nodesOf(ids(64)));
        // 64 fails, then 32 fails, then its first half of 16 fails and is not split: three reads.
        assertEquals(3, reads.get());
    }

    @Test
    void oneReadListsEveryIdWithoutPaging() {
        when(products.allIdsBySparql()).thenReturn(ids(5));

        assertEquals(ids(5), feed.allProductIds());
        verify(products, never()).findIdsBySparql(any(), any());
    }

    @Test
    void aListingCutShortIsReadInKeysetPages() {
        when(products.allIdsBySparql()).thenThrow(new StoreUnavailableException("graph store request 'product-ids' failed",
                new QueryEvaluationException(new QueryResultParseException("XML document ends mid-way"))));
        when(products.findIdsBySparql(eq(ProductQuery.ALL), eq(Slice.forward(2, null))))
                .thenReturn(new Page<>(List.of("P-0", "P-1"), true));
        when(products.findIdsBySparql(eq(ProductQuery.ALL), eq(Slice.forward(2, "P-1"))))
                .thenReturn(new Page<>(List.of("P-2", "P-3"), true));
        when(products.findIdsBySparql(eq(ProductQuery.ALL), eq(Slice.forward(2, "P-3"))))
                .thenReturn(new Page<>(List.of("P-4"), false));

        assertEquals(ids(5), feed.allProductIds(), "every id once, in page order");
    }

    @Test
    void aStoreThatIsDownFailsTheListingWithoutPaging() {
        StoreUnavailableException down = new StoreUnavailableException("graph store request failed",
                new QueryEvaluationException(new ConnectException("Connection refused")));
        when(products.allIdsBySparql()).thenThrow(down);

        assertSame(down, assertThrows(StoreUnavailableException.class, feed::allProductIds));
        verify(products, never()).findIdsBySparql(any(), any());
    }
}
