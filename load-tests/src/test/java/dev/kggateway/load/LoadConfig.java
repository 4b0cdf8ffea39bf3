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

    /**
     * Optional ABSOLUTE p95 bound in ms for every measured scenario, on top of the relative gate.
     * Off by default: only meaningful on dedicated hardware with a known SLO.
     */
    static Integer p95Override() {
        String v = System.getProperty("p95Ms");
        return v == null ? null : Integer.valueOf(v);
    }

    /** Latency budget in ms for every scenario (idle-machine p95), overriding the per-scenario ones. */
    static Integer budgetOverride() {
        String v = System.getProperty("budgetMs");
        return v == null ? null : Integer.valueOf(v);
    }

    /** How many baseline p95s a busy machine may add to a scenario's p95 (see LatencyGate). */
    static double gateFactor() {
        return dbl("gateFactor", 8.0);
    }

    /** Arrivals/s of the baseline request; enough samples for a stable p95 in a short run. */
    static double baselineRate() {
        return dbl("baselineRate", 5.0);
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
