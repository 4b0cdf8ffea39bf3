package dev.kggateway.api.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.kggateway.config.KgConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Automatic persisted queries (Apollo's APQ protocol): query texts by the SHA-256 of their UTF-8 bytes, bounded by
 * total characters (Caffeine, least recently used out first). Only documents that parsed within the limits are
 * registered, and only under their own hash.
 */
@ApplicationScoped
public class PersistedQueries {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private final Cache<String, String> queries;

    @Inject
    public PersistedQueries(KgConfig config, MeterRegistry registry) {
        queries = Caffeine.newBuilder().maximumWeight(config.api().apqMaxCharacters())
                .weigher((String hash, String query) -> query.length() + hash.length()).recordStats().build();
        CaffeineCacheMetrics.monitor(registry, queries, "kg-persisted-queries");
    }

    /** The query registered under this hash, or null. */
    public String find(String hash) {
        return queries.getIfPresent(hash);
    }

    public void register(String hash, String query) {
        queries.put(hash, query);
    }

    public static boolean isHash(String hash) {
        return hash != null && SHA256_HEX.matcher(hash).matches();
    }

    public static String sha256(String query) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(query.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
