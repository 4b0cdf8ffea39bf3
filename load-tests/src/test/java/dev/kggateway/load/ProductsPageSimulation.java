package dev.kggateway.load;

import java.util.List;

/** products(first: 50) with nested properties, plus the next page. Latency budget Scenarios.*_MS (see LatencyGate). */
public class ProductsPageSimulation extends GatewaySimulation {
    public ProductsPageSimulation() {
        run(10, 120, 30, List.of(new Spec("products page of 50 with properties", Scenarios::productsPageNested, Scenarios.PRODUCTS_PAGE_MS)));
    }
}
