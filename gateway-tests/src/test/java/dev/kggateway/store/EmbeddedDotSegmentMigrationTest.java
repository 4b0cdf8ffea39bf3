package dev.kggateway.store;

import static dev.kggateway.support.Fixture.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kggateway.support.Gql;
import dev.kggateway.support.WritableStoreProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.junit.jupiter.api.Test;

/** An embedded store holding nodes with the old dot-segment IRIs is repaired by the start-up migration. */
@QuarkusTest
@TestProfile(WritableStoreProfile.class)
class EmbeddedDotSegmentMigrationTest {

    @Inject
    GraphStore store;

    @Inject
    Iris iris;

    @Inject
    DotSegmentIriMigration migration;

    @Test
    void legacyDotSegmentNodesAreRenamedAndReadableAgain() {
        // Values "." and ".." can no longer be written through the API (no letter or digit), so the product is
        // written with stand-in values, which are then turned into what an older version left: value literals "."
        // and "..", node IRIs ending in "/." and "/..".
        Map<String, Object> input = vars("id", "MIG-DOT1", "name", "Dots", "enrich", false, "properties",
                List.of(vars("type", "size", "value", "stand-in-dot"), vars("type", "size", "value", "stand-in-dotdot"),
                        vars("type", "size", "value", "10 ml")));
        Gql.ok("mutation($input: ProductInput!) { addProduct(input: $input) { id } }", vars("input", input));
        var vf = SimpleValueFactory.getInstance();
        IRI standInDot = iris.property("size", "stand-in-dot");
        IRI standInDotDot = iris.property("size", "stand-in-dotdot");
        store.update("test-legacy-dot-values", "PREFIX kg: <" + Vocab.NS + ">\n"
                + "DELETE { GRAPH ?g { ?n kg:propertyValue ?old } } INSERT { GRAPH ?g { ?n kg:propertyValue ?new } }\n"
                + "WHERE { VALUES (?n ?new) { (<" + standInDot + "> \".\") (<" + standInDotDot + "> \"..\") }\n"
                + "  GRAPH ?g { ?n kg:propertyValue ?old } }");
        IRI dot = iris.property("size", ".");
        IRI dotDot = iris.property("size", "..");
        IRI legacyDot = vf.createIRI(dot.stringValue().replace("/!.", "/."));
        IRI legacyDotDot = vf.createIRI(dotDot.stringValue().replace("/!..", "/.."));
        assertTrue(store.renameEmbedded(iris.catalogGraph(), Map.of(standInDot, legacyDot, standInDotDot, legacyDotDot)) > 0);
        assertEquals(0, store.renameEmbedded(iris.catalogGraph(), Map.of(standInDot, legacyDot)), "nothing left to rename");

        assertTrue(migration.migrate() >= 6, "type, value, typeIri and link statements of two nodes");
        assertEquals(0, migration.migrate(), "idempotent");

        var read = Gql.ok("{ product(id: \"MIG-DOT1\") { properties { value property { id } } } }");
        assertEquals(List.of("size/!.", "size/!..", "size/10%20ml"),
                read.<String>getList("data.product.properties.property.id").stream().sorted().toList());
        assertTrue(Gql.ok("{ property(id: \"size/!..\") { products(first: 100) { edges { node { id } } } } }")
                .<String>getList("data.property.products.edges.node.id").contains("MIG-DOT1"));
    }
}
