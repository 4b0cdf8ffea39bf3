package dev.kggateway.load;

import java.util.List;

/** extractProperties(text): one NER inference per request. Latency budget Scenarios.*_MS (see LatencyGate). */
public class ExtractPropertiesSimulation extends GatewaySimulation {
    public ExtractPropertiesSimulation() {
        run(10, 120, 30, List.of(new Spec("extract properties", Scenarios::extractProperties, Scenarios.EXTRACT_PROPERTIES_MS)));
    }
}
