package dev.kggateway.load;

import java.util.List;

/** extractProperties(text): one NER inference per request. Default p95 500 ms. */
public class ExtractPropertiesSimulation extends GatewaySimulation {
    public ExtractPropertiesSimulation() {
        run(10, 120, 30, List.of(new Spec("extract properties", Scenarios::extractProperties, 500)));
    }
}
