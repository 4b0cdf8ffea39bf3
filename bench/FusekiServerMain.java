import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraphFactory;

/**
 * A Fuseki server for benchmarks, from the Jena the gateway's tests use: one in-memory transactional dataset at
 * /kg with update enabled, on the given port, until killed. Run with the gateway's test classpath
 * (bench/similarity-remote.sh).
 */
public class FusekiServerMain {
    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        FusekiServer.create().port(port).loopback(true).add("/kg", DatasetGraphFactory.createTxnMem(), true)
                .build().start().join();
    }
}
