package dev.kggateway.api.types;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** Relay page info. */
@Description("Relay page info: where this page sits in the whole listing.")
public class PageInfo {
    @NonNull
    @Description("True when more items follow the last edge of this page.")
    public boolean hasNextPage;
    @Description("Cursor of the last edge; pass it as after to read the next page. Null on an empty page.")
    public String endCursor;

    public PageInfo(boolean hasNextPage, String endCursor) {
        this.hasNextPage = hasNextPage;
        this.endCursor = endCursor;
    }
}
