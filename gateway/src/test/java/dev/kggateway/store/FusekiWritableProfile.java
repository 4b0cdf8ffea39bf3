package dev.kggateway.store;

import java.util.Map;

/** A Fuseki server of its own, starting empty, for tests that write (keeps the read contract's fixture intact). */
public class FusekiWritableProfile extends FusekiProfile {
    @Override
    protected Map<String, String> extraOverrides() {
        return Map.of("kg.sample.load-on-empty", "false");
    }
}
