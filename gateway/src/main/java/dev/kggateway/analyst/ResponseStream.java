package dev.kggateway.analyst;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An OutputStream over a chunked Vert.x response, for a worker thread that produces a large body: writes go out in
 * 64 KiB chunks, and the writer waits while Vert.x's write queue is full, so memory stays bounded however slowly
 * the client reads. A closed connection ends the writer with an IOException.
 */
final class ResponseStream extends OutputStream {

    private static final int CHUNK = 1 << 16;
    /** A client that reads nothing for this long is given up on. */
    private static final long STALL_SECONDS = 120;

    private final HttpServerResponse response;
    private final byte[] buffer = new byte[CHUNK];
    private int used;
    private volatile boolean closedByPeer;

    ResponseStream(HttpServerResponse response) {
        this.response = response;
        response.setChunked(true);
        response.closeHandler(v -> closedByPeer = true);
    }

    @Override
    public void write(int b) throws IOException {
        if (used == CHUNK) {
            flush();
        }
        buffer[used++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (used == CHUNK) {
                flush();
            }
            int n = Math.min(len, CHUNK - used);
            System.arraycopy(b, off, buffer, used, n);
            used += n;
            off += n;
            len -= n;
        }
    }

    @Override
    public void flush() throws IOException {
        if (used == 0) {
            return;
        }
        awaitRoom();
        response.write(Buffer.buffer(Arrays.copyOf(buffer, used)));
        used = 0;
    }

    private void awaitRoom() throws IOException {
        if (closedByPeer) {
            throw new IOException("client closed the connection");
        }
        if (!response.writeQueueFull()) {
            return;
        }
        CountDownLatch drained = new CountDownLatch(1);
        response.drainHandler(v -> drained.countDown());
        try {
            // Re-check: the queue may have drained before the handler was set.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STALL_SECONDS);
            while (response.writeQueueFull() && !closedByPeer) {
                if (drained.await(1, TimeUnit.SECONDS)) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException("client stopped reading");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the client was reading");
        }
        if (closedByPeer) {
            throw new IOException("client closed the connection");
        }
    }

    /** Sends what is buffered and ends the response. */
    @Override
    public void close() throws IOException {
        flush();
        response.end();
    }
}
