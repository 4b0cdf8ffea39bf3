package dev.kggateway.store;

import dev.kggateway.domain.PropertyIds;
import dev.kggateway.domain.PropertyNode;
import dev.kggateway.similarity.SimilarityHit;
import dev.kggateway.similarity.SimilarityIndex;
import dev.kggateway.similarity.SimilarityMetric;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.eclipse.rdf4j.query.BindingSet;
import org.eclipse.rdf4j.query.TupleQueryResult;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.sail.SailRepository;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.sail.lmdb.LmdbStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The SPARQL path ({@code similar-products.rq} with each metric's score snippet) ranks and scores as the in-memory
 * {@link SimilarityIndex}, on RDF4J's engine (the embedded LMDB store) and on Jena's (Fuseki's engine), including a
 * tie that only exists after rounding: weights whose sums are equal as doubles (the index) but differ in the 17th
 * digit as exact decimals (SPARQL) — what IDF weights such as ln(N/2)+ln(N/6) versus ln(N/3)+ln(N/4) produce. Both
 * paths round to {@link SimilarityMetric#RANK_DECIMALS} places, so the tie goes to the smaller id on both. A plain
 * unit test: no Quarkus.
 */
class SimilarityPathsAgreeTest {

    private static final Iris IRIS = new Iris("https://data.example.org/kg/");
    private static final PropertyNode A = PropertyIds.node("colour", "red");
    private static final PropertyNode B = PropertyIds.node("material", "oak");
    private static final PropertyNode C = PropertyIds.node("size", "xl");
    private static final PropertyNode D = PropertyIds.node("brand", "acme");
    private static final PropertyNode E = PropertyIds.node("brand", "other");
    /** Product → its nodes: P-1 shares A and D with SOURCE, P-2 shares B and C, P-3 shares A, P-4 shares B, C, D. */
    private static final Map<String, List<PropertyNode>> CATALOGUE = new LinkedHashMap<>();

    static {
        CATALOGUE.put("SOURCE", List.of(A, B, C, D));
        CATALOGUE.put("P-1", List.of(A, D));
        CATALOGUE.put("P-2", List.of(B, C, E));
        CATALOGUE.put("P-3", List.of(A, E));
        CATALOGUE.put("P-4", List.of(B, C, D));
    }

    @TempDir
    Path dir;

    @Test
    void sparqlOnRdf4jAndJenaRanksAsTheIndexForEveryMetric() throws Exception {
        SimilarityRepository sparql = new SimilarityRepository();
        sparql.iris = IRIS;
        String nquads = nquads();
        SimilarityIndex index = new SimilarityIndex();
        CATALOGUE.forEach(index::put);
        Dataset jena = DatasetFactory.create();
        RDFParser.fromString(nquads, Lang.NQUADS).parse(jena);
        SailRepository rdf4j = new SailRepository(new LmdbStore(dir.toFile()));
        try (RepositoryConnection conn = rdf4j.getConnection()) {
            conn.add(new StringReader(nquads), RDFFormat.NQUADS);
            List<Map<PropertyNode, Double>> weightings = new ArrayList<>();
            // 0.1 + 0.2 == 0.15 + 0.15000000000000002 as doubles; as decimals the second sum is larger.
            weightings.add(Map.of(A, 0.1, D, 0.2, B, 0.15, C, 0.15000000000000002));
            for (SimilarityMetric metric : SimilarityMetric.values()) {
                Map<PropertyNode, Double> weights = new LinkedHashMap<>();
                CATALOGUE.get("SOURCE").forEach(n -> weights.put(n,
                        metric.weight(CATALOGUE.size(), (int) CATALOGUE.values().stream().filter(l -> l.contains(n))
                                .count())));
                weightings.add(weights);
            }
            for (SimilarityMetric metric : SimilarityMetric.values()) {
                for (Map<PropertyNode, Double> weights : weightings) {
                    List<SimilarityHit> expected = index.similar("SOURCE", weights, 1, 10, metric, 4);
                    String query = NamedQuery.of("similar-products")
                            .render(sparql.similarArgs("SOURCE", weights, 1, 10, metric, 4));
                    String what = metric + " " + weights;
                    assertEquals(ranking(expected), rdf4j(conn, sparql, query), "RDF4J " + what);
                    assertEquals(ranking(expected), jena(jena, query), "Jena " + what);
                }
            }
            assertEquals(List.of("P-4 0.5", "P-1 0.3", "P-2 0.3", "P-3 0.1"),
                    ranking(index.similar("SOURCE", weightings.get(0), 1, 10, SimilarityMetric.SHARED_COUNT, 4)),
                    "the tie the test is about: equal after rounding, so the smaller id first");
        } finally {
            rdf4j.shutDown();
        }
    }

    private static String nquads() {
        StringBuilder out = new StringBuilder();
        String graph = "<" + IRIS.catalogGraph() + ">";
        CATALOGUE.forEach((id, nodes) -> {
            String product = "<" + IRIS.product(id) + ">";
            out.append(product).append(" <").append(Vocab.PROPERTY_COUNT).append("> \"").append(nodes.size())
                    .append("\"^^<http://www.w3.org/2001/XMLSchema#integer> ").append(graph).append(" .\n");
            nodes.forEach(n -> out.append(product).append(" <").append(Vocab.HAS_PROPERTY).append("> <")
                    .append(IRIS.property(n)).append("> ").append(graph).append(" .\n"));
        });
        return out.toString();
    }

    private static List<String> ranking(List<SimilarityHit> hits) {
        return hits.stream().map(h -> h.productId() + " " + h.score()).toList();
    }

    private static List<String> rdf4j(RepositoryConnection conn, SimilarityRepository sparql, String query) {
        List<SimilarityHit> hits = new ArrayList<>();
        try (TupleQueryResult rows = conn.prepareTupleQuery(query).evaluate()) {
            for (BindingSet row : rows) {
                hits.add(sparql.hit(row));
            }
        }
        return ranking(hits);
    }

    private static List<String> jena(Dataset dataset, String query) {
        List<String> ranking = new ArrayList<>();
        try (QueryExecution exec = QueryExecution.dataset(dataset).query(query).build()) {
            ResultSet rows = exec.execSelect();
            while (rows.hasNext()) {
                QuerySolution row = rows.next();
                ranking.add(IRIS.productId(row.getResource("other").getURI()) + " "
                        + Double.parseDouble(row.getLiteral("score").getLexicalForm()));
            }
        }
        return ranking;
    }
}
