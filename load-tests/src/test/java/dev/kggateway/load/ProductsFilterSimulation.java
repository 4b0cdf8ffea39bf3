package dev.kggateway.load;

import java.util.List;

/** products(filter, first: 20) plus the next page when there is one. Latency budget Scenarios.*_MS (see LatencyGate). */
public class ProductsFilterSimulation extends GatewaySimulation {
    public ProductsFilterSimulation() {
        run(20, 120, 30, List.of(new Spec("products filtered", Scenarios::productsFiltered, Scenarios.PRODUCTS_FILTERED_MS)));
    }
}
