package dev.kggateway.api.schema;

import graphql.Scalars;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLDirective;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import io.smallrye.graphql.spi.EventingService;
import java.lang.reflect.Field;
import java.util.Set;

/**
 * Last touches to the schema SmallRye GraphQL builds: nullable Query roots (below), and it drops what SmallRye GraphQL registers on every schema although nothing here uses it: the {@code BigDecimal} and
 * {@code BigInteger} scalars and the {@code @constraint} / {@code @rolesAllowed} directive definitions. They showed
 * in introspection (so in codegen output) but not in the printed SDL; without them both agree
 * (ServedSchemaTest.introspectionEqualsCheckedInSchema). A type or directive that is used stays: graphql-java
 * collects types from the root fields, not from this set, and fails start-up on a dangling directive.
 */
public class UnusedSchemaElements implements EventingService {

    static final Set<String> TYPES = Set.of("BigDecimal", "BigInteger");
    static final Set<String> DIRECTIVES = Set.of("constraint", "rolesAllowed");

    /** Always on (no config key); a SmallRye {@link EventingService} (META-INF/services), see {@code limits.GraphQlLimits}. */
    @Override
    public String getConfigKey() {
        return null;
    }

    @Override
    public GraphQLSchema.Builder beforeSchemaBuild(GraphQLSchema.Builder builder) {
        return prune(builder);
    }

    GraphQLSchema.Builder prune(GraphQLSchema.Builder builder) {
        GraphQLObjectType query = field(builder, "queryType");
        if (query != null) {
            builder.query(nullableRoots(query));
        }
        Set<GraphQLType> types = set(builder, "additionalTypes");
        types.removeIf(t -> t instanceof GraphQLNamedType n && TYPES.contains(n.getName()));
        Set<GraphQLDirective> directives = set(builder, "additionalDirectives");
        directives.removeIf(d -> DIRECTIVES.contains(d.getName()));
        return builder;
    }

    /**
     * Every Query root field nullable, so that one failing root field (a bad argument, a store error) is answered as
     * null with its error while its siblings keep their data; with a non-null root the null propagates to
     * {@code data} itself. The list roots need this step: SmallRye makes {@code List<@NonNull T>} a non-null list
     * ({@code [T!]!}, smallrye-graphql#753) although only the items are annotated. Resolvers are registered by field
     * coordinates, so rebuilding the type keeps them.
     */
    static GraphQLObjectType nullableRoots(GraphQLObjectType query) {
        return query.transform(b -> {
            b.clearFields();
            for (GraphQLFieldDefinition f : query.getFieldDefinitions()) {
                GraphQLFieldDefinition field = "nodes".equals(f.getName()) ? idList(f, "ids") : f;
                b.field(field.getType() instanceof GraphQLNonNull nonNull
                        ? field.transform(fb -> fb.type((GraphQLOutputType) nonNull.getWrappedType()))
                        : field);
            }
        });
    }

    /**
     * Types a {@code [String!]!} argument as {@code [ID!]!}: MicroProfile's {@code @Id} cannot mark list elements,
     * and Relay clients pass their ID variables to {@code nodes(ids:)}. ID input coerces to the same Java strings.
     */
    static GraphQLFieldDefinition idList(GraphQLFieldDefinition field, String argument) {
        GraphQLArgument arg = field.getArgument(argument);
        if (arg == null) {
            return field;
        }
        GraphQLInputType ids = GraphQLNonNull.nonNull(GraphQLList.list(GraphQLNonNull.nonNull(Scalars.GraphQLID)));
        return field.transform(fb -> fb.argument(arg.transform(ab -> ab.type(ids))));
    }

    private static <T> Set<T> set(GraphQLSchema.Builder builder, String name) {
        return field(builder, name);
    }

    /** A private field of graphql-java's schema builder, which has setters only (also read by DefaultFieldVisibility). */
    @SuppressWarnings("unchecked")
    static <T> T field(GraphQLSchema.Builder builder, String name) {
        try {
            Field f = GraphQLSchema.Builder.class.getDeclaredField(name);
            f.setAccessible(true);
            return (T) f.get(builder);
        } catch (ReflectiveOperationException e) {
            // Fail start-up after a library upgrade rather than serve a schema that drifts from the checked-in SDL.
            throw new IllegalStateException("cannot read graphql-java's schema builder field " + name, e);
        }
    }
}
