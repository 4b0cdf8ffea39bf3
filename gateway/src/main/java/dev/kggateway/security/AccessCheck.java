package dev.kggateway.security;

import dev.kggateway.domain.error.ForbiddenException;
import dev.kggateway.domain.error.UnauthenticatedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The role check behind {@link RequiresWriter} and {@link RequiresReader}. It throws coded GraphQL errors
 * (UNAUTHENTICATED / FORBIDDEN) rather than Quarkus' own security exceptions, which SmallRye GraphQL would report
 * without our codes, and marks the HTTP exchange so {@link AuthStatusFilter} answers 401 or 403.
 */
@ApplicationScoped
public class AccessCheck {

    /** RoutingContext key read by {@link AuthStatusFilter}. */
    static final String STATUS_KEY = "kg.auth.status";

    @Inject
    AuthSettings settings;

    @Inject
    SecurityIdentity identity;

    @Inject
    CurrentVertxRequest request;

    void require(String role, boolean query) {
        var auth = settings.current();
        if (!auth.enabled() || (query && !auth.protectQueries())) {
            return;
        }
        if (identity.isAnonymous()) {
            mark(401);
            throw new UnauthenticatedException("this operation needs a credential: header X-API-Key or "
                    + "Authorization: Bearer <JWT>");
        }
        boolean allowed = identity.hasRole(role) || (Roles.READER.equals(role) && identity.hasRole(Roles.WRITER));
        if (!allowed) {
            mark(403);
            throw new ForbiddenException("this operation needs role " + role);
        }
    }

    private void mark(int status) {
        RoutingContext rc = request.getCurrent();
        if (rc != null) {
            Integer previous = rc.get(STATUS_KEY);
            // 401 wins over 403: asking for a credential is the more useful answer.
            if (previous == null || status < previous) {
                rc.put(STATUS_KEY, status);
            }
        }
    }
}
