package dev.kggateway.security;

/** The two roles of the gateway; JWTs carry them in {@code groups}, API keys get both. */
public final class Roles {
    /** May run mutations (and queries). */
    public static final String WRITER = "kg-writer";
    /** May run queries when kg.auth.protect-queries=true. */
    public static final String READER = "kg-reader";

    private Roles() {
    }
}
