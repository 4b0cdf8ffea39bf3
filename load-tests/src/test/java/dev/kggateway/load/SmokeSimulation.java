package dev.kggateway.load;

import java.util.List;

/**
 * Every scenario at a low rate for ~30 s (10 s warm-up + 20 s measured): proves the wiring (ids,
 * queries, auth header, checks) end to end, not performance. Its p95 bound is deliberately loose
 * (5 s) because it usually runs on a developer machine next to the gateway and Maven; the error
 * rate bound (default 1%) is the real gate.
 */
public class SmokeSimulation extends GatewaySimulation {
    public SmokeSimulation() {
        int batch = LoadConfig.batchSize(5);
        int loose = 5000;
        List<Spec> specs = new java.util.ArrayList<>(ReadMixSimulation.reads(loose));
        specs.add(new Spec("add products (enrich)", n -> Scenarios.addProducts(n, true, batch), loose));
        specs.add(new Spec("add products (no enrich)", n -> Scenarios.addProducts(n, false, batch), loose));
        run(1, 20, 10, specs);
    }
}
