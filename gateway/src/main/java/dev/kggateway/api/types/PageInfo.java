package dev.kggateway.api.types;

import org.eclipse.microprofile.graphql.NonNull;

/** Relay page info (forward pagination only). */
public class PageInfo {
    @NonNull
    public boolean hasNextPage;
    public String endCursor;

    public PageInfo(boolean hasNextPage, String endCursor) {
        this.hasNextPage = hasNextPage;
        this.endCursor = endCursor;
    }
}
