package dev.kggateway.domain;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

/**
 * A product node's fields with its property links, read together in one query so that both belong to the same
 * version of the product.
 */
@Description("A product with its fields and its links to shared property nodes.")
public record Product(
        @Id @NonNull @Description("The product's id as ingested; globally unique (a product id never contains '/', "
                + "a property id always does), so it is also the Relay Node id.") String id,
        @NonNull @Description("Product name.") String name,
        @Description("Free-text description as ingested.") String description,
        @Description("Price as a JSON number. Stored as xsd:decimal; served as a double, which keeps every price of up "
                + "to 15 significant digits exact (money as Float is a documented choice: README, \"Prices\").")
        Double price,
        @Description("ISO 4217 currency code of the price, e.g. EUR.") String currency,
        @Description("Manufacturer name as ingested.") String manufacturer,
        @Ignore List<PropertyLink> links) implements Node {

    @Override
    @Id
    @NonNull
    @Description("The product's id as ingested; globally unique (a product id never contains '/', "
            + "a property id always does), so it is also the Relay Node id.")
    public String getId() {
        return id;
    }

    /** Fields only, before links are known (ingest input). */
    public Product(String id, String name, String description, Double price, String currency, String manufacturer) {
        this(id, name, description, price, currency, manufacturer, List.of());
    }

    public Product withLinks(List<PropertyLink> newLinks) {
        return new Product(id, name, description, price, currency, manufacturer, List.copyOf(newLinks));
    }
}
