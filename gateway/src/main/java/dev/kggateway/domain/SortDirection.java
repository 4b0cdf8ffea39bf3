package dev.kggateway.domain;

import org.eclipse.microprofile.graphql.Description;

/** Direction of one sort key. */
@Description("Direction of one sort key.")
public enum SortDirection {
    @Description("Smallest first.")
    ASC,
    @Description("Largest first.")
    DESC
}
