package com.kggateway.ner.gen;

import com.kggateway.ner.data.TaggedSentence;
import com.kggateway.ner.eval.BioDecoder;
import com.kggateway.ner.eval.Span;
import com.kggateway.ner.features.TagSet;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProductDescriptionGeneratorTest {

    @Test
    void sameSeedSameData() {
        List<TaggedSentence> a = new ProductDescriptionGenerator(5, false).generate(50, "x");
        List<TaggedSentence> b = new ProductDescriptionGenerator(5, false).generate(50, "x");
        assertEquals(a, b);
        assertNotEquals(a, new ProductDescriptionGenerator(6, false).generate(50, "x"));
    }

    @Test
    void usesOnlyTheTenTypesAndValidBio() {
        for (TaggedSentence s : new ProductDescriptionGenerator(3, false).generate(500, "x")) {
            for (String t : s.tags()) {
                assertTrue(t.equals("O") || TagSet.STANDARD_TYPES.contains(t.substring(2)), t);
            }
            assertFalse(s.tags().get(0).startsWith("I-"), "no entity starts with I-");
        }
    }

    @Test
    void heldOutVocabularyNeverAppearsInTrainingEntities() {
        Set<String> trainingEntities = new HashSet<>();
        for (TaggedSentence s : new ProductDescriptionGenerator(11, false).generate(5000, "x")) {
            for (Span sp : BioDecoder.spans(s.tags())) {
                trainingEntities.add(sp.type() + ":" + String.join(" ", s.words().subList(sp.start(), sp.end())).toLowerCase(Locale.ROOT));
            }
        }
        int heldOutChecked = 0;
        for (Family f : Lexicon.FAMILIES) {
            for (Map.Entry<String, List<String>> slot : f.slots().entrySet()) {
                for (String phrase : slot.getValue()) {
                    if (VocabularySplit.isHeldOut(phrase)) {
                        heldOutChecked++;
                        assertFalse(trainingEntities.contains(slot.getKey() + ":" + phrase.toLowerCase(Locale.ROOT)),
                                "held-out phrase seen in training: " + phrase);
                    }
                }
            }
        }
        assertTrue(heldOutChecked > 100, "a real share of the lexicon is held out: " + heldOutChecked);
        // and the held-out split really uses them
        long heldOutHits = new ProductDescriptionGenerator(12, true).generate(500, "h").stream()
                .flatMap(s -> BioDecoder.spans(s.tags()).stream()
                        .map(sp -> String.join(" ", s.words().subList(sp.start(), sp.end()))))
                .filter(VocabularySplit::isHeldOut).count();
        assertTrue(heldOutHits > 200, "held-out split uses held-out phrases: " + heldOutHits);
    }

    @Test
    void someDescriptionsAreLongerThanTheModelWindow() {
        long longOnes = new ProductDescriptionGenerator(13, false).generate(2000, "x").stream()
                .filter(s -> s.words().size() > 45).count();
        assertTrue(longOnes > 10, "long descriptions exist: " + longOnes);
    }
}
