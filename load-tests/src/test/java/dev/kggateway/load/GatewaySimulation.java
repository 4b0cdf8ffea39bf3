package dev.kggateway.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * Common shape of every simulation: per scenario, an open-model warm-up ramp followed by a
 * constant arrival rate, and assertions on the measured phase only. Next to the scenarios runs a
 * trivial baseline request, and latency is judged relative to it ({@link LatencyGate}); error
 * rates are judged absolutely.
 *
 * <p>Open model (arrival rate) rather than a fixed number of looping users: API clients do not
 * wait for our responses before sending the next request, so when the gateway slows down the
 * queue must grow and show up in the latencies instead of the load quietly dropping.
 */
abstract class GatewaySimulation extends Simulation {

    /**
     * A scenario: report name, chain factory (takes the request name) and its latency budget:
     * the p95 in ms it may reach on an idle machine, on top of the baseline allowance
     * ({@link LatencyGate}).
     */
    record Spec(String name, Function<String, ChainBuilder> chain, int budgetMs) {
    }

    /** The verdict starts this long after the measured phase, then waits for in-flight users. */
    static final int GATE_GRACE_SECONDS = 2;

    /**
     * @param defaultRate     arrivals/s per scenario unless -Drate is given
     * @param defaultDuration measured seconds unless -Dduration is given
     * @param defaultWarmup   warm-up seconds unless -Dwarmup is given
     */
    protected void run(double defaultRate, int defaultDuration, int defaultWarmup, List<Spec> specs) {
        double scenarioRate = LoadConfig.rate(defaultRate);
        int duration = LoadConfig.duration(defaultDuration);
        int warmup = LoadConfig.warmup(defaultWarmup);
        Integer p95Override = LoadConfig.p95Override();
        Integer budgetOverride = LoadConfig.budgetOverride();
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
        Map<String, Integer> budgets = new LinkedHashMap<>();
        List<Spec> all = new ArrayList<>(specs);
        // The baseline runs like a scenario (warm-up included) at its own rate, but is not judged.
        all.add(new Spec(LatencyGate.BASELINE, Scenarios::baseline, 0));
        for (Spec s : all) {
            // Every user is counted in and out, so the verdict can wait for the last answers.
            Spec spec = new Spec(s.name(), n -> exec(session -> {
                LatencyGate.userStarted();
                return session;
            }).exec(s.chain().apply(n)).exec(session -> {
                LatencyGate.userDone();
                return session;
            }), s.budgetMs());
            boolean isBaseline = spec.name().equals(LatencyGate.BASELINE);
            double rate = isBaseline ? LoadConfig.baselineRate() : scenarioRate;
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
            assertions.add(details(spec.name()).failedRequests().percent().lte(maxErrorPct));
            if (!isBaseline) {
                budgets.put(spec.name(), budgetOverride != null ? budgetOverride : spec.budgetMs());
                if (p95Override != null) {
                    // Opt-in absolute bound, for runs on dedicated hardware with a known SLO.
                    assertions.add(details(spec.name()).responseTime().percentile(95.0).lt(p95Override));
                }
            }
            // A run in which a scenario sent nothing must not pass by default.
            assertions.add(details(spec.name()).allRequests().count().gt(0L));
        }
        // The verdict: one request after the measured phase and its in-flight users, whose check
        // fails with the gate's message when a scenario is over its bound.
        LatencyGate.configure(budgets, LoadConfig.gateFactor());
        populations.add(scenario(LatencyGate.GATE)
                .asLongAs(session -> LatencyGate.stillRunning()).on(pause(Duration.ofMillis(500)))
                .exec(http(LatencyGate.GATE).post("/graphql")
                        .body(StringBody(GraphQl.body(GraphQl.TYPENAME, Map.of())))
                        .check(bodyString().transform(b -> LatencyGate.verdict()).is("pass")))
                .injectOpen(nothingFor(Duration.ofSeconds(warmup + duration + GATE_GRACE_SECONDS)), atOnceUsers(1)));
        assertions.add(details(LatencyGate.GATE).allRequests().count().is(1L));
        assertions.add(details(LatencyGate.GATE).failedRequests().count().is(0L));
        // Errors count everywhere, warm-up and follow-up pages included (the gate's request
        // too, which can only add a failure when the latency verdict already failed).
        assertions.add(global().failedRequests().percent().lte(maxErrorPct));

        setUp(populations)
                .protocols(protocol)
                .assertions(assertions)
                // Hard stop: a hung gateway must not keep a CI agent busy forever.
                .maxDuration(Duration.ofSeconds(warmup + duration + 120L));
    }
}
