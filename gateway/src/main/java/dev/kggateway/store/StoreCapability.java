package dev.kggateway.store;

/**
 * What a store kind can do, declared by its {@link GraphRepositoryFactory}. Code asks for a capability by name
 * ({@link GraphStore#has}), never for a store kind, so a new kind is its factory plus its configuration.
 */
public enum StoreCapability {

    /**
     * This process is the store's only writer: an in-memory copy of store data (the similarity index) stays exact,
     * since every write passes through here.
     */
    SINGLE_WRITER,

    /**
     * The store runs in this process on local files: writes are statement-API transactions committed here (sized
     * and guarded by free disk space, serialised, a failed commit marks the store for repair), queries are evaluated
     * here (a time limit ends them from a timer thread), and an open marker tells an unclean shut-down.
     */
    LOCAL_TRANSACTIONS,

    /** The endpoint takes query hints in the query text (Neptune: a per-query timeout hint). */
    QUERY_HINTS
}
