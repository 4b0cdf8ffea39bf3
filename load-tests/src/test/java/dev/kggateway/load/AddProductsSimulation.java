package dev.kggateway.load;

import java.util.ArrayList;
import java.util.List;

/**
 * addProducts batches (-DbatchSize, default 10) with and without NER enrichment (-Denrich=both|
 * enrich|plain). Writes new "loadtest-..." products: run it against a disposable store.
 * Latency budgets Scenarios.ADD_ENRICHED_MS (batchSize inferences) and ADD_PLAIN_MS (see LatencyGate).
 */
public class AddProductsSimulation extends GatewaySimulation {
    public AddProductsSimulation() {
        int batch = LoadConfig.batchSize(10);
        String which = LoadConfig.enrich();
        List<Spec> specs = new ArrayList<>();
        if (which.equals("both") || which.equals("enrich")) {
            specs.add(new Spec("add products (enrich)", n -> Scenarios.addProducts(n, true, batch), Scenarios.ADD_ENRICHED_MS));
        }
        if (which.equals("both") || which.equals("plain")) {
            specs.add(new Spec("add products (no enrich)", n -> Scenarios.addProducts(n, false, batch), Scenarios.ADD_PLAIN_MS));
        }
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("-Denrich must be both, enrich or plain, not " + which);
        }
        run(2, 120, 30, specs);
    }
}
