package dev.kggateway.cli;

import dev.kggateway.ingest.ReenrichReport;
import dev.kggateway.ingest.ReenrichService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;

/** {@code reenrich [--all] [--batch-size N]}: re-runs the current model over products of older model versions. */
@ApplicationScoped
public class ReenrichCommand implements KgCommand {

    @Inject
    ReenrichService reenrich;

    @Override
    public String name() {
        return "reenrich";
    }

    @Override
    public String summary() {
        return "[--all] [--batch-size N]  re-run the current model over products enriched by older versions";
    }

    @Override
    public int run(String[] args) {
        List<String> list = Arrays.asList(args);
        int batch = list.contains("--batch-size") ? Integer.parseInt(list.get(list.indexOf("--batch-size") + 1)) : 100;
        ReenrichReport report = reenrich.reenrich(list.contains("--all"), batch, null, System.out::println);
        System.out.printf("done: %d products in %d batches with %s, %.1f s%n", report.products(), report.batches(),
                report.model(), report.durationMs() / 1000);
        return 0;
    }
}
