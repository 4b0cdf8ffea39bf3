package dev.kggateway.domain;

import org.eclipse.microprofile.graphql.Description;

/** What a product listing can be sorted by; every order ends with the product id, which breaks ties. */
@Description("What a product listing can be sorted by. Ties are broken by product id (ascending), so every order is "
        + "total and keyset cursors are stable.")
public enum ProductSortField {
    @Description("Product name, case-insensitively: Unicode code-unit order of the lower-cased name (no locale "
            + "collation; accents sort after ASCII letters).")
    NAME,
    @Description("Price as a number. Products without a price come last in both directions.")
    PRICE,
    @Description("Product id, by Unicode code units (the default listing order).")
    ID,
    @Description("Number of property links of the product (vendor and NER).")
    PROPERTY_COUNT,
    @Description("Match rank of the filter's text, best first with ASC: 1 = the name starts with the text, 2 = the "
            + "name contains it, 3 = neither (only the description does, or the product matched another anyOf "
            + "branch). The ranked texts are filter.text and the texts of its anyOf/allOf groups at any depth (the "
            + "best rank over them counts), never a text under not. Refused with INVALID_ARGUMENT when there is "
            + "none (nothing to rank by).")
    RELEVANCE
}
