package dev.kggateway.domain.error;

/**
 * A client-visible failure. Subclasses carry their GraphQL error code through {@code @ErrorCode}; the message is
 * shown to clients because this class is listed in {@code quarkus.smallrye-graphql.show-runtime-exception-message}.
 */
public abstract class ApiException extends RuntimeException {
    protected ApiException(String message) {
        super(message);
    }

    protected ApiException(String message, Throwable cause) {
        super(message, cause);
    }
}
