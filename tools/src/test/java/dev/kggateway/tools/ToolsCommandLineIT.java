package dev.kggateway.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kggateway.it.PackagedApp;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line of the packaged tools app (moved here with the commands from the gateway's CommandLineIT): help
 * lists the gateway's commands and the tools', {@code generate} writes its file without opening the store, and
 * {@code benchmark} stops with a clear message and a non-zero exit when the gateway refuses its writes,
 * {@code convert-bsbm -} reads N-Triples from a pipe (how bench/bsbm-products.sh feeds it the generator). The markers
 * checked are the log lines the store ("Graph store open") and Quarkus ("started in", "Listening on") write when
 * they start.
 */
class ToolsCommandLineIT {

    @TempDir
    Path tmp;

    @Test
    void helpListsTheGatewayCommandsAndTheTools() throws Exception {
        Path store = tmp.resolve("store");
        PackagedApp.Run r = PackagedApp.run(List.of("-Dkg.store.path=" + store), List.of("--help"), Map.of(), 60);
        assertEquals(0, r.exit(), r.output());
        for (String command : List.of("bulk-load", "benchmark", "evaluate-ner", "export-training-data", "generate",
                "convert-bsbm", "reenrich")) {
            assertTrue(r.output().contains(command), command + " missing from help:\n" + r.output());
        }
        assertFalse(r.output().contains("Graph store open") || r.output().contains("started in"), r.output());
        assertFalse(Files.exists(store), "help created the store directory");
    }

    @Test
    void generateNeedsNeitherStoreNorModelNorPort() throws Exception {
        Path store = tmp.resolve("store");
        Path out = tmp.resolve("generated.jsonl");
        PackagedApp.Run r = PackagedApp.run(List.of("-Dkg.store.path=" + store, "-Dquarkus.http.port=1"),
                List.of("generate", "7", out.toString(), "3"), Map.of(), 60);
        assertEquals(0, r.exit(), r.output());
        assertEquals(7, Files.readAllLines(out).size(), r.output());
        assertFalse(Files.exists(store), "generate created the store directory:\n" + r.output());
        assertFalse(r.output().contains("Graph store open") || r.output().contains("Listening on"), r.output());
        // generate with bad arguments still says how to call it, with a failing exit code
        PackagedApp.Run bad = PackagedApp.run(List.of("-Dkg.store.path=" + store), List.of("generate"), Map.of(), 60);
        assertNotEquals(0, bad.exit(), bad.output());
        assertTrue(bad.output().contains("usage"), bad.output());
    }

    @Test
    void benchmarkFailsClearlyWhenWritesAreRefused() throws Exception {
        Path store = tmp.resolve("bench-store");
        // Auth on (the production default) and no key configured: every mutation is refused.
        PackagedApp.Run r = PackagedApp.run(List.of("-Dkg.store.path=" + store, "-Dkg.ner.enabled=false",
                "-Dkg.sample.load-on-empty=false", "-Dkg.auth.enabled=true",
                "-Dquarkus.http.port=" + PackagedApp.freePort()),
                List.of("benchmark", "--products", "20", "--calls", "5"), Map.of("KG_AUTH_API_KEYS", ""), 240);
        assertNotEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("refuses writes") && r.output().contains("UNAUTHENTICATED"), r.output());
        assertFalse(r.output().contains("| operation |"), "it measured anyway:\n" + r.output());
    }

    @Test
    void convertBsbmReadsStandardInputThroughAPipe() throws Exception {
        Path out = tmp.resolve("bsbm.jsonl");
        Path log = tmp.resolve("convert.log");
        byte[] triples = BsbmConverterTest.FIXTURE.getBytes(StandardCharsets.UTF_8);
        // ProcessBuilder's default stdin is a pipe: the case where a file channel on the input fails ("Illegal seek").
        Process p = PackagedApp.builder(List.of(), List.of("convert-bsbm", "-", out.toString()), Map.of(), log).start();
        try (OutputStream stdin = p.getOutputStream()) {
            stdin.write(triples);
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "no exit within 60 s: " + Files.readString(log));
        assertEquals(0, p.exitValue(), Files.readString(log));
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        assertEquals(2, new BsbmConverter().convert(new ByteArrayInputStream(triples), expected));
        assertEquals(expected.toString(StandardCharsets.UTF_8), Files.readString(out, StandardCharsets.UTF_8));
    }
}
