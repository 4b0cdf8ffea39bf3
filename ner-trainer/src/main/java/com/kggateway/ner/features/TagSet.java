package com.kggateway.ner.features;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.kggateway.ner.data.TaggedSentence;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The tag vocabulary: "O" = 0, then B-/I- pairs for each entity type, the ten standard types first in their
 * canonical order, then any extra types found in a user's CSV alphabetically.
 */
public final class TagSet {
    public static final List<String> STANDARD_TYPES = List.of(
            "product", "type", "addon", "material", "color", "size", "quantity", "brand", "series", "grade");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final List<String> tags;
    private final Map<String, Integer> ids = new HashMap<>();

    public TagSet(List<String> tags) {
        if (tags.isEmpty() || !"O".equals(tags.get(0))) {
            throw new IllegalArgumentException("tag 0 must be O");
        }
        this.tags = List.copyOf(tags);
        for (int i = 0; i < tags.size(); i++) {
            ids.put(tags.get(i), i);
        }
    }

    /** Standard types plus every type appearing in the data. */
    public static TagSet from(Collection<List<TaggedSentence>> datasets) {
        TreeSet<String> extra = new TreeSet<>();
        for (List<TaggedSentence> data : datasets) {
            for (TaggedSentence s : data) {
                for (String t : s.tags()) {
                    if (!"O".equals(t)) {
                        String type = t.substring(2);
                        if (!STANDARD_TYPES.contains(type)) {
                            extra.add(type);
                        }
                    }
                }
            }
        }
        List<String> tags = new ArrayList<>();
        tags.add("O");
        List<String> types = new ArrayList<>(STANDARD_TYPES);
        types.addAll(extra);
        for (String type : types) {
            tags.add("B-" + type);
            tags.add("I-" + type);
        }
        return new TagSet(tags);
    }

    public int size() {
        return tags.size();
    }

    public int id(String tag) {
        Integer id = ids.get(tag);
        if (id == null) {
            throw new IllegalArgumentException("unknown tag " + tag);
        }
        return id;
    }

    public String tag(int id) {
        return tags.get(id);
    }

    public List<String> tags() {
        return tags;
    }

    /** Seed format: {"0":"O","1":"B-product",...} and {"O":0,...}. */
    public void write(Path int2tag, Path tag2int) throws IOException {
        Map<String, String> i2t = new LinkedHashMap<>();
        Map<String, Integer> t2i = new LinkedHashMap<>();
        for (int i = 0; i < tags.size(); i++) {
            i2t.put(Integer.toString(i), tags.get(i));
            t2i.put(tags.get(i), i);
        }
        JSON.writeValue(int2tag.toFile(), i2t);
        JSON.writeValue(tag2int.toFile(), t2i);
    }

    public static TagSet read(Path int2tag) throws IOException {
        Map<String, String> i2t = JSON.readValue(int2tag.toFile(),
                JSON.getTypeFactory().constructMapType(TreeMap.class, String.class, String.class));
        String[] tags = new String[i2t.size()];
        i2t.forEach((k, v) -> tags[Integer.parseInt(k)] = v);
        return new TagSet(List.of(tags));
    }
}
