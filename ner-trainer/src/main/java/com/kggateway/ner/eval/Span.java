package com.kggateway.ner.eval;

/** An entity: type plus [start, end) over labelling units. */
public record Span(String type, int start, int end) { }
