package dev.kggateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kggateway.config.KgConfig;
import dev.kggateway.support.KgConfigKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.repository.Repository;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.sail.SailRepository;
import org.junit.jupiter.api.Test;

/**
 * {@code kg.store.lmdb.read-ahead=false}: the embedded LMDB store's memory maps advised random access (no kernel
 * read-ahead; BENCHMARKS "RSS at BSBM 100k, perf19"), read back from the kernel: {@code rr} in the maps' {@code VmFlags}
 * of {@code /proc/self/smaps}. The default leaves them as RDF4J made them.
 */
class LmdbReadaheadTest {

    @Test
    void adviceReachesBothMapsAndTheStoreStillReadsAndWrites() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/smaps")), "Linux only");
        Path dir = Files.createTempDirectory(Path.of("target"), "lmdb-readahead-");
        SailRepository repository = new SailRepository(EmbeddedRepositoryFactory.sail(KgConfig.EmbeddedEngine.LMDB,
                dir.toFile(), "spoc,posc", false, 1L << 30, LmdbCacheSizes.RDF4J_DEFAULTS));
        repository.init();
        try {
            Map<String, String> before = flagsOfDataFiles(dir);
            assertEquals(2, before.size(), "both environments mapped: " + before);
            before.values().forEach(flags -> assertFalse(flags.contains(" rr"), "RDF4J maps with read-ahead: " + flags));

            assertEquals(0, LmdbReadahead.apply(dir, true), "read-ahead on (the default): the maps as RDF4J made them");
            flagsOfDataFiles(dir).values().forEach(flags -> assertFalse(flags.contains(" rr"), flags));

            assertEquals(2, LmdbReadahead.apply(dir, false));

            Map<String, String> after = flagsOfDataFiles(dir);
            assertEquals(before.keySet(), after.keySet());
            after.values().forEach(flags -> assertTrue(flags.contains(" rr"), "advised random: " + flags));
            var vf = SimpleValueFactory.getInstance();
            try (RepositoryConnection c = repository.getConnection()) {
                c.add(vf.createIRI("urn:p:1"), vf.createIRI("urn:v"), vf.createLiteral("x"));
            }
            try (RepositoryConnection c = repository.getConnection()) {
                assertTrue(c.hasStatement(vf.createIRI("urn:p:1"), vf.createIRI("urn:v"), vf.createLiteral("x"), false));
            }
        } finally {
            repository.shutDown();
        }
    }

    @Test
    void theFactoryAppliesTheSetting() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/smaps")), "Linux only");
        for (String readAhead : new String[] {null, "false"}) {
            Path dir = Files.createTempDirectory(Path.of("target"), "lmdb-readahead-config-");
            Map<String, String> props = new LinkedHashMap<>(Map.of("kg.store.path", dir.toString()));
            if (readAhead != null) {
                props.put("kg.store.lmdb.read-ahead", readAhead);
            }
            Repository repository = new EmbeddedRepositoryFactory().open(KgConfigKeys.mapping(props));
            try {
                Map<String, String> flags = flagsOfDataFiles(dir.resolve("lmdb"));
                assertEquals(2, flags.size(), flags.toString());
                // unset: read-ahead on (no "rr"); false: both maps advised random access
                flags.values().forEach(f -> assertEquals(readAhead != null, f.contains(" rr"), readAhead + ": " + f));
            } finally {
                repository.shutDown();
            }
        }
    }

    @Test
    void mapsLinesAreMatchedByPathOnly() {
        List<String> lines = List.of(
                "7f0074000000-7f0274000000 r--s 00000000 fe:00 1234                       /s/lmdb/triples/data.mdb",
                "7f0274000000-7f0474000000 r--s 00000000 fe:00 1235                       /s/lmdb/values/data.mdb",
                "7f0500000000-7f0500001000 rw-s 00000000 fe:00 1236                       /s/lmdb/triples/lock.mdb",
                "7f0600000000-7f0600021000 rw-p 00000000 00:00 0 ",
                "7f0700000000-7f0700001000 r--s 00000000 fe:00 1237                       /other/lmdb/values/data.mdb");
        List<LmdbReadahead.Mapping> m = LmdbReadahead.mappingsOf(lines,
                List.of("/s/lmdb/values/data.mdb", "/s/lmdb/triples/data.mdb"));
        assertEquals(List.of(new LmdbReadahead.Mapping(0x7f0074000000L, 0x7f0274000000L, "/s/lmdb/triples/data.mdb"),
                new LmdbReadahead.Mapping(0x7f0274000000L, 0x7f0474000000L, "/s/lmdb/values/data.mdb")), m);
    }

    /** VmFlags of each mapping of the store's two environments' data.mdb, by "path@range". */
    static Map<String, String> flagsOfDataFiles(Path lmdbDir) throws IOException {
        String prefix = lmdbDir.toAbsolutePath().normalize().toString();
        Map<String, String> flags = new LinkedHashMap<>();
        String current = null;
        for (String line : Files.readAllLines(Path.of("/proc/self/smaps"))) {
            String[] f = line.split("\\s+", 6);
            if (f.length >= 5 && f[0].matches("[0-9a-f]+-[0-9a-f]+")) {
                String path = f.length == 6 ? f[5].trim() : "";
                // the two environments only: RDF4J also maps temporary ones (set…/data.mdb) in the same folder
                current = path.equals(prefix + "/triples/data.mdb") || path.equals(prefix + "/values/data.mdb")
                        ? path + "@" + f[0] : null;
            } else if (line.startsWith("VmFlags:") && current != null) {
                flags.put(current, line.substring("VmFlags:".length()) + " ");
            }
        }
        return flags;
    }
}
