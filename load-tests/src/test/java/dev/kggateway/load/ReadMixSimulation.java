package dev.kggateway.load;

import java.util.List;

/**
 * Every read operation (and the model preview) at the smoke rates, no writes: the catalogue stays the same size, so
 * a soak with this mix tells memory that grows with the data apart from memory that leaks.
 */
public class ReadMixSimulation extends GatewaySimulation {
    public ReadMixSimulation() {
        int loose = 5000;
        run(1, 20, 10, List.of(
                new Spec("product by id", Scenarios::productById, loose),
                new Spec("products filtered", Scenarios::productsFiltered, loose),
                new Spec("products page of 50 with properties", Scenarios::productsPageNested, loose),
                new Spec("similar products", Scenarios::similarProducts, loose),
                new Spec("extract properties", Scenarios::extractProperties, loose)));
    }
}
