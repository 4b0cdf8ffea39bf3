package dev.kggateway.store;

import java.util.Map;

/**
 * A Fuseki server of its own, starting empty, for tests that write (keeps the read contract's fixture intact); also
 * the hung-store isolation test's (FrozenStoreIsolationTest): a store bulkhead of 10 calls with more pooled
 * connections (12) than that, so 60 reads at once against a hung Fuseki leave 50 to be turned away at once and the
 * 10 admitted ones each on a connection of their own, bounded by the socket timeout; and the breaker's delay set
 * through its former MicroProfile key (a documented alias) to 11 s, longer than a hung call takes to time out (8 s).
 * The other tests of this profile make a few store calls at a time, well under either limit.
 */
public class FusekiWritableProfile extends FusekiProfile {
    @Override
    protected Map<String, String> extraOverrides() {
        return Map.of("kg.sample.load-on-empty", "false",
                "kg.store.max-concurrent-calls", "10", "kg.store.max-connections", "12",
                "dev.kggateway.limits.StoreGuard/call/CircuitBreaker/delay", "11");
    }
}
