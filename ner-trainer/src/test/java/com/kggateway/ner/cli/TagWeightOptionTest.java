package com.kggateway.ner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.kggateway.ner.data.NerCsv;
import com.kggateway.ner.gen.ProductDescriptionGenerator;
import dev.kggateway.ner.contract.ModelFolderFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `train --tag-weight TYPE=W`: validated, fed to the loss (the trained weights change) and recorded in the manifest. */
class TagWeightOptionTest {

    @Test
    void specsAreParsedAndBadOnesRefused() {
        assertEquals(Map.of("series", 2f, "brand", 0.5f), TrainCommand.parseTagWeights(List.of("series=2", "brand=0.5")));
        for (String bad : List.of("series=0", "series=-1", "series=NaN", "series=Infinity", "series", "=2", "series=",
                "series=two")) {
            assertThrows(IllegalArgumentException.class, () -> TrainCommand.parseTagWeights(List.of(bad)), bad);
        }
        assertThrows(IllegalArgumentException.class,
                () -> TrainCommand.parseTagWeights(List.of("series=2", "series=3")), "a type given twice");
    }

    @Test
    void theOptionChangesTheTrainedModelAndIsRecorded(@TempDir Path dir) throws Exception {
        NerCsv.write(new ProductDescriptionGenerator(11, false).generate(80, "t"), dir.resolve("train.csv"));
        NerCsv.write(new ProductDescriptionGenerator(12, false).generate(20, "v"), dir.resolve("val.csv"));
        String[] common = {"train", "--train", dir.resolve("train.csv").toString(), "--val", dir.resolve("val.csv").toString(),
                "--hidden", "32", "--layers", "1", "--heads", "2", "--ff", "64", "--vocab-size", "400",
                "--batch-size", "8", "--threads", "1", "--epochs", "1", "--lr", "8e-3", "--seed", "5"};
        Path plain = dir.resolve("plain");
        Path weighted = dir.resolve("weighted");
        assertEquals(0, FineTuneEndToEndTest.run(concat(common, "--out", plain.toString())));
        assertEquals(0, FineTuneEndToEndTest.run(concat(common, "--out", weighted.toString(), "--tag-weight", "series=2",
                "--tag-weight", "brand=3")));
        JsonNode w = ModelFolderFiles.readJson(weighted.resolve("manifest.json")).path("options").path("tagWeights");
        assertEquals(2.0, w.path("series").asDouble());
        assertEquals(3.0, w.path("brand").asDouble());
        assertEquals(2, w.size());
        assertEquals(0, ModelFolderFiles.readJson(plain.resolve("manifest.json")).path("options").path("tagWeights").size());
        // same seed, data and options but the weights: the trained variables must differ
        assertFalse(java.util.Arrays.equals(
                Files.readAllBytes(plain.resolve("variables/variables.data-00000-of-00001")),
                Files.readAllBytes(weighted.resolve("variables/variables.data-00000-of-00001"))));

        // refused before training: unknown type, bad weight
        assertNotEquals(0, FineTuneEndToEndTest.run(concat(common, "--out", dir.resolve("x").toString(),
                "--tag-weight", "colour=2")));
        assertNotEquals(0, FineTuneEndToEndTest.run(concat(common, "--out", dir.resolve("y").toString(),
                "--tag-weight", "series=0")));
        assertFalse(Files.exists(dir.resolve("x").resolve("manifest.json")));
        assertTrue(Files.exists(plain.resolve("manifest.json")));
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
