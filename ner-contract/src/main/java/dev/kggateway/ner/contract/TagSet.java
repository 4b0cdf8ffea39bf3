package dev.kggateway.ner.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The tag vocabulary: BIO tags over the ten standard entity types (plus any extra type a user's data brings), in
 * the seed's {@code int2tag.json}/{@code tag2int.json} files. {@link #UNKNOWN} ({@code ?}) is a training-data label,
 * never a model output: the word's tag is not known (distant supervision), so it carries no loss. Tags that are
 * not BIO (a seed export's padding tag, say) decode as outside.
 */
public final class TagSet {
    public static final List<String> STANDARD_TYPES = List.of(
            "product", "type", "addon", "material", "color", "size", "quantity", "brand", "series", "grade");
    public static final String OUTSIDE = "O";
    public static final String UNKNOWN = "?";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final List<String> tags;
    private final Map<String, Integer> ids = new HashMap<>();

    public TagSet(List<String> tags) {
        this.tags = List.copyOf(tags);
        for (int i = 0; i < tags.size(); i++) {
            String t = tags.get(i);
            if (t == null || ids.put(t, i) != null) {
                throw new IllegalArgumentException("missing or duplicate tag " + t);
            }
        }
    }

    /** "O" = 0, then B-/I- per type: the standard ten first in canonical order, then extra types alphabetically. */
    public static TagSet forTypes(Collection<String> extraTypes) {
        TreeSet<String> extra = new TreeSet<>(extraTypes);
        extra.removeAll(STANDARD_TYPES);
        List<String> tags = new ArrayList<>();
        tags.add(OUTSIDE);
        List<String> types = new ArrayList<>(STANDARD_TYPES);
        types.addAll(extra);
        for (String type : types) {
            tags.add("B-" + type);
            tags.add("I-" + type);
        }
        return new TagSet(tags);
    }

    public static TagSet standard() {
        return forTypes(List.of());
    }

    /** Entity type of a BIO tag ("B-size" → "size"), or null for O, {@code ?} and anything else. */
    public static String type(String tag) {
        return tag != null && tag.length() > 2 && (tag.charAt(0) == 'B' || tag.charAt(0) == 'I') && tag.charAt(1) == '-'
                ? tag.substring(2) : null;
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

    public boolean contains(String tag) {
        return ids.containsKey(tag);
    }

    public String tag(int id) {
        return tags.get(id);
    }

    /** Id of "O"; a seed export without it decodes every non-BIO tag (e.g. a padding tag) as outside anyway. */
    public int outsideId() {
        return ids.getOrDefault(OUTSIDE, 0);
    }

    public List<String> tags() {
        return tags;
    }

    public String[] toArray() {
        return tags.toArray(new String[0]);
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

    /** Reads {@code int2tag.json}, or {@code tag2int.json} when only that exists (some seed exports). */
    public static TagSet read(Path dir) {
        Path int2tag = dir.resolve(ModelFolderFiles.INT2TAG);
        Path tag2int = dir.resolve(ModelFolderFiles.TAG2INT);
        boolean inverted = !Files.isRegularFile(int2tag);
        if (inverted && !Files.isRegularFile(tag2int)) {
            throw new IllegalStateException("NER model file missing: " + int2tag + " (or " + ModelFolderFiles.TAG2INT + ")");
        }
        Path file = inverted ? tag2int : int2tag;
        JsonNode map = ModelFolderFiles.readJson(file);
        String[] tags = new String[map.size()];
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            int index;
            try {
                index = inverted ? e.getValue().asInt(-1) : Integer.parseInt(e.getKey());
            } catch (NumberFormatException ex) {
                index = -1;
            }
            String tag = inverted ? e.getKey() : e.getValue().asText();
            if (index < 0 || index >= tags.length || tags[index] != null) {
                throw new IllegalStateException("tag map is not a dense 0..n-1 index: " + file);
            }
            tags[index] = tag;
        }
        try {
            return new TagSet(List.of(tags));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
    }
}
