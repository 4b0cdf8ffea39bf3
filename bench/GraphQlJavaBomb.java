import graphql.ExecutionInput;
import graphql.GraphQL;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;

/**
 * graphql-java's own MaxQueryDepth/MaxQueryComplexity instrumentations (what
 * quarkus.smallrye-graphql.instrumentation-query-depth/-complexity install), timed on the fragment bomb (fragment
 * Fi spreads F(i-1) twice), whole request (parse, validate, instrument, execute). Run by bench/graphql-java-bomb.sh.
 */
public class GraphQlJavaBomb {
    public static void main(String[] args) {
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(
                new SchemaParser().parse("type Query { a: Int }"), RuntimeWiring.newRuntimeWiring().build());
        for (String name : new String[] {"MaxQueryDepthInstrumentation(12)", "MaxQueryComplexityInstrumentation(50000)"}) {
            Instrumentation inst = name.startsWith("MaxQueryDepth") ? new MaxQueryDepthInstrumentation(12)
                    : new MaxQueryComplexityInstrumentation(50000);
            GraphQL graphQL = GraphQL.newGraphQL(schema).instrumentation(inst).build();
            for (int n = 10; n <= 40; n += 10) {
                StringBuilder q = new StringBuilder("query { ...F" + n + " } fragment F0 on Query { a }\n");
                for (int i = 1; i <= n; i++) {
                    q.append("fragment F").append(i).append(" on Query { ...F").append(i - 1).append(" ...F").append(i - 1).append(" }\n");
                }
                long t = System.nanoTime();
                var result = graphQL.execute(ExecutionInput.newExecutionInput(q.toString()).build());
                System.out.printf("%s fragment bomb n=%d: %d ms (%s)%n", name, n, (System.nanoTime() - t) / 1_000_000,
                        result.getErrors().isEmpty() ? "accepted" : result.getErrors().get(0).getMessage());
            }
        }
    }
}
