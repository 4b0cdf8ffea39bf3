package dev.kggateway.api.schema;

import static graphql.schema.visibility.DefaultGraphqlFieldVisibility.DEFAULT_FIELD_VISIBILITY;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import graphql.Scalars;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.visibility.BlockedFields;
import graphql.schema.visibility.NoIntrospectionGraphqlFieldVisibility;
import org.junit.jupiter.api.Test;

/**
 * SmallRye's "default" visibility becomes graphql-java's default; patterns a deployment sets, and
 * {@code no-introspection} (docs/production.md's way to turn introspection off), are kept and applied.
 */
class DefaultFieldVisibilityTest {

    private static final GraphQLObjectType QUERY = GraphQLObjectType.newObject().name("Query")
            .field(GraphQLFieldDefinition.newFieldDefinition().name("product").type(Scalars.GraphQLString))
            .field(GraphQLFieldDefinition.newFieldDefinition().name("secret").type(Scalars.GraphQLString)).build();

    /** The schema builder as SmallRye hands it over: its code registry carries BlockedFields of the configured value. */
    private static GraphQLSchema.Builder smallRye(String configured) {
        BlockedFields.Builder blocked = BlockedFields.newBlock();
        for (String pattern : configured.split(",")) {
            blocked.addPattern(pattern);
        }
        return GraphQLSchema.newSchema().query(QUERY)
                .codeRegistry(GraphQLCodeRegistry.newCodeRegistry().fieldVisibility(blocked.build()).build());
    }

    @Test
    void smallRyesDefaultValueChecksNoPatternPerField() {
        GraphQLSchema schema = DefaultFieldVisibility.apply(smallRye("default"), "default").build();
        assertSame(DEFAULT_FIELD_VISIBILITY, schema.getCodeRegistry().getFieldVisibility());
        assertNotNull(schema.getCodeRegistry().getFieldVisibility().getFieldDefinition(QUERY, "secret"));
    }

    @Test
    void configuredPatternsStayInForce() {
        GraphQLSchema schema = DefaultFieldVisibility.apply(smallRye("Query.secret"), "Query.secret").build();
        assertInstanceOf(BlockedFields.class, schema.getCodeRegistry().getFieldVisibility());
        assertNull(schema.getCodeRegistry().getFieldVisibility().getFieldDefinition(QUERY, "secret"));
        assertNotNull(schema.getCodeRegistry().getFieldVisibility().getFieldDefinition(QUERY, "product"));
    }

    @Test
    void noIntrospectionStaysInForce() {
        GraphQLSchema.Builder smallRye = GraphQLSchema.newSchema().query(QUERY).codeRegistry(GraphQLCodeRegistry
                .newCodeRegistry().fieldVisibility(NoIntrospectionGraphqlFieldVisibility.NO_INTROSPECTION_FIELD_VISIBILITY)
                .build());
        GraphQLSchema schema = DefaultFieldVisibility.apply(smallRye, "no-introspection").build();
        assertSame(NoIntrospectionGraphqlFieldVisibility.NO_INTROSPECTION_FIELD_VISIBILITY,
                schema.getCodeRegistry().getFieldVisibility());
        assertNull(schema.getCodeRegistry().getFieldVisibility()
                .getFieldDefinition(schema.getQueryType(), "__schema"));
        assertNotNull(schema.getCodeRegistry().getFieldVisibility().getFieldDefinition(QUERY, "product"));
    }
}
