import java.util.logging.Level;
import org.apache.jena.fuseki.main.FusekiServer;
import org.jboss.logmanager.LogContext;
import org.apache.jena.tdb2.TDB2Factory;

/**
 * Jena Fuseki over a TDB2 folder, query and update enabled, for bench/bsbm-stores.sh: started through Fuseki's API
 * rather than its command line, which needs the log4j backend the gateway's test classpath leaves out.
 *   java -cp GATEWAY_TEST_CLASSPATH bench/FusekiTdb2.java TDB2_DIR PORT   (serves /kg)
 */
public class FusekiTdb2 {
    public static void main(String[] args) {
        quietLogging();
        FusekiServer.create().port(Integer.parseInt(args[1]))
                .add("/kg", TDB2Factory.connectDataset(args[0]), true)
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
