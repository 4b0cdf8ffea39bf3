package dev.kggateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line of the packaged jar: help answers without starting the application (no store, no model, no
 * port) and lists the production commands only ({@code benchmark} and {@code generate} live in the tools app:
 * tools/ToolsCommandLineIT). The markers checked are the log lines the store ("Graph store open") and Quarkus
 * ("started in") write when they start.
 */
class CommandLineIT {

    @TempDir
    Path tmp;

    @Test
    void helpIsAnsweredWithoutStartingTheApplication() throws Exception {
        for (String help : List.of("--help", "help", "-h")) {
            Path store = tmp.resolve("store-" + help.replace("-", ""));
            PackagedApp.Run r = PackagedApp.run(List.of("-Dkg.store.path=" + store), List.of(help), Map.of(), 60);
            assertEquals(0, r.exit(), r.output());
            for (String command : List.of("bulk-load", "compact", "evaluate-ner", "export-training-data", "reenrich")) {
                assertTrue(r.output().contains(command), command + " missing from help:\n" + r.output());
            }
            for (String tool : List.of("benchmark", "generate")) {
                assertFalse(r.output().contains(tool), tool + " is a tool, not in the production jar:\n" + r.output());
            }
            assertFalse(r.output().contains("unknown command"), r.output());
            assertFalse(r.output().contains("Graph store open") || r.output().contains("started in")
                    || r.output().contains("tensorflow"), r.output());
            assertFalse(Files.exists(store), "help created the store directory");
            System.out.printf("CommandLineIT: %s answered in %d ms%n", help, r.millis());
        }
    }
}
