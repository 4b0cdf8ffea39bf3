package dev.kggateway.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Without arguments the gateway serves HTTP until stopped. With a command name as first argument it runs that command
 * (bulk load, data generation, re-enrichment …) against the configured store and exits.
 */
@QuarkusMain
public class KgMain implements QuarkusApplication {

    /** Set before the CDI container starts so start-up observers can tell a command run from a server run. */
    public static volatile boolean commandMode;

    public static void main(String... args) {
        commandMode = args.length > 0;
        Quarkus.run(KgMain.class, args);
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
