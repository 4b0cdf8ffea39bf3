/**
 * The NER model contract shared by {@code ner-trainer} (which writes model folders) and the gateway (which reads
 * them): labelling unit, tag set, BIO decoding, tokenizer.json and model-folder files. One place, so the two
 * sides cannot drift.
 */
package dev.kggateway.ner.contract;
