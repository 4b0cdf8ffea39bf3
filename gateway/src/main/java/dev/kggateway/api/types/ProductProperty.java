package dev.kggateway.api.types;

import dev.kggateway.domain.PropertyLink;
import dev.kggateway.domain.PropertyNode;
import dev.kggateway.domain.PropertySource;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A product–property link with its provenance.")
public class ProductProperty {
    @NonNull
    @Description("Property type (same as property.type).")
    public String type;
    @NonNull
    @Description("Property value (same as property.value).")
    public String value;
    @NonNull
    @Description("VENDOR when the input gave it (also when the model agrees), NER when only the model found it.")
    public PropertySource source;
    @Description("Mean token probability when the model extracted this property.")
    public Double confidence;
    @Description("Version of the model that extracted this property.")
    public String modelVersion;
    @NonNull
    @Description("The shared property node this link points to.")
    public PropertyNode property;

    public static ProductProperty of(PropertyLink link) {
        ProductProperty p = new ProductProperty();
        p.type = link.property().type();
        p.value = link.property().value();
        p.source = link.source();
        p.confidence = link.confidence();
        p.modelVersion = link.modelVersion();
        p.property = link.property();
        return p;
    }
}
