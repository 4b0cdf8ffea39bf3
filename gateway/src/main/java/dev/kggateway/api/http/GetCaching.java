package dev.kggateway.api.http;

import dev.kggateway.cache.ResultCache;
import dev.kggateway.config.KgConfig;
import dev.kggateway.security.AuthSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * HTTP caching of GET queries. The ETag names what the answer was computed from: this instance (other instances
 * count their own generations), the result cache generation (bumped by every write through this instance), the
 * {@code kg.cache.ttl} period (writes through another instance on a shared store show within it, as for the
 * result cache) and the request itself (document, operation name, variables). A matching If-None-Match answers 304
 * without running the query. No ETag when the result cache is off (nothing then bounds what another instance
 * changed), and {@code no-store} when queries need credentials.
 */
@ApplicationScoped
public class GetCaching {

    private final String instance = UUID.randomUUID().toString().substring(0, 8);

    @Inject
    ResultCache cache;

    @Inject
    KgConfig config;

    @Inject
    AuthSettings auth;

    /** The weak ETag for this request now, or null when GET answers must not be cached or revalidated. */
    public String etag(String query, String operationName, String variables) {
        if (!cacheable() || !cache.enabled()) {
            return null;
        }
        long period = Math.max(1, cache.ttl().toMillis());
        String request = PersistedQueries.sha256(query + '\u0000' + operationName + '\u0000' + variables);
        return "W/\"" + instance + "-" + cache.generation() + "-" + (System.currentTimeMillis() / period) + "-"
                + request.substring(0, 24) + "\"";
    }

    /** Cache-Control of a successful GET query answer. */
    public String cacheControl() {
        if (!cacheable()) {
            return "no-store";
        }
        if (!cache.enabled()) {
            return "no-cache";
        }
        return "public, max-age=" + config.api().getMaxAge().toSeconds();
    }

    /** Answers differ per caller, or must not sit in shared caches, when queries need credentials. */
    private boolean cacheable() {
        KgConfig.Auth keys = auth.current();
        return !(keys.enabled() && keys.protectQueries());
    }
}
