package dev.kggateway.ner.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PropertyValuesTest {

    @Test
    void aRepeatedValueIsOneLinkWithItsMostConfidentOccurrenceAtTheFirstPlace() {
        // dev-set line 22: the model tags both 12" as sizes; the graph holds one size link "12""
        String text = "Copper Metal Sheet 12\" x 12\"";
        List<Entity> entities = BioDecoder.entities(text, Words.split(text),
                List.of("B-product", "I-product", "I-product", "B-size", "O", "B-size"),
                new double[] {0.8, 0.8, 0.8, 0.95, 0.99, 0.99});
        assertEquals(3, entities.size());
        List<Entity> links = PropertyValues.onePerValue(entities);
        assertEquals(List.of("copper metal sheet", "12\""), links.stream().map(Entity::value).toList());
        assertEquals(0.99, links.get(1).confidence(), 1e-12, "the more confident second mention");
        assertEquals(5, links.get(1).firstWord());
    }

    @Test
    void aTieKeepsTheFirstOccurrence() {
        Entity first = new Entity("grade", 3, 4, 10, 13, "50%", 0.9);
        Entity second = new Entity("grade", 9, 10, 40, 43, "50%", 0.9);
        assertEquals(List.of(first), PropertyValues.onePerValue(List.of(first, second)));
    }

    @Test
    void functionWordsAndOverlongValuesMakeNoLink() {
        assertFalse(PropertyValues.plausible("as"));
        assertFalse(PropertyValues.plausible("of the"));
        assertFalse(PropertyValues.plausible("(with)"));
        assertFalse(PropertyValues.plausible("one two three four five six seven"));
        assertTrue(PropertyValues.plausible("one two three four five six"));
        assertTrue(PropertyValues.plausible("as nz"));
        assertTrue(PropertyValues.plausible("x-ray"));
        // dev-set line 241: "AS" tagged material is shown by neither extractProperties nor the evaluation
        Entity as = new Entity("material", 4, 5, 30, 32, "as", 0.97);
        Entity blue = new Entity("color", 11, 12, 74, 78, "blue", 0.99);
        assertEquals(List.of(blue), PropertyValues.links(List.of(as, blue, blue)));
    }
}
