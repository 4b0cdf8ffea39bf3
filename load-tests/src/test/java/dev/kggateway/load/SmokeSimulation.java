package dev.kggateway.load;

import java.util.List;

/**
 * Every scenario at a low rate for ~30 s (10 s warm-up + 20 s measured): proves the wiring (ids,
 * queries, auth header, checks) end to end. It usually runs on a developer machine next to the
 * gateway and Maven, so its latency gate is relative to the baseline measured in the same run
 * ({@link LatencyGate}) rather than an absolute bound; the error-rate bound (default 1%) is absolute.
 */
public class SmokeSimulation extends GatewaySimulation {
    public SmokeSimulation() {
        int batch = LoadConfig.batchSize(5);
        List<Spec> specs = new java.util.ArrayList<>(ReadMixSimulation.reads());
        specs.add(new Spec("add products (enrich)", n -> Scenarios.addProducts(n, true, batch), Scenarios.ADD_ENRICHED_MS));
        specs.add(new Spec("add products (no enrich)", n -> Scenarios.addProducts(n, false, batch), Scenarios.ADD_PLAIN_MS));
        run(1, 20, 10, specs);
    }
}
