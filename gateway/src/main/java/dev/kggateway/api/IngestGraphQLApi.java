package dev.kggateway.api;

import dev.kggateway.api.types.PreviewedProperty;
import dev.kggateway.domain.Product;
import dev.kggateway.ingest.IngestReport;
import dev.kggateway.ingest.IngestService;
import dev.kggateway.ingest.ProductInput;
import dev.kggateway.ingest.ReenrichReport;
import dev.kggateway.ingest.ReenrichService;
import dev.kggateway.security.RequiresReader;
import dev.kggateway.security.RequiresWriter;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.jboss.logging.Logger;

/** Ingest: product upserts with enrichment, removal, and a read-only preview of the model. */
@GraphQLApi
public class IngestGraphQLApi {

    private static final Logger LOG = Logger.getLogger(IngestGraphQLApi.class);

    @Inject
    IngestService ingest;

    @Inject
    ReenrichService reenrich;

    @Mutation("addProduct")
    @RequiresWriter
    @NonNull
    @Description("Creates or replaces the product with this id (fields and links, atomically). The description is "
            + "run through the NER model unless enrich is false; vendor properties are stored as VENDOR.")
    public Product addProduct(
            @NonNull @Name("input") @Description("The product to create or replace.") ProductInput input) {
        return ingest.addProduct(input);
    }

    @Mutation("addProducts")
    @RequiresWriter
    @NonNull
    @Description("Batch upsert: the model reads all descriptions in one batch; an invalid item is reported with its "
            + "index and does not stop the others.")
    public IngestReport addProducts(@NonNull @Name("inputs")
            @Description("The products, at most kg.ingest.max-batch; a later item with the same id wins.")
            List<@NonNull ProductInput> inputs) {
        return ingest.addProducts(inputs);
    }

    @Mutation("removeProduct")
    @RequiresWriter
    @NonNull
    @Description("Removes the product and the property nodes no other product uses; false when there was none.")
    public boolean removeProduct(@Id @NonNull @Name("id") @Description("The product id.") String id) {
        return ingest.removeProduct(id);
    }

    @Mutation("reenrichProducts")
    @RequiresWriter
    @NonNull
    @Description("Re-runs the current model over products enriched by another model version (all: also products "
            + "never enriched), in batches; only model links are replaced.")
    public ReenrichReport reenrichProducts(
            @Name("all") @DefaultValue("false") @Description("Also products never enriched.") boolean all,
            @Name("batchSize") @DefaultValue("100") @Description("Descriptions per model call.") int batchSize,
            @Name("max") @Description("Stop after this many products; all when absent.") Integer max) {
        return reenrich.reenrich(all, batchSize, max, message -> LOG.info(message));
    }

    @Query("extractProperties")
    @RequiresReader
    @Description("What the NER model finds in a text; writes nothing. Properties below the confidence threshold are "
            + "listed too, marked belowThreshold; values that cannot be a property (no letter or digit) are left out.")
    public List<@NonNull PreviewedProperty> extractProperties(
            @NonNull @Name("text") @Description("The text to read (a product description).") String text) {
        IngestService.Preview preview = ingest.preview(text);
        return preview.properties().stream().map(p -> PreviewedProperty.of(p, preview.threshold())).toList();
    }
}
