package dev.kggateway.config;

import dev.kggateway.ner.contract.WordWindows;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Operator-facing configuration; every key is documented in the README. */
@ConfigMapping(prefix = "kg")
public interface KgConfig {

    /** Base namespace under which product, property and graph IRIs are minted. */
    @WithDefault("https://data.kg-gateway.dev/")
    String baseIri();

    Store store();

    Api api();

    Sample sample();

    Ingest ingest();

    Ner ner();

    /** Request limits (prod hardening; see docs/production.md). */
    Limits limits();

    /** Credentials for mutations and, optionally, queries (prod hardening; see docs/production.md). */
    Auth auth();

    /** The SPARQL 1.1 Protocol endpoint {@code /sparql} and its UI {@code /sparql-ui} (docs/analysts.md). */
    Sparql sparql();

    /** Whole-graph export over HTTP ({@code /export}; docs/analysts.md). */
    Export export();

    interface Sparql {
        /** Serve /sparql and /sparql-ui. */
        @WithDefault("true")
        boolean enabled();

        /**
         * Longest a query may run; sent to a remote store as the protocol's timeout and enforced locally on the
         * embedded one. On a remote store the socket timeout (kg.store.socket-timeout) caps it too.
         */
        @WithDefault("8s")
        Duration timeout();

        /** Most rows (SELECT) or statements (CONSTRUCT/DESCRIBE) one response carries; the rest are cut off. */
        @WithDefault("10000")
        int maxRows();

        /** Longest query text accepted, in characters. */
        @WithDefault("65536")
        int maxQueryLength();
    }

    interface Export {
        /** Exports streaming at once over HTTP; one more is answered 503 (each holds a store read for minutes). */
        @WithDefault("1")
        int maxConcurrent();
    }

    interface Limits {
        /** Deepest selection-set nesting a document may have (fragments expanded). */
        @WithDefault("12")
        int maxDepth();

        /**
         * Largest complexity: every selected field costs 1 per row of every enclosing page ({@code first}, capped at
         * the largest accepted page size), so a nested page inside a page is priced as the rows it can produce.
         */
        @WithDefault("50000")
        int maxComplexity();

        /** Most aliased fields in one document (aliases multiply work without deepening the query). */
        @WithDefault("30")
        int maxAliases();

        /** Most operation definitions in one document (only one runs; the rest are parse/validate cost). */
        @WithDefault("5")
        int maxOperations();

        /**
         * Most field selections in one document with fragments expanded, introspection fields and duplicates
         * included. It also caps the work of measuring a document: the analysis stops once it is exceeded.
         */
        @WithDefault("1000")
        int maxFields();

        /**
         * Most lexical tokens in one document. SmallRye's {@code parser-max-tokens} sets graphql-java's general parser
         * defaults, not the ones operations are parsed with; this one does.
         */
        @WithDefault("15000")
        int maxTokens();

        /** Most characters in one document. */
        @WithDefault("1048576")
        int maxCharacters();

        /** Longest run of digits in a number literal: graphql-java parses them into BigInteger, quadratic in length. */
        @WithDefault("100")
        int maxNumberDigits();

        /** Deepest nesting of the JSON request body (variables included). */
        @WithDefault("64")
        int maxJsonDepth();

        /**
         * Deepest nesting of a product filter: the filter itself is level 1, each anyOf/allOf/not group one more.
         * Deeper filters are refused with FILTER_TOO_COMPLEX before execution.
         */
        @WithDefault("4")
        int maxFilterDepth();

        /** Most entries in one list of a product filter (anyOf, allOf, properties, IN lists, ranges, types). */
        @WithDefault("20")
        int maxFilterWidth();

        /**
         * Most conditions in one product filter, all levels together (each given field and each list entry counts
         * one; each also counts one towards the complexity limit).
         */
        @WithDefault("100")
        int maxFilterConditions();

        /** Wall-clock budget of one GraphQL execution; resolvers starting after it fail with TIMEOUT. 0 = off. */
        @WithDefault("30s")
        Duration requestTimeout();

        /** Concurrent model inference calls; further calls fail fast with OVERLOADED instead of queueing. */
        @WithDefault("2")
        int inferenceConcurrency();
    }

    interface Auth {
        /** When false, every operation is open (dev and test profiles only). */
        @WithDefault("true")
        boolean enabled();

        /** Accepted values of the X-API-Key header (comma list; from a Secret). Empty: no key is accepted. */
        Optional<List<String>> apiKeys();

        /** Queries need role kg-reader (or kg-writer) too; by default they are open. */
        @WithDefault("false")
        boolean protectQueries();
    }

    Health health();

    /** Requests the instance sends itself after start, before it reports ready ({@code health.WarmUp}). */
    WarmUp warmUp();

    interface WarmUp {
        /**
         * Rounds of three GraphQL requests (product by id with every field, similarProducts, a listing page) over
         * loopback HTTP once the server listens; readiness waits for them. 0 turns the warm-up off.
         */
        @WithDefault("1000")
        int rounds();

        /** Longest time readiness waits for the warm-up, counted from when the HTTP server listens. */
        @WithDefault("60s")
        Duration timeout();
    }

    interface Health {
        /**
         * Readiness data names the store path or endpoint and model errors (which may name paths). Off by default:
         * {@code /q/health/ready} is unauthenticated. Turn on where health is only reachable on a management port
         * ({@code quarkus.management.enabled=true}) or an internal network.
         */
        @WithDefault("false")
        boolean showDetails();
    }

    Cache cache();

    interface Cache {
        /** Cache query results in this instance. Turn off when several instances must never serve stale reads. */
        @WithDefault("true")
        boolean enabled();

        /**
         * Longest time a cached result is served. Writes through this instance invalidate at once; writes through
         * another instance sharing a remote store become visible here within this bound.
         */
        @WithDefault("30s")
        Duration ttl();

        /** Products (with their links) kept by id. */
        @WithDefault("50000")
        long productsSize();

        /** Other results kept: pages, counts, similarity rankings, statistics. */
        @WithDefault("20000")
        long resultsSize();
    }

    interface Ner {
        /** Load the NER model at start-up; when false, enrichment requests fail with MODEL_UNAVAILABLE. */
        @WithDefault("true")
        boolean enabled();

        /** Model folder (see MODEL_CONTRACT.md), or {@code s3://bucket/prefix} / a {@code .tar.gz} there. */
        @WithDefault("model/ner")
        String modelPath();

        /** Where models given as s3:// are downloaded and unpacked. */
        @WithDefault("model-cache")
        String cacheDir();

        /** Folder holding libjnitensorflow.so, libtensorflow_cc.so.2 and libtensorflow_framework.so.2. */
        @WithDefault("gateway/target/tensorflow-natives")
        String tensorflowLibraryPath();

        /** Sequences (chunks of at most max_sequence_length pieces) per predict call. */
        @WithDefault("64")
        int batchSize();

        /**
         * Longest window of word pieces the model reads at once (capped by its max_sequence_length - 2). Longer
         * descriptions are read in overlapping windows; see README for why the default is below the model's maximum.
         */
        @WithDefault("" + WordWindows.DEFAULT_PIECES)
        int windowPieces();

        /** Predictors in the pool; each runs one batch at a time (DJL predictors are not thread-safe). */
        @WithDefault("2")
        int predictors();

        /**
         * TensorFlow inter-op threads of the model's session (DJL's {@code ai.djl.tensorflow.num_interop_threads}):
         * -1 runs the graph on the calling thread, so a call wakes no pool thread; a positive number schedules its ops
         * on a pool of that size. Read once per process, when the engine starts.
         */
        @WithDefault("-1")
        int interOpThreads();

        /**
         * TensorFlow intra-op threads: one large op (a batch's matrix product) is split over them, a small one runs
         * where it is (DJL's {@code ai.djl.tensorflow.num_intraop_threads}). 2, the cores this service is sized for,
         * measured faster for addProducts batches than 1. Read once per process, when the engine starts.
         */
        @WithDefault("2")
        int intraOpThreads();

        /**
         * Model links with a lower confidence are not written on ingest or re-enrichment ({@code extractProperties}
         * still shows them, marked). Unset: the model manifest's {@code calibration.minConfidence}, else
         * {@link dev.kggateway.ingest.EnrichmentThreshold#DEFAULT}. Between 0 and 1. When set it also overrides
         * the manifest's per-type thresholds ({@code calibration.minConfidenceByType}).
         */
        Optional<Double> minConfidence();

        /**
         * Minimum confidence for one entity type ({@code kg.ner.min-confidence-by-type.brand=0.9}); wins over
         * {@code kg.ner.min-confidence} and the manifest for that type. Between 0 and 1.
         */
        Map<String, Double> minConfidenceByType();
    }

    interface Ingest {
        /** Largest number of products in one {@code addProducts} call. */
        @WithDefault("1000")
        int maxBatch();

        /** Longest accepted description, in characters; the model reads it in chunks of its sequence length. */
        @WithDefault("10000")
        int maxDescriptionLength();

        /** Products written per SPARQL update request (one transaction) during batch ingest. */
        @WithDefault("250")
        int writeChunk();

        /**
         * Descriptions the model reads per part of a batch ingest: while it reads part k+1 on an enrichment thread,
         * part k is written into the open transaction of its write chunk, which commits only after every part was
         * read (outcomes as without parts). 0 (default): the whole batch is read before the first write. Off by
         * default because on the shared 2-core benchmark machine parts of 128 did not make addProducts faster (the
         * model's padding and batching work per part grows a little; see BENCHMARKS.md, "NER model"); it can pay
         * where a core is idle while the model or the store works.
         */
        @WithDefault("0")
        int enrichPart();
    }

    interface Store {
        /** {@code embedded} (persistent RDF4J store on local disk) or {@code sparql} (remote SPARQL 1.1 endpoint). */
        @WithDefault("embedded")
        StoreKind kind();

        /** Folder of the embedded store; created when missing. */
        @WithDefault("data")
        String path();

        /** Embedded engine: {@code lmdb} or {@code native}. See README for the measurement behind the default. */
        @WithDefault("lmdb")
        EmbeddedEngine engine();

        /**
         * Keep an in-memory postings index (property node → products) for similarity. Embedded store: built at
         * start-up and fed every write (this process is the only writer). Remote store: built in the background
         * (SPARQL ranks until then) and kept in step with other instances' writes by the change feed
         * ({@code kg.store.change-feed.*}). Memory ≈ 40 bytes per link.
         */
        @WithDefault("true")
        boolean similarityIndex();

        /**
         * similarProducts prints its hits' ids, names, prices and currencies from the similarity index, beside which
         * they are kept, when the response selects no other field of the hits' products: no store read for them.
         * Embedded store: exact (the index follows every write). Remote store: as current as the index, i.e. another
         * instance's rename, repricing or removal shows within the change feed's bound (docs/remote-store.md); {@code false} reads them from the store
         * on every call, which also proves each hit still exists there (one store request per call).
         */
        @WithDefault("true")
        boolean similarityIndexNames();

        /** How a remote store's similarity index follows other instances' writes. */
        ChangeFeed changeFeed();

        interface ChangeFeed {
            /** Keep the similarity index on a remote store (off: remote stores rank with SPARQL). */
            @WithDefault("true")
            boolean enabled();

            /** How often the store is asked what was written since the last poll: the usual staleness bound. */
            @WithDefault("5s")
            Duration pollPeriod();

            /**
             * How far before the latest stamp seen each poll looks again: a write is stamped when its transaction
             * runs and seen once it commits, so one committing later than this after its stamp is missed until the
             * next full rebuild. Longer than the longest write transaction (the update socket timeout bounds it).
             */
            @WithDefault("60s")
            Duration overlap();

            /** Rows per feed page and products per read of what changed. */
            @WithDefault("1000")
            int pageSize();

            /**
             * Period of a full rebuild from the store, which also catches writes the feed cannot see (writers that
             * do not stamp, such as older gateway versions or other tools); 0 turns it off.
             */
            @WithDefault("1h")
            Duration rebuildPeriod();

            /**
             * How long the stamp of a removed product (its tombstone) is kept before a full rebuild deletes it; 0
             * keeps tombstones forever. Must exceed {@code rebuild-period} plus {@code overlap}: an instance that
             * could not poll for that long rebuilds from the store instead of needing the tombstone.
             */
            @WithDefault("24h")
            Duration tombstoneRetention();
        }

        /**
         * Keep an in-memory listing index (bitmaps per property node, type and manufacturer; name/price/id columns)
         * on the embedded store, where this process is the only writer: product listings (filters, orderBy, paging,
         * totalCount, facets, priceStats) are answered from it, SPARQL only for filter text and RELEVANCE. Built at
         * start-up.
         */
        @WithDefault("true")
        boolean listingIndex();

        /**
         * Triple indexes of the embedded store. Every pattern the gateway asks names the subject, the predicate or the
         * object, so {@code spoc}, {@code posc} and {@code opsc} serve them all; a graph-first index ({@code cspo}) only
         * helps a scan of one named graph among many, and each index is written for every statement (three instead
         * of four: bulk load about a fifth less CPU, the store about a sixth smaller, reads unchanged; BENCHMARKS).
         * RDF4J re-indexes an existing store to this list when it opens it.
         */
        @WithDefault("spoc,posc,opsc")
        String indexes();

        /**
         * The embedded store flushes each commit to disk before acknowledging it (fsync), so an acknowledged write
         * survives power loss. {@code false}: commits reach the OS page cache only; a killed process loses nothing,
         * an OS crash or power loss may lose or damage what was written since the last sync. The {@code bulk-load}
         * command defaults it to false for its own run and syncs the store's files once when the load is done.
         */
        @WithDefault("true")
        boolean forceSync();

        /**
         * Initial size of each of the embedded LMDB store's two memory maps (triples, values): address space reserved,
         * not disk (the files grow with the data). RDF4J starts at 10 MB and grows the map as the store fills; a
         * transaction that reaches the end of the map first writes every statement to a side cache and replays it
         * into the indexes at commit (BENCHMARKS, "Bulk load, CPU per thread"). An existing store's larger
         * map is kept; the map still grows beyond this when needed.
         */
        @WithDefault("8G")
        MemorySize mapSize();

        /**
         * Writes to the embedded store are refused with {@code STORE_FULL} while the free space of its filesystem,
         * minus an estimate of the write itself, is below this reserve: the store must never run into a full disk,
         * where LMDB fails mid-commit (see docs/production.md, "Disk full"). 0 turns the check off.
         */
        @WithDefault("64M")
        MemorySize minFreeSpace();

        /** RDF4J LMDB's in-memory caches of the embedded store ({@code kg.store.lmdb.*}). */
        Lmdb lmdb();

        /**
         * Sizes of the embedded LMDB store's value caches, in entries (RDF4J's defaults: 512, 128, 64, 32). Each
         * statement written resolves its four values to ids and each statement read resolves ids back to values; a
         * hit saves a lookup in LMDB's value database. Memory: the cached values themselves (about 100-200 bytes
         * each for the catalogue's IRIs and literals) plus 4 bytes per value-cache slot and about 50 bytes per id-cache
         * entry. Larger is not free: RDF4J trims an id cache by walking all of it every 1,024 insertions. At BSBM 100k
         * larger sizes gained nothing on the bulk load or on reads and a 65,536-entry id cache slowed the load by a
         * quarter or more, so the defaults are RDF4J's (BENCHMARKS, "RDF4J LMDB's value caches").
         */
        interface Lmdb {
            /**
             * Id to value (every value read from the store): a direct-mapped array of this many slots, a value kept
             * until another id lands in its slot.
             */
            @WithDefault("512")
            int valueCacheSize();

            /** Value to id (every value written or named in a lookup). */
            @WithDefault("128")
            int valueIdCacheSize();

            /** Namespace id to namespace (IRIs are stored as namespace id + local name). */
            @WithDefault("64")
            int namespaceCacheSize();

            /** Namespace to namespace id. */
            @WithDefault("32")
            int namespaceIdCacheSize();

            /**
             * The kernel's read-ahead on the store's memory maps (RDF4J's behaviour). {@code false} advises the maps
             * random access, as LMDB's {@code MDB_NORDAHEAD} would: a page read from disk then brings in that page
             * only, not the disk's read-ahead window (8 MB on the measuring machine). At BSBM 100k, started with the
             * store's pages out of the page cache, it kept ~0.2 GB of read-around out of RSS after the benchmark's
             * requests, at ~5 disk reads per call while the pages warmed (15,800 against ~55 in 3,000 calls) and a
             * slower similarProducts there; with the pages already cached it changed nothing (BENCHMARKS "RSS at BSBM
             * 100k, perf19"). So on by default; off where the process's RSS counts more than first reads.
             */
            @WithDefault("true")
            boolean readAhead();
        }

        /** Query endpoint of a remote SPARQL 1.1 server ({@code kind=sparql}). */
        Optional<String> queryEndpoint();

        /** Update endpoint of a remote SPARQL 1.1 server; defaults to the query endpoint. */
        Optional<String> updateEndpoint();

        /** TCP connect timeout to the remote endpoint (RDF4J's own default is hours). */
        @WithDefault("5s")
        Duration connectTimeout();

        /**
         * Longest silence on a remote socket before the request fails (RDF4J's own default is days). This bounds one
         * store call against a hung endpoint, so it stays well under {@code kg.limits.request-timeout}.
         */
        @WithDefault("10s")
        Duration socketTimeout();

        /**
         * Server-side time budget of one SELECT/ASK: sent as the SPARQL protocol {@code timeout} (Fuseki, embedded)
         * and, with Neptune, as the {@code hint:queryTimeout} query hint.
         */
        @WithDefault("8s")
        Duration queryTimeout();

        /**
         * Embedded store: longest wait for the store's access lock before a call fails with {@code STORE_UNAVAILABLE}
         * (HTTP 503). Reads share the store, a write has it to itself from begin to commit, so that RDF4J's LMDB store
         * writes a commit to disk before it is acknowledged (with a read open it keeps the commit in memory). A write
         * waits for the reads in progress to end, a read for the write in progress (fair: reads that come after a
         * waiting write wait behind it). Not used by remote stores.
         */
        @WithDefault("30s")
        Duration lockTimeout();

        /**
         * Store calls in flight at once (bulkhead); a call beyond them fails at once with {@code STORE_UNAVAILABLE}
         * instead of holding an HTTP worker thread while the store is slow or hung. No queue: waiting is what a hung
         * store makes everyone do.
         */
        @WithDefault("32")
        int maxConcurrentCalls();

        /** Pooled HTTP connections to the endpoint; defaults to the Quarkus worker pool size, so no worker waits. */
        Optional<Integer> maxConnections();

        /** Queries whose GET URL would be longer than this many characters are sent as POST. */
        @WithDefault("2048")
        int postThreshold();

        /**
         * SELECT result format asked of a remote endpoint first. The others stay in the request's Accept header at a
         * lower preference, so an endpoint without this one answers in one it has (HTTP content negotiation). TSV is
         * the cheapest for Fuseki to write and carries every RDF term exactly; {@code xml} is what RDF4J asks by
         * default.
         */
        @WithDefault("tsv")
        ResultFormat resultFormat();

        /** Attempts of an idempotent read (and of an update hit by Neptune's ConcurrentModificationException). */
        @WithDefault("3")
        int maxAttempts();

        /** First retry delay; doubled on every further retry. */
        @WithDefault("200ms")
        Duration retryBackoff();

        /**
         * The store circuit breaker {@code graph-store} (store.StoreCalls): it opens when at least
         * {@code failure-ratio} of the last {@code request-volume-threshold} guarded calls failed with
         * {@code STORE_UNAVAILABLE} (or were refused by the bulkhead), fails calls at once while open, lets a probe
         * through after {@code delay} and closes after {@code success-threshold} answered calls. The keys of the
         * former {@code StoreGuard} ({@code dev.kggateway.limits.StoreGuard/call/CircuitBreaker/...}, delay in
         * seconds) still set them, through application.properties.
         */
        Breaker breaker();

        interface Breaker {
            /** Off: store calls never fail fast (bulkhead and retries stay). */
            @WithDefault("true")
            boolean enabled();

            /** Calls in the rolling window the failure ratio is taken over. */
            @WithDefault("20")
            int requestVolumeThreshold();

            /** Share of failed calls in the window that opens the breaker. */
            @WithDefault("0.5")
            double failureRatio();

            /** How long the breaker stays open before a probe call is let through (half-open). */
            @WithDefault("10s")
            Duration delay();

            /** Answered probe calls that close it again. */
            @WithDefault("2")
            int successThreshold();
        }

        Neptune neptune();
    }

    /** Amazon Neptune specifics of {@code kind=sparql}. */
    interface Neptune {
        /** The endpoint is Neptune: adds query hints and retries ConcurrentModificationException on updates. */
        @WithDefault("false")
        boolean enabled();

        /** Sign every SPARQL request with SigV4 (service {@code neptune-db}); credentials from the default chain. */
        @WithDefault("false")
        boolean iamAuth();

        /** AWS region of the cluster, e.g. {@code eu-west-1}; required with IAM auth and bulk load. */
        Optional<String> region();

        /** Base URL of the bulk loader, e.g. {@code https://cluster:8182}; {@code /loader} is appended. */
        Optional<String> loaderEndpoint();

        /** Role Neptune assumes to read the staged files from S3. */
        Optional<String> iamRoleArn();

        /** Where bulk-load files are staged: {@code s3://bucket/prefix}. */
        Optional<String> stagingUri();

        /** Loader parallelism: LOW, MEDIUM, HIGH, OVERSUBSCRIBE. */
        @WithDefault("MEDIUM")
        String loadParallelism();

        /** Loader mode: NEW, RESUME or AUTO. */
        @WithDefault("AUTO")
        String loadMode();

        /** Stop the load at the first bad line. */
        @WithDefault("true")
        boolean failOnError();

        /** Interval between loader status polls. */
        @WithDefault("5s")
        Duration pollInterval();
    }

    S3 s3();

    /** S3 access for bulk-load staging and model download; credentials come from the AWS default chain. */
    interface S3 {
        /** Region of the buckets; falls back to the AWS default region chain. */
        Optional<String> region();

        /** Endpoint override for S3-compatible stores (MinIO, tests). */
        Optional<String> endpoint();

        /** Path-style bucket addressing, needed by most S3-compatible stores. */
        @WithDefault("false")
        boolean pathStyle();
    }

    interface Api {
        /** Largest page size a client may ask for with {@code first}. */
        @WithDefault("100")
        int maxFirst();

        /** Largest {@code first} for similarity results. */
        @WithDefault("100")
        int maxSimilar();

        /**
         * Automatic persisted queries (Apollo APQ): characters of query text kept by hash, least recently used
         * dropped first. A dropped hash answers PERSISTED_QUERY_NOT_FOUND and the client sends the query again.
         */
        @WithDefault("4000000")
        long apqMaxCharacters();

        /**
         * {@code Cache-Control: max-age} of successful GET query responses (which also carry an ETag from the result
         * cache generation). 0 makes caches revalidate every time (cheap: a matching If-None-Match answers 304
         * without running the query).
         */
        @WithDefault("0s")
        Duration getMaxAge();
    }

    interface Sample {
        /** Load the bundled sample catalogue on start when the store holds no product. */
        @WithDefault("true")
        boolean loadOnEmpty();

        /** Classpath resource or file path of the JSON-lines catalogue loaded on first start. */
        @WithDefault("sample/catalogue.jsonl")
        String resource();

        /** Run the NER model over the sample descriptions while loading (when a model is loaded). */
        @WithDefault("true")
        boolean enrich();
    }

    /** SPARQL 1.1 SELECT result formats that carry every RDF term exactly (not CSV). */
    enum ResultFormat {
        TSV, JSON, XML
    }

    enum StoreKind {
        EMBEDDED, SPARQL
    }

    enum EmbeddedEngine {
        LMDB, NATIVE
    }
}
