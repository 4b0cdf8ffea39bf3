package dev.kggateway.store;

/** Terms of the gateway's RDF vocabulary. The vocabulary namespace is fixed; data IRIs use the configured base. */
public final class Vocab {
    public static final String NS = "https://w3id.org/kg-gateway/vocab#";
    public static final String PREFIX = "kg";

    private Vocab() {
    }
}
