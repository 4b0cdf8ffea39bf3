package dev.kggateway.similarity;

/** What a similarProducts response prints of its hits' products, i.e. what a ranking must read for them. */
public enum HitFields {
    /** Nothing but ids and names (or no product field at all): the similarity index holds both. */
    NAMES,
    /** Nothing but ids, names, prices and currencies (a recommendation widget's card): the index holds these too. */
    NAMES_AND_PRICES,
    /** Fields, no links: summaries. */
    SUMMARY,
    /** Links too: whole products. */
    WHOLE
}
