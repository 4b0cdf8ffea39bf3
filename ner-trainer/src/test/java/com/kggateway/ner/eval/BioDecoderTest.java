package com.kggateway.ner.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BioDecoderTest {

    @Test
    void decodesSpans() {
        List<String> tags = List.of("B-type", "I-type", "B-product", "O", "B-addon", "B-size", "I-size");
        assertEquals(List.of(new Span("type", 0, 2), new Span("product", 2, 3), new Span("addon", 4, 5),
                new Span("size", 5, 7)), BioDecoder.spans(tags));
    }

    @Test
    void strayInsideTagStartsEntityLikeSeqeval() {
        assertEquals(List.of(new Span("size", 1, 3)), BioDecoder.spans(List.of("O", "I-size", "I-size")));
        assertEquals(List.of(new Span("size", 0, 1), new Span("color", 1, 2)),
                BioDecoder.spans(List.of("B-size", "I-color")));
    }
}
