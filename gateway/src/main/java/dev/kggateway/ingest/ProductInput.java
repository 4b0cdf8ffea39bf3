package dev.kggateway.ingest;

import java.util.List;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** A product as a vendor sends it; also the JSON-lines record of catalogue files. */
@Input("ProductInput")
@Description("A product as a vendor sends it; replaces any product with the same id.")
public class ProductInput {
    @Id
    @NonNull
    @Description("Product id: [A-Za-z0-9][A-Za-z0-9._-]*, at most 128 characters.")
    public String id;
    @NonNull
    @Description("Product name (not blank).")
    public String name;
    @Description("Free-text description; the NER model reads it unless enrich is false.")
    public String description;
    @Description("Price, non-negative; stored as xsd:decimal (see Product.price).")
    public Double price;
    @Description("ISO 4217 currency code of the price, e.g. EUR.")
    public String currency;
    @Description("Manufacturer name.")
    public String manufacturer;
    @Description("Vendor-given properties; stored with source VENDOR.")
    public List<@NonNull PropertyInput> properties;
    @Description("Run the NER model over the description (default true).")
    @DefaultValue("true")
    public Boolean enrich = Boolean.TRUE;
}
