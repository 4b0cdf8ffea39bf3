package dev.kggateway.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The role check for plain HTTP routes ({@code /sparql}, {@code /export}), with the same rules as
 * {@link AccessCheck} for GraphQL: kg-reader, or kg-writer, which includes it. A wrong credential never gets here
 * (the authentication mechanisms answer 401 first).
 */
@ApplicationScoped
public class RouteAccess {

    /** Why a request may not go on: the HTTP status and a message for the client. */
    public record Denial(int status, String message) {
    }

    @Inject
    AuthSettings settings;

    /**
     * Null when the request may read; else why not. {@code query}: the route only reads what GraphQL queries can
     * read, so it is open while kg.auth.protect-queries is false; otherwise it needs a reader whenever auth is on.
     * Call on a worker thread (the identity may have to be awaited).
     */
    public Denial requireReader(RoutingContext rc, boolean query) {
        var auth = settings.current();
        if (!auth.enabled() || (query && !auth.protectQueries())) {
            return null;
        }
        SecurityIdentity identity = QuarkusHttpUser.getSecurityIdentityBlocking(rc, null);
        if (identity == null || identity.isAnonymous()) {
            rc.response().headers().set("WWW-Authenticate", ApiKeyAuthenticationMechanism.CHALLENGE);
            return new Denial(401, "this needs a credential: header X-API-Key or Authorization: Bearer <JWT>");
        }
        if (!identity.hasRole(Roles.READER) && !identity.hasRole(Roles.WRITER)) {
            return new Denial(403, "this needs role " + Roles.READER + " or " + Roles.WRITER);
        }
        return null;
    }
}
