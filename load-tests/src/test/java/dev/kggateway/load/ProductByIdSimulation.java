package dev.kggateway.load;

import java.util.List;

/** product(id) at -Drate arrivals/s (default 50). Latency budget Scenarios.*_MS (see LatencyGate). */
public class ProductByIdSimulation extends GatewaySimulation {
    public ProductByIdSimulation() {
        run(50, 120, 30, List.of(new Spec("product by id", Scenarios::productById, Scenarios.PRODUCT_BY_ID_MS)));
    }
}
