package dev.kggateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.kggateway.domain.Product;
import dev.kggateway.domain.ProductVersion;
import dev.kggateway.domain.ProductsCommitted;
import dev.kggateway.domain.PropertyIds;
import dev.kggateway.domain.PropertyLink;
import dev.kggateway.domain.PropertyNode;
import dev.kggateway.listing.ListingIndex;
import dev.kggateway.similarity.SimilarityHit;
import dev.kggateway.similarity.SimilarityIndex;
import dev.kggateway.similarity.SimilarityMetric;
import dev.kggateway.support.EmptyCatalogue;
import dev.kggateway.support.WritableStoreProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded store's two in-memory indexes, built from the store, hold one object per property node between them
 * (each took its own parsed copy before: 485k nodes twice at BSBM 100k, BENCHMARKS.md mem15b), whichever is built
 * first; and one scan of the store builds both (the similarity index took a second scan of the links and names
 * before: 204 s of a 16-minute start at BSBM 1M), holding what its own scan would have.
 */
@QuarkusTest
@TestProfile(WritableStoreProfile.class)
class IndexesShareNodesTest {

    @Inject
    ProductRepository products;

    @Inject
    EmbeddedListingIndex listing;

    @Inject
    StoreSimilarityIndex similarity;

    @Inject
    StoreWrites writes;

    private static final List<PropertyNode> NODES = List.of(PropertyIds.node("material", "steel"),
            PropertyIds.node("color", "red"), PropertyIds.node("size", "10 ml"),
            PropertyIds.node("grade", "pcr clean"));

    @BeforeEach
    @AfterEach
    void emptyStore() {
        EmptyCatalogue.empty(products);
    }

    /** Six products with 1 to 4 of the nodes, and one without links. */
    private void sixProductsAndOneWithoutLinks() {
        List<ProductVersion> catalogue = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String id = "share-" + i;
            List<PropertyLink> links = new ArrayList<>();
            for (int j = 0; j <= i % NODES.size(); j++) {
                links.add(PropertyLink.vendor(id, NODES.get(j)));
            }
            catalogue.add(ProductVersion.of(new Product(id, "Product " + i, null, null, null, "Acme"), links, null));
        }
        catalogue.add(ProductVersion.of(new Product("share-bare", "Bare", null, null, null, "Acme"), List.of(), null));
        products.replaceAll(catalogue);
    }

    @Test
    void bothIndexesBuiltFromTheStoreShareTheNodeObjects() {
        List<PropertyNode> nodes = NODES;
        sixProductsAndOneWithoutLinks();

        rebuildFromStore();
        SimilarityIndex similarityFirst = similarity.get();
        ListingIndex listingSecond = listing.current();
        sameObjects(nodes, listingSecond, similarityFirst);

        rebuildFromStore();
        ListingIndex listingFirst = listing.current();
        SimilarityIndex similaritySecond = similarity.get();
        sameObjects(nodes, listingFirst, similaritySecond);
    }

    @Test
    void oneScanOfTheStoreBuildsBothIndexesWithWhatTheSimilarityIndexsOwnScanHolds() {
        sixProductsAndOneWithoutLinks();
        // The catalogue's statements the listing index reads: per product its id, name and manufacturer (no price),
        // its links (1+2+3+4+1+2 over the six, none for the seventh), and each node's type and value.
        long catalogueStatements = 7 * 3 + 13 + NODES.size() * 2;
        for (boolean similarityFirst : new boolean[] {true, false}) {
            rebuildFromStore();
            long listingRead = listing.statementsRead();
            long similarityRead = similarity.statementsRead();
            if (similarityFirst) {
                assertNotNull(similarity.get());
            } else {
                assertNotNull(listing.current());
            }
            assertNotNull(listing.built(), "similarity first: " + similarityFirst);
            assertNotNull(similarity.built(), "similarity first: " + similarityFirst);
            assertEquals(catalogueStatements, listing.statementsRead() - listingRead, "one scan, read once");
            assertEquals(0, similarity.statementsRead() - similarityRead, "no second scan");

            SimilarityIndex shared = similarity.get();
            SimilarityIndex own = writes.locked(similarity::build);
            assertEquals(13 + 7, similarity.statementsRead() - similarityRead,
                    "its own scan reads the links and the names");
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                ids.add("share-" + i);
            }
            assertNotNull(shared.products(ids, false));
            assertEquals(own.products(ids, false), shared.products(ids, false));
            assertEquals(own.documentFrequencies(NODES), shared.documentFrequencies(NODES));
            assertNull(shared.nodesOf("share-bare"));
            assertNull(own.nodesOf("share-bare"));
            for (String id : ids) {
                assertEquals(own.nodesOf(id), shared.nodesOf(id), id);
                Map<PropertyNode, Double> weights = new HashMap<>();
                own.nodesOf(id).forEach(n -> weights.put(n, 1.0));
                for (SimilarityMetric metric : SimilarityMetric.values()) {
                    List<SimilarityHit> expected = own.similar(id, weights, 1, 10, metric, weights.size());
                    assertFalse(expected.isEmpty(), id);
                    assertEquals(expected, shared.similar(id, weights, 1, 10, metric, weights.size()),
                            id + " " + metric);
                }
            }
        }
    }

    /** Drops both indexes as an RDF import does (rebuilt from the store on next use). */
    private void rebuildFromStore() {
        writes.publish(ProductsCommitted.everything());
        assertNull(listing.built());
        assertNull(similarity.built());
    }

    private static void sameObjects(List<PropertyNode> nodes, ListingIndex listingIndex,
            SimilarityIndex similarityIndex) {
        for (PropertyNode node : nodes) {
            PropertyNode inListing = listingIndex.node(node.id());
            assertNotNull(inListing, node.id());
            assertEquals(node, inListing);
            assertSame(inListing, similarityIndex.node(node.id()), node.id());
        }
    }
}
