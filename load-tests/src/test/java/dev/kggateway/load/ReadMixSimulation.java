package dev.kggateway.load;

import java.util.List;

/**
 * Every read operation (and the model preview) at the smoke rates, no writes: the catalogue stays the same size, so
 * a soak with this mix tells memory that grows with the data apart from memory that leaks.
 */
public class ReadMixSimulation extends GatewaySimulation {
    public ReadMixSimulation() {
        run(1, 20, 10, reads(5000));
    }

    /** The read scenarios shared with {@link SmokeSimulation}, each with a loose p95 bound in ms. */
    static List<Spec> reads(int p95Ms) {
        return List.of(
                new Spec("product by id", Scenarios::productById, p95Ms),
                new Spec("products filtered", Scenarios::productsFiltered, p95Ms),
                new Spec("products page of 50 with properties", Scenarios::productsPageNested, p95Ms),
                new Spec("similar products", Scenarios::similarProducts, p95Ms),
                new Spec("extract properties", Scenarios::extractProperties, p95Ms));
    }
}
