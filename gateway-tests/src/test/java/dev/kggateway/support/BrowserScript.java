package dev.kggateway.support;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Runs a page test script of src/test/browser (playwright-core driving Debian's Chromium) and returns the JSON it
 * prints. The build installs playwright-core into target/browser-test (npm ci, gateway/pom.xml); the browser is the
 * system's /usr/bin/chromium, never one a tool downloads. A missing browser or Node.js fails the test with what to
 * install: a page test that silently skips would pass with nothing checked.
 */
public final class BrowserScript {

    /** Where the build put the scripts and their node_modules. */
    public static final Path DIR = Path.of("target/browser-test");
    /** Screenshots and the scripts' logs: kept as test artefacts. */
    public static final Path ARTEFACTS = Path.of("target/browser-artefacts");
    public static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("KG_CHROMIUM", "/usr/bin/chromium"));
    static final int MIN_NODE_MAJOR = 20; // playwright-core's engines.node

    private BrowserScript() {
    }

    /** Fails with the install command when Chromium, Node.js or playwright-core is missing. */
    public static void requireTools() {
        if (!Files.isExecutable(CHROMIUM)) {
            fail("No Chromium at " + CHROMIUM + ": the page tests need a real browser. Install Debian's with "
                    + "`apt-get install -y chromium` (.ci/run does so when it is missing), or point KG_CHROMIUM at one.");
        }
        String version = run(Duration.ofSeconds(30), "node", "--version").strip();
        int major = Integer.parseInt(version.replaceFirst("^v(\\d+).*", "$1"));
        if (major < MIN_NODE_MAJOR) {
            fail("Node.js " + version + " is too old for playwright-core: " + MIN_NODE_MAJOR + " or newer is needed");
        }
        if (!Files.isRegularFile(DIR.resolve("node_modules/playwright-core/package.json"))) {
            fail("playwright-core is not installed in " + DIR.toAbsolutePath()
                    + ": the Maven build installs it (npm ci in process-test-resources); run the tests through Maven.");
        }
    }

    /** Runs {@code node script argsJson} in {@link #DIR}; stderr goes to {@code ARTEFACTS/<script>.log}. */
    public static JsonNode run(String script, Object args, Duration timeout) {
        try {
            Files.createDirectories(ARTEFACTS);
            String json = new ObjectMapper().writeValueAsString(args);
            String out = runIn(DIR, ARTEFACTS.resolve(script + ".log"), timeout, "node", script, json);
            return new ObjectMapper().readTree(out);
        } catch (IOException e) {
            throw new AssertionError("could not run or read " + script, e);
        }
    }

    private static String run(Duration timeout, String... command) {
        try {
            return runIn(Path.of("."), null, timeout, command);
        } catch (IOException e) {
            throw new AssertionError("`" + String.join(" ", command) + "` could not run: is Node.js installed ("
                    + "`node` on the PATH)? The page tests need it to drive Chromium with playwright-core.", e);
        }
    }

    private static String runIn(Path dir, Path log, Duration timeout, String... command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.redirectError(log == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(log.toFile()));
        Process p = pb.start();
        // Read while it runs: a JSON answer larger than the pipe's buffer would otherwise block the script.
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> {
            try {
                p.getInputStream().transferTo(stdout);
            } catch (IOException ignored) {
                // the process was killed; the timeout below reports it
            }
        }, "browser-script-stdout");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError("`" + String.join(" ", command) + "` did not finish within " + timeout
                        + (log == null ? "" : "; see " + log.toAbsolutePath()));
            }
            reader.join(10_000);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        if (p.exitValue() != 0) {
            throw new AssertionError("`" + command[0] + " " + command[1] + "` exited with " + p.exitValue()
                    + (log == null ? "" : "; see " + log.toAbsolutePath()));
        }
        return stdout.toString(StandardCharsets.UTF_8);
    }
}
