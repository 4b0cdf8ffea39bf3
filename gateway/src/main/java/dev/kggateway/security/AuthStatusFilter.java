package dev.kggateway.security;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Turns an UNAUTHENTICATED / FORBIDDEN GraphQL error into HTTP 401 / 403, so proxies, clients and logs see the
 * same semantics as the body. The status is set just before the headers go out, after SmallRye wrote the errors.
 */
@ApplicationScoped
public class AuthStatusFilter {

    void register(@Observes Router router) {
        router.route().order(-90).handler(this::status);
    }

    void status(RoutingContext rc) {
        rc.addHeadersEndHandler(v -> {
            Integer status = rc.get(AccessCheck.STATUS_KEY);
            if (status != null && rc.response().getStatusCode() == 200) {
                rc.response().setStatusCode(status);
                if (status == 401) {
                    rc.response().headers().set("WWW-Authenticate", ApiKeyAuthenticationMechanism.CHALLENGE);
                }
            }
        });
        rc.next();
    }
}
