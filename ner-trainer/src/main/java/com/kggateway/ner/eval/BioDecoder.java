package com.kggateway.ner.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * BIO tags to entity spans with seqeval's default (non-strict IOB2) semantics: an I-X that follows O or a
 * different type starts a new entity, a B-X always starts one.
 */
public final class BioDecoder {
    private BioDecoder() { }

    public static List<Span> spans(List<String> tags) {
        List<Span> spans = new ArrayList<>();
        String type = null;
        int start = -1;
        for (int i = 0; i <= tags.size(); i++) {
            String tag = i < tags.size() ? tags.get(i) : "O";
            String prefix = tag.equals("O") ? "O" : tag.substring(0, 1);
            String tagType = tag.equals("O") ? null : tag.substring(2);
            boolean continues = type != null && prefix.equals("I") && tagType.equals(type);
            if (type != null && !continues) {
                spans.add(new Span(type, start, i));
                type = null;
            }
            if (!prefix.equals("O") && !continues) {
                type = tagType;
                start = i;
            }
        }
        return spans;
    }
}
