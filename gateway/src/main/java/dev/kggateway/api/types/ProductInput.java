package dev.kggateway.api.types;

import java.util.List;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

/** A product as a vendor sends it; also the JSON-lines record of catalogue files. */
@org.eclipse.microprofile.graphql.Input("ProductInput")
public class ProductInput {
    @Id
    @NonNull
    public String id;
    @NonNull
    public String name;
    public String description;
    public Double price;
    public String currency;
    public String manufacturer;
    @Description("Vendor-given properties; stored with source VENDOR.")
    public List<@NonNull PropertyInput> properties;
    @Description("Run the NER model over the description (default true).")
    @DefaultValue("true")
    public Boolean enrich = Boolean.TRUE;
}
