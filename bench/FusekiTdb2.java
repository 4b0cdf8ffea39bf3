import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.tdb2.TDB2Factory;

/**
 * Jena Fuseki over a TDB2 folder, query and update enabled, for bench/bsbm-stores.sh: started through Fuseki's API
 * rather than its command line, which needs the log4j backend the gateway's test classpath leaves out.
 *   java -cp GATEWAY_TEST_CLASSPATH bench/FusekiTdb2.java TDB2_DIR PORT   (serves /kg)
 */
public class FusekiTdb2 {
    public static void main(String[] args) {
        FusekiServer.create().port(Integer.parseInt(args[1]))
                .add("/kg", TDB2Factory.connectDataset(args[0]), true)
                .build().start().join();
    }
}
