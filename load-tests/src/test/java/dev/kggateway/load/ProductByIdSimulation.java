package dev.kggateway.load;

import java.util.List;

/** product(id) at -Drate arrivals/s (default 50). Default p95 200 ms. */
public class ProductByIdSimulation extends GatewaySimulation {
    public ProductByIdSimulation() {
        run(50, 120, 30, List.of(new Spec("product by id", Scenarios::productById, 200)));
    }
}
