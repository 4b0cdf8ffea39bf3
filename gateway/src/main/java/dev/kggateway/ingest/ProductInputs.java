package dev.kggateway.ingest;

import dev.kggateway.domain.Ids;
import dev.kggateway.domain.Product;
import dev.kggateway.domain.PropertyIds;
import dev.kggateway.domain.PropertyNode;
import dev.kggateway.domain.error.InvalidArgumentException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Validates product input into a product and its vendor links. */
public final class ProductInputs {

    public static final int MAX_NAME = 500;
    public static final int MAX_MANUFACTURER = 200;
    public static final int MAX_PROPERTIES = 200;
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private ProductInputs() {
    }

    /** The validated product fields. */
    public static Product product(ProductInput in, int maxDescription) {
        if (in == null) {
            throw new InvalidArgumentException("input is required");
        }
        String id = Ids.productId(in.id);
        String name = Ids.text("name", in.name, MAX_NAME);
        if (name == null || name.isBlank()) {
            throw new InvalidArgumentException("name must not be blank");
        }
        String description = Ids.text("description", in.description, maxDescription);
        if (in.price != null && (in.price.isNaN() || in.price.isInfinite() || in.price < 0)) {
            throw new InvalidArgumentException("price must be a non-negative number");
        }
        String currency = in.currency == null ? null : in.currency.strip().toUpperCase(Locale.ROOT);
        if (currency != null && !CURRENCY.matcher(currency).matches()) {
            throw new InvalidArgumentException("currency must be an ISO 4217 code such as USD");
        }
        String manufacturer = Ids.text("manufacturer", in.manufacturer, MAX_MANUFACTURER);
        return new Product(id, name, description, in.price, currency, manufacturer);
    }

    /** Vendor property nodes, normalised and de-duplicated, in input order. */
    public static List<PropertyNode> vendorProperties(ProductInput in) {
        List<PropertyInput> props = in.properties == null ? List.of() : in.properties;
        if (props.size() > MAX_PROPERTIES) {
            throw new InvalidArgumentException("at most " + MAX_PROPERTIES + " properties per product");
        }
        Map<String, PropertyNode> nodes = new LinkedHashMap<>();
        for (PropertyInput p : props) {
            if (p == null) {
                throw new InvalidArgumentException("property must not be null");
            }
            PropertyNode node = PropertyIds.node(Ids.propertyType(p.type), Ids.propertyValue(p.value));
            nodes.putIfAbsent(node.id(), node);
        }
        return new ArrayList<>(nodes.values());
    }
}
