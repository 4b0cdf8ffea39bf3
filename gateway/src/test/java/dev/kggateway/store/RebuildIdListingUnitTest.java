package dev.kggateway.store;

import dev.kggateway.config.KgConfig;
import dev.kggateway.domain.Page;
import dev.kggateway.domain.ProductQuery;
import dev.kggateway.domain.Slice;
import dev.kggateway.domain.error.StoreUnavailableException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.rdf4j.query.QueryEvaluationException;
import org.eclipse.rdf4j.query.resultio.QueryResultParseException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * A remote rebuild lists every product id in one read; only when the store cuts that read short does it page through
 * the ids (each page a scan of the store), and a store that is down fails the rebuild at once.
 */
class RebuildIdListingUnitTest {

    private final ProductRepository products = mock(ProductRepository.class);
    private final ChangeFeed feed = new ChangeFeed();

    RebuildIdListingUnitTest() {
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
