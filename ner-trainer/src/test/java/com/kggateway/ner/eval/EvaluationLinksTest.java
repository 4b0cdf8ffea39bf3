package com.kggateway.ner.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.kggateway.ner.data.TaggedSentence;
import dev.kggateway.ner.contract.BioDecoder;
import dev.kggateway.ner.contract.Decoding;
import dev.kggateway.ner.contract.Entity;
import dev.kggateway.ner.contract.EntityMetrics;
import dev.kggateway.ner.contract.LabelledText;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The (type, value) scores count what the gateway's extractProperties returns for the same predictions: one link per
 * (type, value) and no function-word value (dev-set lines 22 and 241, where evaluate counted 1,383 links at
 * confidence 0 and the gateway returned 1,380); exact-span scores still count every predicted span.
 */
class EvaluationLinksTest {

    private static Evaluation.Sentence sentence(List<String> words, List<String> gold, List<String> predicted,
            double... confidence) {
        TaggedSentence source = new TaggedSentence("s", words, gold);
        LabelledText text = source.labelled();
        List<Entity> entities = BioDecoder.entities(text.text(), text.words(), predicted, confidence);
        return new Evaluation.Sentence(source, text, BioDecoder.gold(text), entities, predicted, null);
    }

    @Test
    void valueScoresCountTheGatewaysLinksAndSpanScoresEverySpan() {
        Evaluation e = Evaluation.of(List.of(
                sentence(List.of("Copper", "Metal", "Sheet", "12\"", "x", "12\""),
                        List.of("B-product", "I-product", "I-product", "B-size", "I-size", "I-size"),
                        List.of("B-product", "I-product", "I-product", "B-size", "O", "B-size"),
                        0.8, 0.8, 0.8, 0.95, 0.99, 0.99),
                sentence(List.of("Gloves,", "AS", "NZ", "Standard,", "Blue"),
                        List.of("B-product", "B-grade", "I-grade", "I-grade", "B-color"),
                        List.of("B-product", "B-material", "B-grade", "I-grade", "B-color"),
                        0.9, 0.97, 0.6, 0.6, 0.99)), Decoding.ARGMAX);

        EntityMetrics values = e.values(0.0);
        // product, size 12" once (not twice), product, grade "nz standard", color; material "as" is no link
        assertEquals(5, values.micro().predicted);
        assertEquals(3, values.micro().truePositives);
        EntityMetrics valuesAtThreshold = e.values(0.96);
        assertEquals(2, valuesAtThreshold.micro().predicted, "12\" at its best confidence 0.99, blue");

        EntityMetrics spans = e.spans(0.0);
        assertEquals(7, spans.micro().predicted, "every predicted span, the function-word one included");
    }
}
