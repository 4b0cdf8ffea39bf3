package dev.kggateway.ingest;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("PropertyInput")
@Description("A property as type and value; both are normalised like stored values.")
public class PropertyInput {
    @NonNull
    @Description("Property type: [a-z][a-z0-9_-]*, at most 40 characters after lower-casing.")
    public String type;
    @NonNull
    @Description("Property value: 1 to 200 characters with a letter or digit after normalisation.")
    public String value;
}
