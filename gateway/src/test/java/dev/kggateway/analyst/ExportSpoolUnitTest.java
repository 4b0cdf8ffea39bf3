package dev.kggateway.analyst;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.RDFWriter;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The export spool on a real filesystem: what is written is what is read back and the file goes on close; a spool
 * that would leave less than its floor free stops with {@link ExportSpool.NoRoom} (also when the writer is RDF4J's,
 * which wraps it) and leaves no file; leftovers of an earlier run are removed.
 */
class ExportSpoolUnitTest {

    @TempDir
    Path dir;

    @Test
    void spoolsReadsBackAndDeletesOnClose() throws IOException {
        byte[] data = new byte[3 << 20];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31);
        }
        ExportSpool spool = ExportSpool.write(dir, 0, out -> out.write(data));
        assertEquals(data.length, spool.size());
        try (InputStream in = spool.open()) {
            assertArrayEquals(data, in.readAllBytes());
        }
        spool.close();
        assertEquals(0, files());
    }

    @Test
    void refusedAtOnceBelowTheFloor() throws IOException {
        long free = Files.getFileStore(dir).getUsableSpace();
        ExportSpool.NoRoom e = assertThrows(ExportSpool.NoRoom.class,
                () -> ExportSpool.write(dir, free + (1L << 40), out -> out.write(1)));
        assertTrue(e.getMessage().contains("not enough disk for the export's spool"), e.getMessage());
        assertEquals(0, files());
    }

    @Test
    void stopsMidWayWhenTheFloorIsReachedAndLeavesNoFile() throws IOException {
        // Room for the first free-space check (at start) but not for the next one, CHECK_EVERY bytes later: the floor
        // is what is free now minus half a check's worth. RDF4J's writer wraps the IOException; it comes out as NoRoom.
        long floor = Files.getFileStore(dir).getUsableSpace() - ExportSpool.CHECK_EVERY / 2;
        var vf = SimpleValueFactory.getInstance();
        String padding = "y".repeat(500);
        assertThrows(ExportSpool.NoRoom.class, () -> ExportSpool.write(dir, floor, out -> {
            var text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            RDFWriter writer = Rio.createWriter(RDFFormat.NQUADS, text);
            writer.startRDF();
            for (int i = 0; i < 100_000; i++) { // about 55 MB: several checks
                writer.handleStatement(vf.createStatement(vf.createIRI("urn:s:" + i), vf.createIRI("urn:p"),
                        vf.createLiteral(padding)));
            }
            writer.endRDF();
            text.flush();
        }));
        assertEquals(0, files());
    }

    @Test
    void leftoversOfAnEarlierRunAreRemoved() throws IOException {
        Files.writeString(dir.resolve("export-1.spool"), "partial");
        Files.writeString(dir.resolve("keep.txt"), "not a spool");
        assertEquals(1, ExportSpool.removeLeftovers(dir));
        assertEquals(1, files());
        assertEquals(0, ExportSpool.removeLeftovers(dir.resolve("absent")));
    }

    long files() throws IOException {
        try (var list = Files.list(dir)) {
            return list.count();
        }
    }
}
