// Writes an embedded LMDB store's similarity links (kg:hasProperty in the catalogue graph) as bench/SimilarityRankingCpu's
// TSV (product id, then type\x01value per node), read straight from the store's files (no gateway, no bulk-load input
// needed: the BSBM 1M products.jsonl is not kept). Opens the store, so run it on a copy the gateway is not serving.
//   CP="gateway/target/classes:$(ls gateway/target/quarkus-app/lib/main/*.jar | tr '\n' ':')"
//   javac -cp "$CP" -d /tmp/rc bench/SimilarityLinksDump.java && java -Xmx6g -cp "/tmp/rc:$CP" SimilarityLinksDump DIR/data/lmdb OUT.tsv
import dev.kggateway.domain.PropertyNode;
import dev.kggateway.store.Iris;
import dev.kggateway.store.Vocab;
import java.io.*;
import java.nio.charset.StandardCharsets;
import java.util.*;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.repository.RepositoryResult;
import org.eclipse.rdf4j.repository.sail.SailRepository;
import org.eclipse.rdf4j.sail.lmdb.LmdbStore;

public class SimilarityLinksDump {
    public static void main(String[] a) throws Exception {
        Iris iris = new Iris("https://data.kg-gateway.dev/");
        SailRepository repo = new SailRepository(new LmdbStore(new File(a[0])));
        repo.init();
        Map<String, List<String>> links = new LinkedHashMap<>();
        Map<String, String> rows = new HashMap<>();
        long n = 0;
        try (var c = repo.getConnection();
                RepositoryResult<Statement> r = c.getStatements(null, Vocab.HAS_PROPERTY, null, false, iris.catalogGraph())) {
            for (Statement st : r) {
                String product = iris.productId(st.getSubject().stringValue());
                String iri = st.getObject().stringValue();
                String row = rows.get(iri);
                if (row == null) {
                    PropertyNode p = iris.propertyFromIri(iri);
                    rows.put(iri, row = p.type() + "\u0001" + p.value());
                }
                links.computeIfAbsent(product, k -> new ArrayList<>()).add(row);
                n++;
            }
        }
        repo.shutDown();
        try (Writer w = new BufferedWriter(new OutputStreamWriter(new FileOutputStream(a[1]), StandardCharsets.UTF_8), 1 << 20)) {
            for (Map.Entry<String, List<String>> e : links.entrySet()) {
                w.write(e.getKey());
                for (String r : e.getValue()) {
                    w.write('\t');
                    w.write(r);
                }
                w.write('\n');
            }
        }
        System.out.println(links.size() + " products, " + n + " links, " + rows.size() + " nodes");
    }
}
