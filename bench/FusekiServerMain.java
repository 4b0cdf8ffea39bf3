import java.util.logging.Level;
import org.apache.jena.fuseki.main.FusekiServer;
import org.jboss.logmanager.LogContext;
import org.apache.jena.sparql.core.DatasetGraphFactory;

/**
 * A Fuseki server for benchmarks, from the Jena the gateway's tests use: one in-memory transactional dataset at
 * /kg with update enabled, on the given port, until killed. Run with the gateway's test classpath
 * (bench/similarity-remote.sh).
 */
public class FusekiServerMain {
    public static void main(String[] args) {
        quietLogging();
        int port = Integer.parseInt(args[0]);
        FusekiServer.create().port(port).loopback(true).add("/kg", DatasetGraphFactory.createTxnMem(), true)
                .build().start().join();
    }

    /**
     * The gateway's test classpath binds SLF4J to JBoss LogManager, which this plain JVM leaves unconfigured with
     * every level enabled: Jetty and Fuseki then format DEBUG messages for every request and drop them. That was
     * ~60 % of Fuseki's CPU samples for an `ASK {}` (BENCHMARKS "Remote store: where a request's time goes"), a
     * cost a Fuseki deployment (log4j2, INFO) does not pay. INFO, as Fuseki's own distribution logs.
     */
    static void quietLogging() {
        LogContext.getLogContext().getLogger("").setLevel(Level.INFO);
    }
}
