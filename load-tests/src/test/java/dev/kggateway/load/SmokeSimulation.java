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
        run(1, 20, 10, List.of(
                new Spec("product by id", Scenarios::productById, loose),
                new Spec("products filtered", Scenarios::productsFiltered, loose),
                new Spec("products page of 50 with properties", Scenarios::productsPageNested, loose),
                new Spec("similar products", Scenarios::similarProducts, loose),
                new Spec("extract properties", Scenarios::extractProperties, loose),
                new Spec("add products (enrich)", n -> Scenarios.addProducts(n, true, batch), loose),
                new Spec("add products (no enrich)", n -> Scenarios.addProducts(n, false, batch), loose)));
    }
}
