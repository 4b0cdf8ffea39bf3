package dev.kggateway.api.schema;

import graphql.ExecutionResult;
import graphql.schema.GraphQLSchema;
import io.quarkus.arc.Unremovable;
import io.quarkus.arc.profile.UnlessBuildProfile;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.smallrye.graphql.execution.ExecutionResponseWriter;
import io.smallrye.graphql.execution.ExecutionService;
import io.smallrye.graphql.execution.context.SmallRyeContext;
import io.smallrye.graphql.execution.context.SmallRyeContextManager;
import io.smallrye.graphql.schema.model.Schema;
import io.smallrye.graphql.spi.config.Config;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.json.JsonObject;
import java.util.Map;

/**
 * SmallRye GraphQL's execution service (the one Quarkus' GraphQL handler looks up), whose responses print their text
 * with {@link ResponseJson} instead of through a jakarta.json tree; everything else is SmallRye's: this is its class,
 * built from the same schema as SmallRye's producer builds its own (which is then not used), and Quarkus' handler still
 * writes the text (status, charset, the 500 on an aborted execution).
 * <p>
 * The direct text is used for asynchronous executions (Quarkus' HTTP handler) whose result is data only and whose
 * request added no extensions (read from the request's SmallRye context, current again when the response is written);
 * any other response keeps SmallRye's text. Not in dev mode: SmallRye's producer then also feeds the Dev UI's traffic
 * log, which this service would not.
 */
@Singleton
@Unremovable // looked up by Quarkus' handler (Arc.container().instance), never injected: ArC would drop it
@Alternative
@Priority(1)
@UnlessBuildProfile("dev")
public class DirectJsonExecutionService extends ExecutionService {

    @Inject
    public DirectJsonExecutionService(GraphQLSchema graphQLSchema, Schema schema) {
        super(graphQLSchema, schema);
    }

    @Override
    public void execute(JsonObject jsonInput, Map<String, Object> context, ExecutionResponseWriter writer,
            boolean async) {
        super.execute(jsonInput, context, async ? new DirectWriter(writer) : writer, async);
    }

    /** Hands the writer a response whose text is {@link ResponseJson}'s when it can be. */
    record DirectWriter(ExecutionResponseWriter writer) implements ExecutionResponseWriter {
        @Override
        public void write(ExecutionResponse response) {
            SmallRyeContext request = SmallRyeContextManager.getCurrentSmallRyeContext();
            boolean plain = request != null && request.getAddedExtensions().isEmpty()
                    && !Config.get().isExcludeNullFieldsInResponses();
            writer.write(plain ? new DirectResponse(response) : response);
        }

        @Override
        public void fail(Throwable t) {
            writer.fail(t);
        }
    }

    /** SmallRye's response with its text from {@link ResponseJson}, or SmallRye's own when that declines. */
    static final class DirectResponse extends ExecutionResponse {
        private final ExecutionResponse smallRye;

        DirectResponse(ExecutionResponse smallRye) {
            super(null); // the result is smallRye's: nothing of the parent's state is read
            this.smallRye = smallRye;
        }

        @Override
        public ExecutionResult getExecutionResult() {
            return smallRye.getExecutionResult();
        }

        @Override
        public JsonObject getExecutionResultAsJsonObject() {
            return smallRye.getExecutionResultAsJsonObject();
        }

        @Override
        public String getExecutionResultAsString() {
            ExecutionResult result = smallRye.getExecutionResult();
            String text = result == null ? null : ResponseJson.write(result);
            return text != null ? text : smallRye.getExecutionResultAsString();
        }

        @Override
        public String toString() {
            return smallRye.toString();
        }
    }
}
