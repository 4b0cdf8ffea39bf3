package dev.kggateway.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a packaged Quarkus app (target/quarkus-app, or the jar named by {@code kg.it.app.jar}) as its own process, as an
 * operator does. Published in the gateway's test-jar (this class only) for the tools app's command-line test.
 */
public final class PackagedApp {

    private PackagedApp() {
    }

    public static Path jar() {
        Path jar = Path.of(System.getProperty("kg.it.app.jar", "target/quarkus-app/quarkus-run.jar"));
        assertTrue(Files.exists(jar), "package the app first (mvn verify does): " + jar);
        return jar;
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** A finished run: exit code, stdout+stderr, wall time. */
    public record Run(int exit, String output, long millis) {
    }

    /**
     * JVM options every packaged app an IT starts gets first (the build sets {@code kg.it.jvm-options}; empty when
     * unset). The ITs' apps are short-lived processes whose time is start-up and class loading, not long-running hot
     * code, so the build runs them C1-only, as the @QuarkusTest JVM: what they assert does not depend on the JIT.
     */
    public static List<String> testJvmOptions() {
        String options = System.getProperty("kg.it.jvm-options", "").strip();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }

    /**
     * The {@code java} command of the JVM running the test, with {@link #testJvmOptions()} and the test JVM's own
     * {@code java.io.tmpdir} (the build points it into target/), so the apps' temp files and extracted natives go
     * where the test's do instead of into /tmp.
     */
    public static List<String> java() {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(testJvmOptions());
        cmd.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
        return cmd;
    }

    public static ProcessBuilder builder(List<String> jvmOptions, List<String> args, Map<String, String> env, Path out) {
        List<String> cmd = java();
        cmd.addAll(jvmOptions);
        cmd.add("-jar");
        cmd.add(jar().toString());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().remove("TF_CPP_MIN_LOG_LEVEL"); // the gateway must quieten TensorFlow by itself
        pb.environment().putAll(env);
        return pb;
    }

    public static Run run(List<String> jvmOptions, List<String> args, Map<String, String> env, long timeoutSeconds)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("kg-it-", ".log");
        try {
            long t0 = System.nanoTime();
            Process p = builder(jvmOptions, args, env, out).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("no exit within " + timeoutSeconds + " s: " + Files.readString(out));
            }
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
