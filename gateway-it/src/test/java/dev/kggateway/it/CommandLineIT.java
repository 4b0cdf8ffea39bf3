package dev.kggateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
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

    /**
     * The store commands run beside a live server on the same host: none binds the HTTP port. The port they are
     * configured with is held open here, as a running gateway holds it; each command must still do its work.
     */
    @Test
    void storeCommandsRunWhileTheServersPortIsTaken() throws Exception {
        Path model = Path.of("../model/ner").toAbsolutePath().normalize();
        Path natives = Path.of(System.getProperty("kg.it.tensorflow-natives", "target/tensorflow-natives"))
                .toAbsolutePath();
        Path catalogue = tmp.resolve("two.jsonl");
        Files.writeString(catalogue, """
                {"id":"CLI-1","name":"Nitrile Gloves, Medium, Blue","description":"Nitrile Gloves, powder-free, medium, blue"}
                {"id":"CLI-2","name":"Borosilicate Beaker, 250 mL","description":"Griffin beaker, borosilicate glass, 250 mL"}
                """);
        try (ServerSocket taken = new ServerSocket(0)) {
            List<String> jvm = List.of("-Dquarkus.http.port=" + taken.getLocalPort(),
                    "-Dkg.store.path=" + tmp.resolve("store"), "-Dkg.sample.load-on-empty=false",
                    "-Dkg.ner.model-path=" + model, "-Dkg.ner.tensorflow-library-path=" + natives);
            for (List<String> command : List.of(
                    List.of("bulk-load", catalogue.toString(), "--target", "embedded", "--no-enrich"),
                    List.of("reenrich", "--all"),
                    List.of("compact"),
                    List.of("export", "--format", "jsonl", "--out", tmp.resolve("out.jsonl").toString()))) {
                PackagedApp.Run r = PackagedApp.run(jvm, command, Map.of(), 180);
                assertEquals(0, r.exit(), command + ":\n" + r.output());
                assertFalse(r.output().contains("in use"), command + ":\n" + r.output());
                System.out.printf("CommandLineIT: %s beside a taken port in %d ms%n", command.get(0), r.millis());
            }
            assertEquals(2, Files.readAllLines(tmp.resolve("out.jsonl")).size(), "both products exported");
        }
    }
}
