package dev.kggateway.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * Common shape of every simulation: per scenario, an open-model warm-up ramp followed by a
 * constant arrival rate, and assertions on the measured phase only.
 *
 * <p>Open model (arrival rate) rather than a fixed number of looping users: API clients do not
 * wait for our responses before sending the next request, so when the gateway slows down the
 * queue must grow and show up in the latencies instead of the load quietly dropping.
 */
abstract class GatewaySimulation extends Simulation {

    /** A scenario: report name, chain factory (takes the request name) and its default p95. */
    record Spec(String name, Function<String, ChainBuilder> chain, int p95Ms) {
    }

    /**
     * @param defaultRate     arrivals/s per scenario unless -Drate is given
     * @param defaultDuration measured seconds unless -Dduration is given
     * @param defaultWarmup   warm-up seconds unless -Dwarmup is given
     */
    protected void run(double defaultRate, int defaultDuration, int defaultWarmup, List<Spec> specs) {
        double rate = LoadConfig.rate(defaultRate);
        int duration = LoadConfig.duration(defaultDuration);
        int warmup = LoadConfig.warmup(defaultWarmup);
        Integer p95Override = LoadConfig.p95Override();
        double maxErrorPct = LoadConfig.maxErrorPct();

        Catalogue.get(); // fail before injecting anything if there is no data to test against

        HttpProtocolBuilder protocol = http.baseUrl(LoadConfig.baseUrl())
                .acceptHeader("application/json")
                .contentTypeHeader("application/json")
                .userAgentHeader("kg-gateway-load-tests")
                // Clients of the gateway are services with connection pools, not browsers:
                // share connections instead of opening one per virtual user, so we measure the
                // API rather than TCP/TLS handshakes.
                .shareConnections()
                // Gatling's own warm-up is a GET on baseUrl; ours is the explicit ramp below.
                .disableWarmUp();

        List<PopulationBuilder> populations = new ArrayList<>();
        List<Assertion> assertions = new ArrayList<>();
        for (Spec spec : specs) {
            PopulationBuilder measured = scenario(spec.name())
                    .exec(spec.chain().apply(spec.name()))
                    // randomized: Poisson-like arrivals, closer to independent clients than a
                    // metronome, and it does not hide queueing effects.
                    .injectOpen(constantUsersPerSec(rate).during(Duration.ofSeconds(duration)).randomized());
            if (warmup > 0) {
                String warmName = "warmup: " + spec.name();
                populations.add(scenario(warmName)
                        .exec(spec.chain().apply(warmName))
                        .injectOpen(rampUsersPerSec(Math.max(rate / 10, 0.1)).to(rate).during(Duration.ofSeconds(warmup)))
                        .andThen(measured));
            } else {
                populations.add(measured);
            }
            int p95 = p95Override != null ? p95Override : spec.p95Ms();
            assertions.add(details(spec.name()).responseTime().percentile(95.0).lt(p95));
            assertions.add(details(spec.name()).failedRequests().percent().lte(maxErrorPct));
            // A run in which a scenario sent nothing must not pass by default.
            assertions.add(details(spec.name()).allRequests().count().gt(0L));
        }
        // Errors count everywhere, warm-up and follow-up pages included.
        assertions.add(global().failedRequests().percent().lte(maxErrorPct));

        setUp(populations)
                .protocols(protocol)
                .assertions(assertions)
                // Hard stop: a hung gateway must not keep a CI agent busy forever.
                .maxDuration(Duration.ofSeconds(warmup + duration + 120L));
    }
}
