package dev.kggateway.api.types;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** Relay page info, both directions. */
@Description("Relay page info: where this page sits in the whole listing.")
public class PageInfo {
    @NonNull
    @Description("True when more items follow the last edge of this page (after a page read with before: true).")
    public boolean hasNextPage;
    @NonNull
    @Description("True when items precede the first edge of this page (after a page read with after: true).")
    public boolean hasPreviousPage;
    @Description("Cursor of the first edge; pass it as before to read the previous page. Null on an empty page.")
    public String startCursor;
    @Description("Cursor of the last edge; pass it as after to read the next page. Null on an empty page.")
    public String endCursor;

    public PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
        this.hasNextPage = hasNextPage;
        this.hasPreviousPage = hasPreviousPage;
        this.startCursor = startCursor;
        this.endCursor = endCursor;
    }
}
