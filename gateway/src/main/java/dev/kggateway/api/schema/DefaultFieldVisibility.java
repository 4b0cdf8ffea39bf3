package dev.kggateway.api.schema;

import static graphql.schema.visibility.DefaultGraphqlFieldVisibility.DEFAULT_FIELD_VISIBILITY;

import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLSchema;
import io.smallrye.graphql.spi.EventingService;
import io.smallrye.graphql.spi.config.Config;

/**
 * graphql-java's default field visibility (every field visible, nothing checked) when
 * {@code quarkus.smallrye-graphql.field-visibility} has its default value {@code default}. SmallRye GraphQL 2.17 turns
 * any value other than empty or {@code no-introspection} into a graphql-java {@code BlockedFields} with the value's
 * comma-separated parts as patterns, {@code default} included: a visibility that blocks nothing (no field is named
 * {@code Type.field} = "default") but matches a regular expression against "Type.field" on every field of every
 * request. On an uncached product(id) (~90 fields) that was 4 % of the request thread's CPU and 13 % of its
 * allocation (BENCHMARKS.md "Uncached product by id, third pass"). Any other value (patterns a deployment sets, or
 * {@code no-introspection}) keeps SmallRye's visibility. A SmallRye {@link EventingService}
 * ({@code META-INF/services}), always on, like {@link UnusedSchemaElements}.
 */
public class DefaultFieldVisibility implements EventingService {

    /** SmallRye's value for "no field blocked" ({@code Config.FIELD_VISIBILITY_DEFAULT}). */
    static final String SMALLRYE_DEFAULT = "default";

    @Override
    public String getConfigKey() {
        return null;
    }

    @Override
    public GraphQLSchema.Builder beforeSchemaBuild(GraphQLSchema.Builder builder) {
        return apply(builder, Config.get().getFieldVisibility());
    }

    static GraphQLSchema.Builder apply(GraphQLSchema.Builder builder, String configured) {
        if (!SMALLRYE_DEFAULT.equals(configured)) {
            return builder;
        }
        GraphQLCodeRegistry registry = UnusedSchemaElements.field(builder, "codeRegistry");
        if (registry.getFieldVisibility() != DEFAULT_FIELD_VISIBILITY) {
            builder.codeRegistry(registry.transform(b -> b.fieldVisibility(DEFAULT_FIELD_VISIBILITY)));
        }
        return builder;
    }
}
