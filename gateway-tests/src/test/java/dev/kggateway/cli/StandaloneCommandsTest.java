package dev.kggateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kggateway.support.Gql;
import dev.kggateway.support.ModelProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code evaluate-ner --url} runs before (without) the application, on a plain command instance: scored against
 * this test's gateway (real model) over HTTP, it reports the same micro P/R/F1 as the in-process evaluation.
 */
@QuarkusTest
@TestProfile(ModelProfile.class)
class StandaloneCommandsTest {

    static final String CSV = """
            Sentence #,Word,Tag
            Sentence: 1,Amber,B-color
            ,borosilicate,B-material
            ,glass,I-material
            ,media,B-product
            ,bottles,I-product
            ,with,O
            ,screw,B-addon
            ,"cap,",I-addon
            ,500,B-size
            ,"mL,",I-size
            ,Pyrex,B-series
            Sentence: 2,Potassium,B-product
            ,Permanganate,I-product
            ,"Crystals,",B-type
            ,ACS,B-grade
            ,Reagent,I-grade
            """;

    @jakarta.inject.Inject
    EvaluateNerCommand inProcess;

    @Test
    void evaluateNerWithUrlRunsWithoutTheApplicationAndAgreesWithInProcess() throws Exception {
        Path csv = Files.createTempFile("standalone-eval", ".csv");
        Files.writeString(csv, CSV);
        String url = Gql.uri("/graphql").toString();
        String remote = printed(() -> Commands.runWithoutApplication(
                new String[] { "evaluate-ner", "--data", csv.toString(), "--url", url }));
        String local = printed(() -> inProcess.run(new String[] { "--data", csv.toString() }));
        assertTrue(remote.contains("extractProperties at " + url), remote);
        assertEquals(micro(local), micro(remote), remote + "\n---\n" + local);
    }

    private static String micro(String report) {
        Matcher m = Pattern.compile("micro: precision [0-9.]+ recall [0-9.]+ F1 [0-9.]+").matcher(report);
        assertTrue(m.find(), report);
        return m.group();
    }

    private static String printed(Callable<Integer> run) throws Exception {
        PrintStream out = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
            assertEquals(0, run.call());
        } finally {
            System.setOut(out);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
