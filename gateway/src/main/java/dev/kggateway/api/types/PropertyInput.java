package dev.kggateway.api.types;

import org.eclipse.microprofile.graphql.NonNull;

@org.eclipse.microprofile.graphql.Input("PropertyInput")
public class PropertyInput {
    @NonNull
    public String type;
    @NonNull
    public String value;
}
