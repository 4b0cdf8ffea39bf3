package dev.kggateway.api.types;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("PropertyValuesInput")
@Description("A property type with a list of accepted values; both are normalised like stored values.")
public class PropertyValuesInput {
    @NonNull
    @Description("Property type: [a-z][a-z0-9_-]*, at most 40 characters after lower-casing.")
    public String type;
    @NonNull
    @Description("Accepted values (1 to kg.limits.max-filter-width; each 1 to 200 characters after normalisation).")
    public List<@NonNull String> values;
}
