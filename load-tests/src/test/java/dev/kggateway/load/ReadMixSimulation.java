package dev.kggateway.load;

import java.util.List;

/**
 * Every read operation (and the model preview) at the smoke rates, no writes: the catalogue stays the same size, so
 * a soak with this mix tells memory that grows with the data apart from memory that leaks.
 */
public class ReadMixSimulation extends GatewaySimulation {
    public ReadMixSimulation() {
        run(1, 20, 10, reads());
    }

    /** The read scenarios shared with {@link SmokeSimulation}, with their latency budgets. */
    static List<Spec> reads() {
        return List.of(
                new Spec("product by id", Scenarios::productById, Scenarios.PRODUCT_BY_ID_MS),
                new Spec("products filtered", Scenarios::productsFiltered, Scenarios.PRODUCTS_FILTERED_MS),
                new Spec("products page of 50 with properties", Scenarios::productsPageNested, Scenarios.PRODUCTS_PAGE_MS),
                new Spec("similar products", Scenarios::similarProducts, Scenarios.SIMILAR_PRODUCTS_MS),
                new Spec("extract properties", Scenarios::extractProperties, Scenarios.EXTRACT_PROPERTIES_MS));
    }
}
