package dev.kggateway.limits;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.execution.AbortExecutionException;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorClassification;
import java.util.List;
import java.util.Map;

/**
 * A request rejected before execution because it exceeds a configured limit. The error is a graphql-java
 * {@link ValidationError} because SmallRye GraphQL only copies {@code extensions} of validation and data-fetching
 * errors into the response; the code travels in {@code extensions.code}.
 */
public enum LimitViolation implements ValidationErrorClassification, ErrorClassification {
    QUERY_TOO_DEEP, QUERY_TOO_COMPLEX, TOO_MANY_ALIASES, TOO_MANY_FIELDS, TOO_MANY_OPERATIONS, FILTER_TOO_COMPLEX;

    /** The exception graphql-java turns into an execution result holding exactly this one error. */
    public AbortExecutionException abort(String message) {
        GraphQLError error = ValidationError.newValidationError()
                .validationErrorType(this)
                .description(message)
                .extensions(Map.of("code", name()))
                .build();
        return new AbortExecutionException(List.of(error));
    }
}
