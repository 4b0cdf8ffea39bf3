package dev.kggateway.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What {@link KgMain} can answer before the application starts (no store opened, no model loaded, no port bound):
 * {@code help}/{@code --help}, and commands that need neither the store nor the model ({@code generate}; {@code
 * evaluate-ner --url}, which scores another gateway over HTTP). Those run on a plain instance, outside CDI, so
 * they must not use injected fields on that path. {@link #ALL} lists every command for the usage text, and
 * {@code CommandsTest} fails when a {@link KgCommand} bean is missing from it: add new commands here.
 */
final class Commands {

    static final Set<String> HELP = Set.of("help", "--help", "-h", "-?");

    /** Every command; plain instances only ever answer name() and summary() here, or run standalone ones. */
    static final List<Supplier<KgCommand>> ALL = List.of(BulkLoadCommand::new, BenchmarkCommand::new,
            EvaluateNerCommand::new, ExportCommand::new, ExportTrainingDataCommand::new, GenerateCommand::new,
            ReenrichCommand::new);

    private Commands() {
    }

    /** Exit code when args are answered without the application; null when the application must start. */
    static Integer runWithoutApplication(String[] args) throws Exception {
        if (HELP.contains(args[0])) {
            usage(System.out);
            return 0;
        }
        boolean standalone = args[0].equals("generate")
                || (args[0].equals("evaluate-ner") && Arrays.asList(args).contains("--url"));
        if (!standalone) {
            return null;
        }
        for (Supplier<KgCommand> s : ALL) {
            KgCommand command = s.get();
            if (command.name().equals(args[0])) {
                return command.run(Arrays.copyOfRange(args, 1, args.length));
            }
        }
        return null;
    }

    static void usage(PrintStream out) {
        out.println("usage: java -jar quarkus-run.jar [COMMAND ARGS...]");
        out.println("Without a command the gateway serves GraphQL on quarkus.http.port (8080). Commands:");
        ALL.stream().map(Supplier::get).sorted(Comparator.comparing(KgCommand::name))
                .forEach(c -> out.printf("  %-20s %s%n", c.name(), c.summary()));
        out.println("Configuration: -Dkey=value or environment variables (README.md, docs/production.md).");
    }
}
