package dev.kggateway.api.types;

import dev.kggateway.domain.PropertyTypeStats;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A property type with its usage counts.")
public class PropertyTypeCount {
    @NonNull
    @Description("The property type.")
    public String type;
    @NonNull
    @Description("Number of property nodes of this type.")
    public int propertyCount;
    @NonNull
    @Description("Number of products linked to at least one property node of this type.")
    public int productCount;

    public static PropertyTypeCount of(PropertyTypeStats s) {
        PropertyTypeCount c = new PropertyTypeCount();
        c.type = s.type();
        c.propertyCount = s.propertyCount();
        c.productCount = s.productCount();
        return c;
    }
}
