package dev.kggateway.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Records every log record of the JVM (Quarkus tests run the application in the test's JVM) from {@link #start()}
 * until {@link #close()}, so a test can assert what the server logged: no stack trace for a client error, one
 * line for an internal error, no Vert.x blocked-thread warning.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private LogCapture() {
        setLevel(Level.ALL);
    }

    public static LogCapture start() {
        LogCapture capture = new LogCapture();
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    public List<LogRecord> records() {
        return List.copyOf(records);
    }

    /** Records at WARNING or above that carry a stack trace. */
    public List<LogRecord> stackTraces() {
        return records.stream().filter(r -> r.getThrown() != null && r.getLevel().intValue() >= Level.WARNING.intValue())
                .toList();
    }

    /** Vert.x's "Thread ... has been blocked for ... ms" warnings. */
    public List<LogRecord> blockedThreads() {
        return records.stream().filter(r -> String.valueOf(r.getLoggerName()).contains("BlockedThreadChecker")
                || String.valueOf(r.getMessage()).contains("has been blocked for")).toList();
    }

    public static String describe(List<LogRecord> records) {
        StringBuilder b = new StringBuilder();
        for (LogRecord r : records) {
            b.append(r.getLevel()).append(' ').append(r.getLoggerName()).append(": ").append(r.getMessage());
            if (r.getThrown() != null) {
                b.append(" [").append(r.getThrown()).append(']');
            }
            b.append('\n');
        }
        return b.toString();
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
