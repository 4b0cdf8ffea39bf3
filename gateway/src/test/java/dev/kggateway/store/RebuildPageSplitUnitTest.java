package dev.kggateway.store;

import dev.kggateway.domain.PropertyIds;
import dev.kggateway.domain.PropertyNode;
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
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A remote rebuild reads a page the store cut short (its deadline hit while streaming) again in halves, and gives up
 * at once on a failure that smaller pages cannot cure (the store is down).
 */
class RebuildPageSplitUnitTest {

    private static final PropertyNode NODE = PropertyIds.node("material", "steel");

    private final SimilarityRepository similarity = mock(SimilarityRepository.class);
    private final ChangeFeed feed = new ChangeFeed();

    RebuildPageSplitUnitTest() {
        feed.similarity = similarity;
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
            Map<String, List<PropertyNode>> nodes = new HashMap<>();
            page.forEach(id -> nodes.put(id, List.of(NODE)));
            return nodes;
        });

        Map<String, List<PropertyNode>> nodes = feed.nodesOf(ids(1000));

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
}
