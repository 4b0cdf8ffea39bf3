package dev.kggateway.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;

/**
 * Without arguments the gateway serves HTTP until stopped. With a command name as first argument it runs that command
 * (bulk load, data generation, re-enrichment …) against the configured store and exits.
 */
@QuarkusMain
public class KgMain implements QuarkusApplication {

    /**
     * Commands that need neither the HTTP listener nor (for some) the model: they start without them unless the
     * operator sets the key, so they run beside a live server and start in seconds.
     */
    private static final Map<String, Map<String, String>> COMMAND_DEFAULTS = Map.of(
            "export-training-data", Map.of("quarkus.http.host-enabled", "false", "kg.ner.enabled", "false"),
            "evaluate-ner", Map.of("quarkus.http.host-enabled", "false"),
            // export: logs to stderr, so `export --format nquads > FILE` holds data alone.
            "export", Map.of("quarkus.http.host-enabled", "false", "kg.ner.enabled", "false",
                    "quarkus.log.console.stderr", "true"),
            // bulk-load: commits are not synced one by one (the loader syncs the store's files once at the end).
            "bulk-load", Map.of("quarkus.http.host-enabled", "false", "kg.store.force-sync", "false"),
            // compact and reenrich serve nothing either: without this they bound the server's port and failed beside
            // a running gateway ("Port 8080 seems to be in use") before touching the store.
            "compact", Map.of("quarkus.http.host-enabled", "false", "kg.ner.enabled", "false"),
            "reenrich", Map.of("quarkus.http.host-enabled", "false"));

    public static void main(String... args) throws Exception {
        // Start-up observers tell a command run from a server run by config.RunMode (the same arguments).
        if (args.length > 0) {
            Integer exit = Commands.runWithoutApplication(args); // help; commands needing neither store nor model
            if (exit != null) {
                System.exit(exit);
            }
            COMMAND_DEFAULTS.getOrDefault(args[0], Map.of()).forEach(KgMain::defaultTo);
            if (args[0].equals("evaluate-ner") && Arrays.asList(args).contains("--url")) {
                defaultTo("kg.ner.enabled", "false"); // scores another gateway's extractProperties
            }
        }
        Quarkus.run(KgMain.class, args);
    }

    private static void defaultTo(String key, String value) {
        String env = key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
        if (System.getProperty(key) == null && System.getenv(env) == null) {
            System.setProperty(key, value);
        }
    }

    @Inject
    Instance<KgCommand> commands;

    @Override
    public int run(String... args) throws Exception {
        if (args.length == 0) {
            Quarkus.waitForExit();
            return 0;
        }
        String name = args[0];
        for (KgCommand command : commands) {
            if (command.name().equals(name)) {
                return command.run(Arrays.copyOfRange(args, 1, args.length));
            }
        }
        System.err.println("unknown command '" + name + "'. Commands:");
        commands.stream().sorted(Comparator.comparing(KgCommand::name))
                .forEach(c -> System.err.printf("  %-14s %s%n", c.name(), c.summary()));
        return 2;
    }
}
