package dev.kggateway.api.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import io.quarkus.smallrye.graphql.runtime.spi.datafetcher.QuarkusDefaultDataFetcher;
import io.smallrye.graphql.execution.context.SmallRyeContext;
import io.smallrye.graphql.execution.context.SmallRyeContextManager;
import io.smallrye.graphql.schema.model.Execute;
import io.smallrye.graphql.schema.model.Operation;
import io.smallrye.graphql.schema.model.OperationType;
import io.smallrye.graphql.schema.model.Reference;
import io.smallrye.graphql.schema.model.ReferenceType;
import io.smallrye.graphql.schema.model.Type;
import io.smallrye.graphql.schema.model.Wrapper;
import io.smallrye.graphql.schema.model.WrapperType;
import io.smallrye.graphql.schema.model.AdaptWith;
import io.smallrye.graphql.execution.datafetcher.helper.FieldHelper;
import graphql.schema.DataFetchingEnvironmentImpl;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * {@link ResolverFetcher}'s field context against SmallRye's own ({@link SmallRyeContextManager#populateFromDataFetchingEnvironment})
 * for the same field of a real graphql-java execution: every value equal, the selection arrays too (read after the
 * fact), and reading them leaves the thread's and the request's current context as they were.
 */
class ResolverFetcherTest {

    private static final String SDL = """
            type Query { item(id: ID!): Item }
            type Item { id: ID! name: String tags: [String] child: Item similar(first: Int): [Item] }
            """;
    private static final String QUERY = """
            query Named($id: ID!) { item(id: $id) { id ... on Item { name } tags
              child { id child { name } } similar(first: 2) { id } } }
            """;

    /** The model SmallRye would have: Item with `similar` as a source field (so the two arrays differ). */
    private static Type itemType() {
        Type item = new Type(Object.class.getName(), "Item", null);
        Reference ref = new Reference.Builder().className(Object.class.getName()).name("Item")
                .type(ReferenceType.TYPE).build();
        Operation similar = new Operation(Object.class.getName(), "toString", "similar", "similar", ref,
                OperationType.QUERY, Execute.DEFAULT);
        similar.setSourceFieldOn(ref);
        item.addOperation(similar);
        return item;
    }

    private static Operation itemOperation() {
        Reference ref = new Reference.Builder().className(Object.class.getName()).name("Item")
                .type(ReferenceType.TYPE).build();
        return new Operation(Object.class.getName(), "toString", "item", "item", ref, OperationType.QUERY,
                Execute.DEFAULT);
    }

    /** Runs QUERY with `item` resolved by the function given (on this thread), the request's context current. */
    private static ExecutionResult run(Function<DataFetchingEnvironment, Object> item) {
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SDL),
                RuntimeWiring.newRuntimeWiring().type("Query", t -> t.dataFetcher("item", item::apply)).build());
        SmallRyeContextManager.clearCurrentSmallRyeContext();
        SmallRyeContextManager.fromInitialRequest(Json.createObjectBuilder().add("query", QUERY).build());
        ExecutionInput input = ExecutionInput.newExecutionInput().query(QUERY).variables(Map.of("id", "p1")).build();
        input.getGraphQLContext().put(SmallRyeContextManager.CONTEXT, SmallRyeContextManager.getCurrentSmallRyeContext());
        try {
            return GraphQL.newGraphQL(schema).build().execute(input);
        } finally {
            SmallRyeContextManager.clearCurrentSmallRyeContext();
        }
    }

    @Test
    void theFieldContextIsSmallRyesWithTheSelectionBuiltWhenRead() {
        Type type = itemType();
        Operation operation = itemOperation();
        List<SmallRyeContext> contexts = new ArrayList<>();
        ExecutionResult result = run(dfe -> {
            SmallRyeContext request = SmallRyeContextManager.getCurrentSmallRyeContext();
            SmallRyeContext ours = ResolverFetcher.populate(type, operation, dfe);
            assertSame(ours, SmallRyeContextManager.getCurrentSmallRyeContext(), "made current, as SmallRye does");
            assertSame(ours, dfe.getGraphQlContext().get(SmallRyeContextManager.CONTEXT), "and put in the request");
            SmallRyeContextManager.restore(request);
            SmallRyeContext theirs = SmallRyeContextManager.populateFromDataFetchingEnvironment(type, operation, dfe);
            contexts.add(ours);
            contexts.add(theirs);
            // Reading the lazy arrays later (here with SmallRye's context current) changes neither current context.
            assertEquals(theirs.getSelectedFields().toString(), ours.getSelectedFields().toString());
            assertSame(theirs, SmallRyeContextManager.getCurrentSmallRyeContext());
            assertSame(theirs, dfe.getGraphQlContext().get(SmallRyeContextManager.CONTEXT));
            return null;
        });
        assertTrue(result.getErrors().isEmpty(), result.getErrors().toString());
        SmallRyeContext ours = contexts.get(0);
        SmallRyeContext theirs = contexts.get(1);
        assertEquals(theirs.getRequest(), ours.getRequest());
        assertEquals(theirs.getExecutionId(), ours.getExecutionId());
        assertSame(theirs.getField(), ours.getField());
        assertEquals(theirs.getFieldName(), ours.getFieldName());
        assertEquals(theirs.getArguments(), ours.getArguments());
        assertEquals(Map.of("id", "p1"), ours.getArguments());
        assertSame(theirs.<Object>getSource(), ours.<Object>getSource());
        assertEquals(theirs.getPath(), ours.getPath());
        assertEquals("/item", ours.getPath());
        assertEquals(theirs.getOperationType(), ours.getOperationType());
        assertEquals(theirs.getRequestedOperationTypes(), ours.getRequestedOperationTypes());
        assertEquals(theirs.getParentTypeName(), ours.getParentTypeName());
        assertEquals("Query", ours.getParentTypeName().orElseThrow());
        assertEquals(theirs.getOperationName(), ours.getOperationName());
        assertEquals("Named", ours.getOperationName().orElseThrow());
        assertSame(theirs.getDataFetchingEnvironment(), ours.getDataFetchingEnvironment());
        assertSame(theirs.getExecutionInput(), ours.getExecutionInput());
        assertSame(theirs.getAddedExtensions(), ours.getAddedExtensions(), "extensions still reach the response");
        // The selection: same JSON, same equality both ways, same element access; the two arrays differ by `similar`.
        for (boolean withSource : new boolean[] { false, true }) {
            JsonArray a = withSource ? ours.getSelectedAndSourceFields() : ours.getSelectedFields();
            JsonArray b = withSource ? theirs.getSelectedAndSourceFields() : theirs.getSelectedFields();
            assertEquals(b.toString(), a.toString());
            assertEquals(b, a);
            assertEquals(a, b);
            assertEquals(b.hashCode(), a.hashCode());
            assertEquals(b.size(), a.size());
            assertEquals(b.getString(0), a.getString(0));
            assertEquals(b.getValueType(), a.getValueType());
        }
        assertNotEquals(ours.getSelectedFields().toString(), ours.getSelectedAndSourceFields().toString());
        assertTrue(ours.getSelectedAndSourceFields().toString().contains("similar"),
                ours.getSelectedAndSourceFields().toString());
        assertTrue(ours.getSelectedFields().toString().contains("{\"child\":[\"id\",{\"child\":[\"name\"]}]}"),
                ours.getSelectedFields().toString());
    }

    @Test
    void resolversGetOneFetcherPerOperationAndAsker() {
        PlainFieldFetchers service = new PlainFieldFetchers();
        Operation item = itemOperation();
        Operation other = itemOperation(); // equal by value, another operation of the schema
        Object first = service.getOtherWrappedDataFetcher(item, null);
        assertInstanceOf(QuarkusDefaultDataFetcher.class, first, "Quarkus' fetcher, request context and all");
        assertSame(first, service.getOtherWrappedDataFetcher(item, null), "not rebuilt per request");
        assertSame(first, service.getOtherFieldDataFetcher(item, null));
        assertNotSame(first, service.getOtherWrappedDataFetcher(other, null));
        assertNotSame(first, service.getOtherWrappedDataFetcher(item, itemType()), "another type, another fetcher");
        assertNotSame(first, new PlainFieldFetchers().getOtherWrappedDataFetcher(item, null));
    }

    private static Operation listOf(String className, ReferenceType kind, String collection) {
        Reference ref = new Reference.Builder().className(className).name("X").type(kind).build();
        Operation op = new Operation(Object.class.getName(), "toString", "items", "items", ref, OperationType.QUERY,
                Execute.DEFAULT);
        op.setWrapper(new Wrapper(WrapperType.COLLECTION, collection));
        return op;
    }

    @Test
    void aListOfObjectsIsServedAsReturnedWithTheSameElementsSmallRyeWouldServe() throws Exception {
        Operation objects = listOf(Object.class.getName(), ReferenceType.TYPE, "java.util.List");
        assertTrue(ResolverFetcher.returnsObjectsAsTheyAre(objects));
        List<Object> returned = List.of(new Object(), new Object(), new Object());
        var dfe = DataFetchingEnvironmentImpl.newDataFetchingEnvironment().build();
        Object ours = new ResolverFetcher<>(objects, null).responseHelper().transformOrAdaptResponse(returned, dfe);
        Object smallRyes = new FieldHelper(objects).transformOrAdaptResponse(returned, dfe);
        assertNotSame(returned, smallRyes, "SmallRye copies the list");
        assertEquals(smallRyes, ours, "same elements, same order");
        assertSame(returned, ours);
        assertTrue(ResolverFetcher.returnsObjectsAsTheyAre(listOf(Object.class.getName(), ReferenceType.INTERFACE,
                "java.util.Collection")));
        // Anything SmallRye may change keeps its helper: scalars, enums, sets, nested lists, adapters, single values.
        assertFalse(ResolverFetcher.returnsObjectsAsTheyAre(listOf("java.lang.Double", ReferenceType.SCALAR, "java.util.List")));
        assertFalse(ResolverFetcher.returnsObjectsAsTheyAre(listOf("x.Metric", ReferenceType.ENUM, "java.util.List")));
        assertFalse(ResolverFetcher.returnsObjectsAsTheyAre(listOf(Object.class.getName(), ReferenceType.TYPE, "java.util.Set")));
        Operation nested = listOf(Object.class.getName(), ReferenceType.TYPE, "java.util.List");
        nested.getWrapper().setWrapper(new Wrapper(WrapperType.COLLECTION, "java.util.List"));
        assertFalse(ResolverFetcher.returnsObjectsAsTheyAre(nested));
        Operation adapted = listOf(Object.class.getName(), ReferenceType.TYPE, "java.util.List");
        adapted.setAdaptWith(new AdaptWith());
        assertFalse(ResolverFetcher.returnsObjectsAsTheyAre(adapted));
        assertFalse(ResolverFetcher.returnsObjectsAsTheyAre(itemOperation()));
        assertFalse(new ResolverFetcher<>(itemOperation(), null).responseHelper() instanceof ResolverFetcher.ListAsReturned);
    }
}
