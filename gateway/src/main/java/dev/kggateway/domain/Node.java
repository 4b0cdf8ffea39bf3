package dev.kggateway.domain;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Interface;
import org.eclipse.microprofile.graphql.NonNull;

/**
 * Relay's object identification: every Product and Property is a Node, refetchable with {@code node(id:)}. The ids
 * already in use are global (a product id never contains '/', a property id always does), so they are the Node ids:
 * no client has to learn a second id.
 */
@Interface("Node")
@Description("An object with a globally unique id, refetchable with node(id:) (Relay). Treat the id as opaque.")
public interface Node {
    @Id
    @NonNull
    @Description("Globally unique, stable id of the object.")
    String getId();
}
