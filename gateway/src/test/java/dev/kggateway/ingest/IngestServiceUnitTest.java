package dev.kggateway.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.kggateway.config.KgConfig;
import dev.kggateway.domain.ProductVersion;
import dev.kggateway.domain.PropertyIds;
import dev.kggateway.domain.PropertyLink;
import dev.kggateway.domain.PropertySource;
import dev.kggateway.domain.error.InvalidArgumentException;
import dev.kggateway.domain.error.LimitExceededException;
import dev.kggateway.domain.error.StoreUnavailableException;
import dev.kggateway.ner.ExtractedProperty;
import dev.kggateway.ner.ModelInfo;
import dev.kggateway.ner.PropertyExtractor;
import dev.kggateway.store.ProductRepository;
import jakarta.enterprise.inject.Instance;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fast unit tier: {@link IngestService}'s batch rules (per-item errors by index, the later duplicate wins, one model
 * batch, vendor-only writes when the model is missing, write chunks failing on their own, added/updated/enriched
 * counts) and its merge of vendor and model properties, with the store, the config and the model stubbed. The same
 * rules run end to end on the real stores in MutationContractTest, ConfidenceThresholdTest and NerEnrichmentTest.
 */
class IngestServiceUnitTest {

    private static final ModelInfo MODEL = new ModelInfo("stub-ner", "1.0", Optional.of(0.8));

    private final IngestService service = new IngestService();
    private final ProductRepository store = mock(ProductRepository.class);
    private final KgConfig config = mock(KgConfig.class, RETURNS_DEEP_STUBS);
    /** Every replaceAll call, in order: the write chunks. */
    private final List<List<ProductVersion>> written = new ArrayList<>();
    /** Texts of every extract call: one list per model batch (a pipelined batch calls the model on its own thread). */
    private final List<List<String>> batches = java.util.Collections.synchronizedList(new ArrayList<>());
    /** A text the stub model fails on. */
    private String failOn;
    /** What the stub model finds in a text. */
    private final Map<String, List<ExtractedProperty>> findings = new HashMap<>();
    private Set<String> existing = Set.of();
    private boolean modelLoaded = true;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void wire() {
        when(config.ingest().maxBatch()).thenReturn(10);
        when(config.ingest().writeChunk()).thenReturn(100);
        when(config.ingest().maxDescriptionLength()).thenReturn(200);
        when(config.ner().minConfidence()).thenReturn(Optional.empty());
        when(config.ner().minConfidenceByType()).thenReturn(Map.of());
        when(store.existing(anyCollection())).thenAnswer(call -> {
            Set<String> asked = Set.copyOf(call.<java.util.Collection<String>>getArgument(0));
            return existing.stream().filter(asked::contains).collect(Collectors.toSet());
        });
        doAnswer(call -> {
            written.add(List.copyOf(call.<List<ProductVersion>>getArgument(0)));
            return null;
        }).when(store).replaceAll(anyList());
        // As the store does: gets every part of the transaction, then commits; a part that throws commits nothing.
        doAnswer(call -> {
            List<ProductVersion> chunk = new ArrayList<>();
            for (Supplier<List<ProductVersion>> part : call.<List<Supplier<List<ProductVersion>>>>getArgument(0)) {
                chunk.addAll(part.get());
            }
            written.add(List.copyOf(chunk));
            return null;
        }).when(store).replaceAllInParts(anyList());
        PropertyExtractor model = new PropertyExtractor() {
            @Override
            public List<List<ExtractedProperty>> extract(List<String> texts) {
                if (texts.contains(failOn)) {
                    throw new IllegalStateException("NER inference failed: stub");
                }
                batches.add(List.copyOf(texts));
                return texts.stream().map(t -> findings.getOrDefault(t, List.of())).toList();
            }

            @Override
            public ModelInfo model() {
                return MODEL;
            }
        };
        Instance<PropertyExtractor> extractors = mock(Instance.class);
        when(extractors.isResolvable()).thenAnswer(call -> modelLoaded);
        when(extractors.get()).thenReturn(model);
        EnrichmentThreshold threshold = new EnrichmentThreshold();
        threshold.config = config;
        service.products = store;
        service.extractors = extractors;
        service.config = config;
        service.threshold = threshold;
    }

    @Test
    void aBatchWritesTheValidItemsAndReportsTheOthersByIndex() {
        findings.put("steel beaker", List.of(new ExtractedProperty("material", "steel", 0.95, 0, 5)));
        existing = Set.of("p2");
        IngestReport report = service.addProducts(java.util.Arrays.asList(
                input("p1", "Beaker", "steel beaker"),
                input("not an id!", "Bad", null),
                noEnrich(input("p2", "Flask", "glass flask")),
                null,
                input("p3", " ", null)));

        assertEquals(1, report.added());
        assertEquals(1, report.updated());
        assertEquals(1, report.enriched(), "only p1 went through the model");
        assertEquals(3, report.failed());
        assertEquals(List.of(1, 3, 4), report.errors().stream().map(IngestError::index).toList());
        assertEquals(List.of(IngestErrorCode.INVALID_ID, IngestErrorCode.INVALID_ARGUMENT,
                IngestErrorCode.INVALID_ARGUMENT), report.errors().stream().map(IngestError::code).toList());
        assertEquals("not an id!", report.errors().get(0).id(), "the id as sent");
        assertNull(report.errors().get(1).id(), "a null item has no id");
        assertEquals(List.of(List.of("steel beaker")), batches, "one model batch, only the texts to enrich");
        assertEquals(1, written.size());
        ProductVersion p1 = written.get(0).get(0);
        assertEquals("stub-ner@1.0", p1.enrichedWith());
        assertEquals(List.of(PropertyIds.node("material", "steel")),
                p1.links().stream().map(PropertyLink::property).toList());
        assertNull(written.get(0).get(1).enrichedWith(), "enrich: false is not run through the model");
    }

    @Test
    void theLaterOfTwoItemsWithOneIdWins() {
        IngestReport report = service.addProducts(List.of(noEnrich(input("p1", "First", null)),
                noEnrich(input("p1", "Second", null))));

        assertEquals(1, report.added());
        assertEquals(0, report.failed());
        assertEquals(List.of("Second"), written.get(0).stream().map(v -> v.product().name()).toList());
    }

    @Test
    void withoutAModelOnlyTheItemsThatAskForEnrichmentFail() {
        modelLoaded = false;
        IngestReport report = service.addProducts(List.of(input("p1", "Beaker", "steel beaker"),
                vendor(noEnrich(input("p2", "Flask", "glass flask")), "color", "Red")));

        assertEquals(1, report.added());
        assertEquals(0, report.enriched());
        assertEquals(List.of(IngestErrorCode.MODEL_UNAVAILABLE),
                report.errors().stream().map(IngestError::code).toList());
        assertEquals("p1", report.errors().get(0).id());
        ProductVersion p2 = written.get(0).get(0);
        assertEquals("p2", p2.product().id());
        assertEquals(List.of(PropertyLink.vendor("p2", PropertyIds.node("color", "red"))), p2.links());
    }

    @Test
    void aFailedWriteChunkFailsOnlyItsOwnItems() {
        when(config.ingest().writeChunk()).thenReturn(2);
        doAnswer(call -> {
            List<ProductVersion> chunk = call.getArgument(0);
            if (chunk.get(0).product().id().equals("p3")) {
                throw new StoreUnavailableException("store down");
            }
            written.add(List.copyOf(chunk));
            return null;
        }).when(store).replaceAll(anyList());
        List<ProductInput> inputs = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            inputs.add(noEnrich(input("p" + i, "Product " + i, null)));
        }
        IngestReport report = service.addProducts(inputs);

        assertEquals(3, report.added());
        assertEquals(List.of(2, 3), report.errors().stream().map(IngestError::index).toList());
        assertEquals(Set.of(IngestErrorCode.STORE_UNAVAILABLE),
                report.errors().stream().map(IngestError::code).collect(Collectors.toSet()));
        assertEquals(List.of(List.of("p1", "p2"), List.of("p5")),
                written.stream().map(c -> c.stream().map(v -> v.product().id()).toList()).toList());
    }

    @Test
    void aPipelinedBatchWritesWhatTheSequentialOneWritesInPartsAlignedToTheWriteChunks() {
        when(config.ingest().writeChunk()).thenReturn(4);
        List<ProductInput> inputs = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            findings.put("steel beaker " + i, List.of(new ExtractedProperty("material", "steel", 0.95, 0, 5)));
            inputs.add(i == 3 ? noEnrich(input("p" + i, "Beaker " + i, "steel beaker " + i))
                    : input("p" + i, "Beaker " + i, "steel beaker " + i));
        }
        existing = Set.of("p2");
        IngestReport sequential = service.addProducts(inputs);
        List<List<ProductVersion>> sequentialWrites = List.copyOf(written);
        written.clear();
        batches.clear();

        when(config.ingest().enrichPart()).thenReturn(2);
        IngestReport pipelined = service.addProducts(inputs);

        assertEquals(sequentialWrites, written, "the same versions in the same write chunks");
        assertEquals(List.of(List.of("steel beaker 1", "steel beaker 2"), List.of("steel beaker 4"),
                List.of("steel beaker 5", "steel beaker 6"), List.of("steel beaker 7")), batches,
                "model parts of 2 within each write chunk of 4, only the texts to enrich");
        assertEquals(List.of(6, 1, 6, 0), List.of(pipelined.added(), pipelined.updated(), pipelined.enriched(),
                pipelined.failed()));
        assertEquals(List.of(sequential.added(), sequential.updated(), sequential.enriched(), sequential.failed()),
                List.of(pipelined.added(), pipelined.updated(), pipelined.enriched(), pipelined.failed()));
    }

    @Test
    void aModelFailureInThePipelinesThirdChunkWritesNothingAndFailsTheCallAsWithoutParts() {
        when(config.ingest().writeChunk()).thenReturn(2);
        List<ProductInput> inputs = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            inputs.add(input("p" + i, "Beaker " + i, "beaker " + i));
        }
        failOn = "beaker 5"; // the third write chunk's
        IllegalStateException sequential = assertThrows(IllegalStateException.class, () -> service.addProducts(inputs));
        assertEquals(List.of(), written);

        when(config.ingest().enrichPart()).thenReturn(1);
        IllegalStateException pipelined = assertThrows(IllegalStateException.class, () -> service.addProducts(inputs));
        assertEquals(sequential.getMessage(), pipelined.getMessage(), "the model's own error");
        assertEquals(List.of(), written, "no chunk committed: the first two waited for every part");
    }

    @Test
    void aFailedWriteChunkOfAPipelinedBatchFailsOnlyItsOwnItems() {
        when(config.ingest().writeChunk()).thenReturn(2);
        when(config.ingest().enrichPart()).thenReturn(1);
        doAnswer(call -> {
            List<ProductVersion> chunk = new ArrayList<>();
            for (Supplier<List<ProductVersion>> part : call.<List<Supplier<List<ProductVersion>>>>getArgument(0)) {
                chunk.addAll(part.get());
            }
            if (chunk.get(0).product().id().equals("p5")) {
                throw new StoreUnavailableException("store down");
            }
            written.add(List.copyOf(chunk));
            return null;
        }).when(store).replaceAllInParts(anyList());
        List<ProductInput> inputs = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            inputs.add(input("p" + i, "Beaker " + i, "beaker " + i));
        }
        IngestReport report = service.addProducts(inputs);

        assertEquals(4, report.added());
        assertEquals(List.of(4, 5), report.errors().stream().map(IngestError::index).toList());
        assertEquals(List.of(List.of("p1", "p2"), List.of("p3", "p4")),
                written.stream().map(c -> c.stream().map(v -> v.product().id()).toList()).toList());
    }

    @Test
    void batchSizeAndDescriptionLengthAreLimited() {
        assertThrows(InvalidArgumentException.class, () -> service.addProducts(List.of()));
        assertThrows(InvalidArgumentException.class, () -> service.addProducts(null));
        List<ProductInput> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(input("p" + i, "n", null));
        }
        assertThrows(LimitExceededException.class, () -> service.addProducts(eleven));
        IngestReport report = service.addProducts(List.of(input("p1", "Long", "x".repeat(201))));
        assertEquals(List.of(IngestErrorCode.LIMIT_EXCEEDED), report.errors().stream().map(IngestError::code).toList());
        assertEquals(List.of(), written);
    }

    @Test
    void vendorLinksWinAndModelLinksNeedTheThreshold() {
        // The model's calibrated 0.8 applies (no kg.ner.min-confidence): 0.79 is dropped, 0.8 kept; the vendor's
        // own property keeps VENDOR and takes the model's confidence as agreement even below the threshold.
        findings.put("text", List.of(
                new ExtractedProperty("color", "red", 0.3, 0, 3),
                new ExtractedProperty("material", "glass", 0.79, 0, 5),
                new ExtractedProperty("material", "steel", 0.8, 0, 5),
                new ExtractedProperty("size", "?!", 0.99, 0, 2)));
        service.addProduct(vendor(input("p1", "Beaker", "text"), "color", "Red"));

        List<PropertyLink> links = written.get(0).get(0).links();
        assertEquals(List.of(
                new PropertyLink("p1", PropertyIds.node("color", "red"), PropertySource.VENDOR, 0.3, "stub-ner@1.0"),
                new PropertyLink("p1", PropertyIds.node("material", "steel"), PropertySource.NER, 0.8,
                        "stub-ner@1.0")), links);

        when(config.ner().minConfidence()).thenReturn(Optional.of(0.75));
        written.clear();
        service.addProduct(input("p1", "Beaker", "text"));
        assertEquals(List.of("material/glass", "material/steel"),
                written.get(0).get(0).links().stream().map(l -> l.property().id()).toList(),
                "kg.ner.min-confidence overrides the model's threshold");
    }

    @Test
    void perTypeThresholdsOfTheModelAndOfTheConfigApplyToTheirTypeOnly() {
        EnrichmentThreshold threshold = service.threshold;
        ModelInfo model = new ModelInfo("stub-ner", "1.0", Optional.of(0.8), Map.of("material", 0.9, "color", 0.2));
        EnrichmentThreshold.Threshold t = threshold.of(model);
        assertEquals("model", t.source());
        assertEquals(0.9, t.of("material"), 0);
        assertEquals(0.2, t.of("color"), 0);
        assertEquals(0.8, t.of("size"), 0, "a type the manifest does not list: its global threshold");
        assertFalse(t.keeps("material", 0.85));
        assertTrue(t.keeps("color", 0.3));

        when(config.ner().minConfidenceByType()).thenReturn(Map.of("material", 0.5));
        t = threshold.of(model);
        assertEquals(0.5, t.of("material"), 0, "kg.ner.min-confidence-by-type wins for its type");
        assertEquals(0.2, t.of("color"), 0);

        when(config.ner().minConfidence()).thenReturn(Optional.of(0.75));
        t = threshold.of(model);
        assertEquals("config", t.source());
        assertEquals(0.75, t.of("color"), 0, "kg.ner.min-confidence overrides the model's per-type values");
        assertEquals(0.5, t.of("material"), 0, "but not a per-type value from the config");

        when(config.ner().minConfidenceByType()).thenReturn(Map.of("brand", 1.5));
        assertThrows(IllegalArgumentException.class, () -> threshold.of(model));
    }

    private static ProductInput input(String id, String name, String description) {
        ProductInput in = new ProductInput();
        in.id = id;
        in.name = name;
        in.description = description;
        return in;
    }

    private static ProductInput noEnrich(ProductInput in) {
        in.enrich = false;
        return in;
    }

    private static ProductInput vendor(ProductInput in, String type, String value) {
        PropertyInput p = new PropertyInput();
        p.type = type;
        p.value = value;
        in.properties = List.of(p);
        return in;
    }
}
