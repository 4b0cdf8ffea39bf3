package com.kggateway.ner.gen;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One product family (tubes, gloves, ...): the phrases each entity slot can take for it, so that generated
 * descriptions stay realistic ("nitrile" gloves, "0.22 µm" filters). Size phrases are produced by
 * {@link SizeFormats} from the family's size kinds.
 */
record Family(String name, Map<String, List<String>> slots, List<String> sizeKinds) {

    static Family of(String name, List<String> sizeKinds, String... slotSpecs) {
        Map<String, List<String>> slots = new LinkedHashMap<>();
        for (String spec : slotSpecs) {
            int colon = spec.indexOf(':');
            slots.put(spec.substring(0, colon).trim(), List.of(spec.substring(colon + 1).trim().split("\\s*\\|\\s*")));
        }
        return new Family(name, slots, sizeKinds);
    }
}
