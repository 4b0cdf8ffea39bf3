package com.kggateway.ner.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kggateway.ner.contract.LexicalClass;
import dev.kggateway.ner.contract.LexicalClassTable;
import dev.kggateway.ner.contract.ModelFolderFiles;
import dev.kggateway.ner.contract.WordFeatures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeatureStatsCommandTest {

    @Test
    void entropyInBits() {
        assertEquals(1.0, FeatureStatsCommand.entropy(Map.of("a", 5, "b", 5)), 1e-9);
        assertEquals(0.0, FeatureStatsCommand.entropy(Map.of("a", 7)), 1e-9);
    }

    @Test
    void aFeatureThatDecidesTheTypeCarriesAllItsInformation(@TempDir Path dir) throws Exception {
        // colours are always color, units always size: the lexical class carries H(type) = 1 bit here
        ObjectNode config = ModelFolderFiles.json().createObjectNode();
        config.set(WordFeatures.CONFIG_KEY, WordFeatures.configEntry());
        ModelFolderFiles.writeJson(dir.resolve(ModelFolderFiles.CONFIG), config);
        new LexicalClassTable(Map.of("white", LexicalClass.COLOR, "ml", LexicalClass.UNIT_OF_MEASURE))
                .write(dir.resolve(LexicalClassTable.FILE));
        Files.writeString(dir.resolve("d.csv"), "Sentence #,Word,Tag\nSentence: 1,white,B-color\n,ml,B-size\n"
                + "Sentence: 2,ml,B-size\n,white,B-color\n,tube,?\n");
        PrintStream out = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true));
        try {
            assertEquals(0, new CommandLine(new NerTrainerCli()).execute("feature-stats", "--model", dir.toString(),
                    "--data", dir.resolve("d.csv").toString()));
        } finally {
            System.setOut(out);
        }
        String report = buffer.toString();
        assertTrue(report.contains("4 words, H(type) = 1.000 bits"), report);
        assertTrue(report.contains("lexical class: information 1.000 bits"), report);
        assertTrue(report.contains("shape: information 0.000 bits"), report);
    }
}
