package dev.kggateway.quality;

import static dev.kggateway.support.Fixture.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kggateway.cli.EvaluateNerCommand;
import dev.kggateway.ingest.EnrichmentThreshold;
import dev.kggateway.ner.contract.EntityMetrics;
import dev.kggateway.support.Gql;
import dev.kggateway.support.ModelProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * evaluate-ner on a tiny hand-labelled CSV with the real model: its counts equal what a client computes itself from
 * extractProperties over HTTP against the gold (type, value) pairs written out by hand.
 */
@QuarkusTest
@TestProfile(ModelProfile.class)
class EvaluateNerTest {

    static final String CSV = """
            Sentence #,Word,Tag
            Sentence: 1,General,B-type
            ,Purpose,I-type
            ,Couplings,B-product
            ,with,O
            ,"valve,",B-addon
            ,PMC,B-series
            ,"Series,",I-series
            ,"Acetal,",B-material
            ,1/4,B-size
            ,in.,I-size
            ,hose,B-addon
            ,barb,I-addon
            Sentence: 2,Amber,B-color
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
            Sentence: 3,Potassium,B-product
            ,Permanganate,I-product
            ,"Crystals,",B-type
            ,ACS,B-grade
            ,Reagent,I-grade
            """;

    /** The gold values of CSV, written out by hand. */
    static final List<List<String>> GOLD = List.of(
            List.of("type=general purpose", "product=couplings", "addon=valve", "series=pmc series", "material=acetal",
                    "size=1/4 in.", "addon=hose barb"),
            List.of("color=amber", "material=borosilicate glass", "product=media bottles", "addon=screw cap",
                    "size=500 ml", "series=pyrex"),
            List.of("product=potassium permanganate", "type=crystals", "grade=acs reagent"));

    @Inject
    ExtractionEvaluation evaluation;

    @Inject
    EvaluateNerCommand command;

    @Test
    void countsEqualAClientsOwnScoringOfExtractPropertiesAndTheCommandPrintsThem() throws Exception {
        Path csv = Files.createTempFile("tiny-dev", ".csv");
        Files.writeString(csv, CSV);
        ExtractionEvaluation.Result result = evaluation.run(SeedCsv.read(csv), null);
        assertEquals(3, result.sentences());
        // per type: the shipped manifest holds series at its own threshold (calibration.minConfidenceByType)
        EnrichmentThreshold.Threshold threshold = result.threshold();
        EntityMetrics.Counts micro = result.sweep().at(threshold::of).micro();

        int tp = 0;
        int predicted = 0;
        int gold = 0;
        String[] texts = { "General Purpose Couplings with valve, PMC Series, Acetal, 1/4 in. hose barb",
                "Amber borosilicate glass media bottles with screw cap, 500 mL, Pyrex",
                "Potassium Permanganate Crystals, ACS Reagent" };
        for (int i = 0; i < texts.length; i++) {
            List<Map<String, Object>> found = Gql.ok("query($t: String!) { extractProperties(text: $t) { type value belowThreshold minConfidence } }",
                    vars("t", texts[i])).getList("data.extractProperties");
            List<String> remaining = new ArrayList<>(GOLD.get(i));
            gold += remaining.size();
            for (Map<String, Object> p : found) {
                assertEquals(threshold.of((String) p.get("type")), ((Number) p.get("minConfidence")).doubleValue(), 1e-12);
                if (!(Boolean) p.get("belowThreshold")) {
                    predicted++;
                    tp += remaining.remove(p.get("type") + "=" + p.get("value")) ? 1 : 0;
                }
            }
        }
        assertEquals(gold, micro.gold, "gold values decoded from the BIO tags");
        assertEquals(predicted, micro.predicted);
        assertEquals(tp, micro.truePositives);
        assertTrue(tp > 0, "the shipped model gets some of the seed example right");

        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            assertEquals(0, command.run(new String[] { "--data", csv.toString(), "--show-errors", "3" }));
        } finally {
            System.setOut(out);
        }
        String report = printed.toString(StandardCharsets.UTF_8);
        assertTrue(report.contains(String.format(Locale.ROOT, "micro: precision %.4f recall %.4f F1 %.4f",
                micro.precision(), micro.recall(), micro.f1())), report);
        assertTrue(report.contains("threshold sweep"), report);
        assertEquals(2, command.run(new String[] { "--data", csv.resolveSibling("missing.csv").toString() }));
        assertEquals(2, command.run(new String[] { "--data", csv.toString(), "--min-confidence", "2" }));
    }
}
