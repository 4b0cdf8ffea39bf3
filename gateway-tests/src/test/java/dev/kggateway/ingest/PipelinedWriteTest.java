package dev.kggateway.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kggateway.domain.Product;
import dev.kggateway.domain.ProductVersion;
import dev.kggateway.domain.PropertyIds;
import dev.kggateway.domain.PropertyLink;
import dev.kggateway.store.ProductRepository;
import dev.kggateway.support.WritableStoreProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The embedded store's write in parts (what a pipelined addProducts uses: each part is added into the open
 * transaction as the model finishes it): one transaction, all or nothing when a later part fails, the store still
 * writable afterwards, and the later version of an id winning across parts.
 */
@QuarkusTest
@TestProfile(WritableStoreProfile.class)
class PipelinedWriteTest {

    @Inject
    ProductRepository products;

    static ProductVersion version(String id, String name, String color) {
        return ProductVersion.of(new Product(id, name, null, null, null, null),
                List.of(PropertyLink.vendor(id, PropertyIds.node("color", color))), null);
    }

    static Supplier<List<ProductVersion>> part(ProductVersion... versions) {
        return () -> List.of(versions);
    }

    @Test
    void aFailingThirdPartWritesNothingOfTheFirstTwoAndTheStoreStaysWritable() {
        products.replaceAll(List.of(version("PIPE-1", "Old one", "pipe-old")));
        IllegalStateException modelError = new IllegalStateException("NER inference failed: part 3");
        List<Supplier<List<ProductVersion>>> parts = new ArrayList<>();
        parts.add(part(version("PIPE-1", "New one", "pipe-new"), version("PIPE-2", "Two", "pipe-new")));
        parts.add(part(version("PIPE-3", "Three", "pipe-new")));
        parts.add(() -> {
            throw modelError;
        });
        parts.add(part(version("PIPE-4", "Four", "pipe-new")));

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> products.replaceAllInParts(parts));

        assertSame(modelError, thrown, "the part's own exception, not a store failure");
        assertEquals(Set.of("PIPE-1"), products.existing(List.of("PIPE-1", "PIPE-2", "PIPE-3", "PIPE-4")));
        assertEquals("Old one", products.findByIds(List.of("PIPE-1")).get("PIPE-1").name(), "the old version stays");
        assertEquals(List.of(PropertyIds.node("color", "pipe-old")), products.propertiesOf("PIPE-1"));

        parts.set(2, part(version("PIPE-3", "Three again", "pipe-new")));
        products.replaceAllInParts(parts);

        assertEquals(Set.of("PIPE-1", "PIPE-2", "PIPE-3", "PIPE-4"),
                products.existing(List.of("PIPE-1", "PIPE-2", "PIPE-3", "PIPE-4")));
        assertEquals("New one", products.findByIds(List.of("PIPE-1")).get("PIPE-1").name());
        assertEquals("Three again", products.findByIds(List.of("PIPE-3")).get("PIPE-3").name(),
                "the later part's version of an id wins");
        assertEquals(List.of(PropertyIds.node("color", "pipe-new")), products.propertiesOf("PIPE-1"));
    }
}
