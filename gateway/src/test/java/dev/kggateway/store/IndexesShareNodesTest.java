package dev.kggateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import dev.kggateway.similarity.SimilarityIndex;
import dev.kggateway.support.EmptyCatalogue;
import dev.kggateway.support.WritableStoreProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded store's two in-memory indexes, built from the store, hold one object per property node between them
 * (each took its own parsed copy before: 485k nodes twice at BSBM 100k, BENCHMARKS.md mem15b), whichever is built
 * first.
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

    @BeforeEach
    @AfterEach
    void emptyStore() {
        EmptyCatalogue.empty(products);
    }

    @Test
    void bothIndexesBuiltFromTheStoreShareTheNodeObjects() {
        List<PropertyNode> nodes = List.of(PropertyIds.node("material", "steel"), PropertyIds.node("color", "red"),
                PropertyIds.node("size", "10 ml"), PropertyIds.node("grade", "pcr clean"));
        List<ProductVersion> catalogue = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String id = "share-" + i;
            List<PropertyLink> links = new ArrayList<>();
            for (int j = 0; j <= i % nodes.size(); j++) {
                links.add(PropertyLink.vendor(id, nodes.get(j)));
            }
            catalogue.add(ProductVersion.of(new Product(id, "Product " + i, null, null, null, "Acme"), links, null));
        }
        products.replaceAll(catalogue);

        rebuildFromStore();
        SimilarityIndex similarityFirst = similarity.get();
        ListingIndex listingSecond = listing.current();
        sameObjects(nodes, listingSecond, similarityFirst);

        rebuildFromStore();
        ListingIndex listingFirst = listing.current();
        SimilarityIndex similaritySecond = similarity.get();
        sameObjects(nodes, listingFirst, similaritySecond);
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
