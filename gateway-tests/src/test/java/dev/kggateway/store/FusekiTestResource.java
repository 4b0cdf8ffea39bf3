package dev.kggateway.store;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;

/**
 * A real Apache Jena Fuseki server, in-process, serving an in-memory transactional dataset with update enabled over
 * HTTP on a free port. Tests may stop it, replace it by a socket that never answers, and start it again on the same
 * port with the same data, to exercise outage and recovery.
 */
public class FusekiTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String DATASET = "/kg";

    private static volatile FusekiTestResource current;

    private final DatasetGraph dataset = DatasetGraphFactory.createTxnMem();
    private int port;
    private FusekiServer server;
    private BlackHole blackHole;

    @Override
    public Map<String, String> start() {
        port = freePort();
        startServer();
        current = this;
        String base = "http://localhost:" + port + DATASET;
        return Map.of(
                "kg.store.kind", "sparql",
                "kg.store.query-endpoint", base + "/query",
                "kg.store.update-endpoint", base + "/update");
    }

    @Override
    public void stop() {
        stopServer();
        closeBlackHole();
        current = null;
    }

    public static FusekiTestResource current() {
        if (current == null) {
            throw new IllegalStateException("Fuseki test resource not started");
        }
        return current;
    }

    public int port() {
        return port;
    }

    public DatasetGraph dataset() {
        return dataset;
    }

    public synchronized void startServer() {
        closeBlackHole();
        server = FusekiServer.create().port(port).loopback(true).add(DATASET, dataset, true).build().start();
    }

    public synchronized void startServerIfStopped() {
        if (server == null) {
            startServer();
        }
    }

    public synchronized void stopServer() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** Stops Fuseki and listens on its port without ever answering: a hung endpoint, for socket timeouts. */
    public synchronized void hang() throws IOException {
        stopServer();
        blackHole = new BlackHole(port);
    }

    /**
     * Connections the hung endpoint has accepted since {@link #hang()}: every store call that reached the store while
     * it hung (a call refused by the bulkhead or an open breaker never connects). -1 when the endpoint is not hung.
     */
    public synchronized int hungConnections() {
        return blackHole == null ? -1 : blackHole.acceptedCount();
    }

    private void closeBlackHole() {
        if (blackHole != null) {
            blackHole.close();
            blackHole = null;
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Accepts connections and reads nothing, answers nothing. */
    static final class BlackHole {
        private final ServerSocket socket;
        private final List<Socket> accepted = new ArrayList<>();
        private final Thread acceptor;

        BlackHole(int port) throws IOException {
            socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket s = socket.accept();
                        synchronized (accepted) {
                            accepted.add(s);
                        }
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "fuseki-black-hole");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int acceptedCount() {
            synchronized (accepted) {
                return accepted.size();
            }
        }

        void close() {
            try {
                socket.close();
                synchronized (accepted) {
                    for (Socket s : accepted) {
                        s.close();
                    }
                }
                acceptor.join(2_000);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
