package dev.kggateway.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What {@link KgMain} can answer before the application starts (no store opened, no model loaded, no port bound):
 * {@code help}/{@code --help}, and commands whose arguments need neither the store nor the model
 * ({@link KgCommand#runsWithoutApplication}: {@code evaluate-ner --url}, which scores another gateway over HTTP; the
 * tools app's {@code generate}). Those run on a plain instance, outside CDI, so they must not use injected fields on
 * that path. {@link #ALL} lists every gateway command for the usage text, and {@code CommandsTest} fails when a
 * {@link KgCommand} bean is missing from it: add new commands here. Commands of an app built on the gateway (tools)
 * come from {@link ServiceLoader}.
 */
final class Commands {

    static final Set<String> HELP = Set.of("help", "--help", "-h", "-?");

    /** Every command; plain instances only ever answer name() and summary() here, or run standalone ones. */
    static final List<Supplier<KgCommand>> ALL = List.of(BulkLoadCommand::new, EvaluateNerCommand::new,
            CompactCommand::new, ExportCommand::new, ExportTrainingDataCommand::new, ReenrichCommand::new);

    private Commands() {
    }

    /** Exit code when args are answered without the application; null when the application must start. */
    static Integer runWithoutApplication(String[] args) throws Exception {
        if (HELP.contains(args[0])) {
            usage(System.out);
            return 0;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        for (KgCommand command : all()) {
            if (command.name().equals(args[0]) && command.runsWithoutApplication(rest)) {
                return command.run(rest);
            }
        }
        return null;
    }

    /** Plain instances of the gateway's commands and of those an app built on it declares. */
    private static List<KgCommand> all() {
        List<KgCommand> commands = new ArrayList<>(ALL.stream().map(Supplier::get).toList());
        ServiceLoader.load(KgCommand.class).forEach(commands::add);
        return commands;
    }

    static void usage(PrintStream out) {
        out.println("usage: java -jar quarkus-run.jar [COMMAND ARGS...]");
        out.println("Without a command the gateway serves GraphQL on quarkus.http.port (8080). Commands:");
        all().stream().sorted(Comparator.comparing(KgCommand::name))
                .forEach(c -> out.printf("  %-20s %s%n", c.name(), c.summary()));
        out.println("Configuration: -Dkey=value or environment variables (README.md, docs/production.md).");
    }
}
