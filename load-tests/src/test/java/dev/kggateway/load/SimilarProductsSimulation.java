package dev.kggateway.load;

import java.util.List;

/** similarProducts(id, first: 10, minShared: 2). Latency budget Scenarios.*_MS (see LatencyGate). */
public class SimilarProductsSimulation extends GatewaySimulation {
    public SimilarProductsSimulation() {
        run(10, 120, 30, List.of(new Spec("similar products", Scenarios::similarProducts, Scenarios.SIMILAR_PRODUCTS_MS)));
    }
}
