package dev.kggateway.observability;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Every request gets an id: the caller's X-Request-Id when it is a sane token (so a proxy's id is kept), else a
 * fresh UUID. It is echoed in the response header and put in the logging MDC as {@code requestId}, which the
 * console format and JSON logs include. Quarkus keeps MDC in the request's Vert.x context, so log lines written on
 * the worker thread that runs the GraphQL resolvers carry it too.
 */
@ApplicationScoped
public class RequestIdFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    /** Ids from clients end up in logs: no spaces, quotes or control characters, bounded length. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    void register(@Observes Router router) {
        router.route().order(-100).handler(this::handle);
    }

    void handle(RoutingContext rc) {
        String id = rc.request().getHeader(HEADER);
        if (id == null || !SAFE.matcher(id).matches()) {
            id = freshId();
        }
        rc.put(MDC_KEY, id);
        rc.response().headers().set(HEADER, id);
        MDC.put(MDC_KEY, id);
        rc.addEndHandler(v -> MDC.remove(MDC_KEY));
        rc.next();
    }

    /**
     * A random (version 4) UUID from the thread's own generator: an id to find a request's log lines by, not a
     * secret, so it needs no cryptographic randomness. {@link UUID#randomUUID()} draws from one shared SecureRandom
     * (synchronized) on the event loop of every request without an id: ~0.4 % of an uncached product(id)'s server
     * samples (BENCHMARKS.md "Uncached product by id, fifth pass"). Same format, 122 random bits.
     */
    static String freshId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long low = (random.nextLong() & ~(0xCL << 60)) | (0x8L << 60); // IETF variant
        return new UUID(high, low).toString();
    }
}
