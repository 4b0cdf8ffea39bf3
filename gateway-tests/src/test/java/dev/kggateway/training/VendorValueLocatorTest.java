package dev.kggateway.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class VendorValueLocatorTest {

    static VendorValueLocator.Value v(String type, String value) {
        return new VendorValueLocator.Value(type, value);
    }

    @Test
    void tagsWholeWordsCaseInsensitivelyWithEdgePunctuationIgnored() {
        VendorValueLocator.Located l = VendorValueLocator.locate(
                "General Purpose Couplings with valve, PMC Series, Acetal, 1/4 in. hose barb",
                List.of(v("material", "acetal"), v("series", "pmc series"), v("size", "1/4 in."), v("color", "white")));
        assertEquals(List.of("General", "Purpose", "Couplings", "with", "valve,", "PMC", "Series,", "Acetal,", "1/4",
                "in.", "hose", "barb"), l.words());
        assertEquals(List.of("?", "?", "?", "?", "?", "B-series", "I-series", "B-material", "B-size", "I-size", "?", "?"),
                l.tags());
        assertEquals(3, l.located());
    }

    @Test
    void partsOfWordsDoNotMatch() {
        VendorValueLocator.Located l = VendorValueLocator.locate("Centrifuge tubes, 50 mL, Single-Use",
                List.of(v("product", "tube"), v("size", "50"), v("type", "single")));
        assertEquals(List.of("?", "?", "B-size", "?", "?"), l.tags());
        assertEquals(1, l.located());
    }

    @Test
    void theLongestMatchWinsOnOverlapAndEveryOccurrenceIsTagged() {
        VendorValueLocator.Located l = VendorValueLocator.locate("Glass beakers (borosilicate glass), glass",
                List.of(v("material", "glass"), v("material", "borosilicate glass"), v("product", "glass beakers")));
        assertEquals(List.of("B-product", "I-product", "B-material", "I-material", "B-material"), l.tags());
        assertEquals(3, l.located());
    }

    @Test
    void nothingLocatedLeavesEveryWordUnknown() {
        VendorValueLocator.Located l = VendorValueLocator.locate("Nitrile exam gloves", List.of(v("color", "blue")));
        assertEquals(List.of("?", "?", "?"), l.tags());
        assertEquals(0, l.located());
    }
}
