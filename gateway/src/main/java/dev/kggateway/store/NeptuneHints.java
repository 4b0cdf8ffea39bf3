package dev.kggateway.store;

/** Neptune query hints added to rendered reads; applied only when {@code kg.store.neptune.enabled=true}. */
final class NeptuneHints {

    static final String PREFIX = "PREFIX hint: <http://aws.amazon.com/neptune/vocab/v01/QueryHints#>\n";

    private NeptuneHints() {
    }

    /**
     * Adds {@code hint:Query hint:queryTimeout N} (milliseconds) as the first pattern of the main WHERE clause, which
     * Neptune requires. The main WHERE group is the first '{' of the query: prologue lines hold only IRIs and the
     * projection of our named queries holds no braces.
     */
    static String withQueryTimeout(String sparql, long millis) {
        int brace = sparql.indexOf('{');
        if (brace < 0) {
            throw new IllegalStateException("query has no group pattern to carry the Neptune hint");
        }
        return PREFIX + sparql.substring(0, brace + 1) + "\n  hint:Query hint:queryTimeout " + Math.max(1, millis)
                + " .\n" + sparql.substring(brace + 1);
    }
}
