package dev.kggateway.load;

import java.util.Locale;

/**
 * Run parameters, all from Java system properties ({@code mvn gatling:test -Drate=20 ...}) so one
 * simulation class covers smoke, baseline and stress runs. See README.md for the table.
 */
final class LoadConfig {

    private LoadConfig() {
    }

    /** Gateway root URL, without /graphql. */
    static String baseUrl() {
        String url = System.getProperty("baseUrl", "http://localhost:8080");
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Arrival rate of new requests per second, per scenario, during the measured phase. */
    static double rate(double def) {
        return dbl("rate", def);
    }

    /** Length of the measured phase in seconds. */
    static int duration(int def) {
        return integer("duration", def);
    }

    /**
     * Warm-up in seconds: arrivals ramp from rate/10 to rate. JIT compilation, connection pools,
     * the GraphQL schema caches and the first TensorFlow sessions make the first seconds
     * unrepresentative; their requests are named "warmup: ..." and excluded from assertions.
     */
    static int warmup(int def) {
        return integer("warmup", def);
    }

    /**
     * Feeder file with product ids: .jsonl/.ndjson with an "id" field (the gateway's generator writes
     * ProductInput JSON lines, usable as is), or .csv with an "id" column.
     */
    static String idsFile() {
        return System.getProperty("idsFile", "data/products.jsonl");
    }

    /** Optional file of free texts for extractProperties, one per line. */
    static String textsFile() {
        return System.getProperty("textsFile", "data/texts.txt");
    }

    /** Products per addProducts call. */
    static int batchSize(int def) {
        return integer("batchSize", def);
    }

    /** Which addProducts variants to run: both | enrich | plain. */
    static String enrich() {
        return System.getProperty("enrich", "both").toLowerCase(Locale.ROOT);
    }

    /** p95 threshold in ms for every measured request, overriding the per-scenario defaults. */
    static Integer p95Override() {
        String v = System.getProperty("p95Ms");
        return v == null ? null : Integer.valueOf(v);
    }

    /** Maximum failed requests in percent (HTTP errors, GraphQL errors, failed checks). */
    static double maxErrorPct() {
        return dbl("maxErrorPct", 1.0);
    }

    /**
     * API key for mutations (header X-API-Key). From the environment so it does not end up in
     * shell history or CI logs via -D; -DapiKey is accepted for local experiments.
     */
    static String apiKey() {
        String env = System.getenv("KG_API_KEY");
        return env != null && !env.isBlank() ? env : System.getProperty("apiKey", "");
    }

    private static int integer(String name, int def) {
        return Integer.parseInt(System.getProperty(name, String.valueOf(def)));
    }

    private static double dbl(String name, double def) {
        return Double.parseDouble(System.getProperty(name, String.valueOf(def)));
    }
}
