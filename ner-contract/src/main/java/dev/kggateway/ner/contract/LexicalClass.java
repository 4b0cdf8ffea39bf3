package dev.kggateway.ner.contract;

/**
 * A word's lexical class: a small closed set taken from WordNet's noun hypernym trees (and its adjectives), the
 * lexical knowledge a 4 000-piece vocabulary lacks. "Potassium permanganate" is two pieces the model may never have
 * seen, but both words are WordNet CHEMICAL nouns; "Nalgene" is not in WordNet at all (UNKNOWN, as brands are).
 *
 * <p>The order is part of the model contract: a feature id is {@code ordinal * WordShape count + shape ordinal},
 * and config.json lists these names in this order ({@link WordFeatures}). Append, never reorder.
 */
public enum LexicalClass {
    /** [CLS], [SEP], padding. */
    PAD,
    /** Not a WordNet lemma (after lemmatisation): brand and series names, codes, numbers, misspellings. */
    UNKNOWN,
    /** Closed-class words WordNet does not list (with, for, of, and, x, per, the …). */
    FUNCTION,
    COLOR,
    UNIT_OF_MEASURE,
    /** Plastics, alloys, metals, glass, rubber, fabrics, fibres, resins, polymers, wood, leather, paper, ceramics. */
    MATERIAL,
    /** Chemical compounds and elements, acids, salts, solvents, reagents, dyes. */
    CHEMICAL,
    /** Other substances and matter (media, powders, solutions, foods). */
    SUBSTANCE,
    CONTAINER,
    /** Devices, instruments, tools, equipment, implements, apparatus, utensils. */
    DEVICE,
    /** Other artefacts (coverings, fittings, fabrics as products, structures …). */
    ARTIFACT,
    /** Measures, amounts and collections (pack, pair, set, dozen, case-as-quantity is CONTAINER). */
    QUANTITY,
    /** Any other noun. */
    OTHER_NOUN,
    /** Adjective (and no noun sense of a class above among its first senses). */
    ADJECTIVE,
    /** Verb or adverb only. */
    OTHER_WORD
}
