package dev.kggateway.domain;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** A property node: one per (type, value), shared by every product that has it. */
@Type("Property")
@Description("A property node: one per (type, value), shared by every product that has it.")
public record PropertyNode(
        @Id @NonNull @Description("type/percent-encoded value; stable for a given (type, value).") String id,
        @NonNull @Description("Property type (material, color, size …).") String type,
        @NonNull @Description("Lower-cased, whitespace-normalised value.") String value)
        implements Node {

    @Override
    @Id
    @NonNull
    @Description("type/percent-encoded value; stable for a given (type, value); also the Relay Node id.")
    public String getId() {
        return id;
    }
}
