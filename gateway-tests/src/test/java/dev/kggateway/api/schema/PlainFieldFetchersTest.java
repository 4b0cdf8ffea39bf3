package dev.kggateway.api.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kggateway.domain.Product;
import graphql.TrivialDataFetcher;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironmentImpl;
import io.smallrye.graphql.schema.model.AdaptWith;
import io.smallrye.graphql.schema.model.Field;
import io.smallrye.graphql.schema.model.Reference;
import io.smallrye.graphql.schema.model.ReferenceType;
import io.smallrye.graphql.schema.model.Transformation;
import io.smallrye.graphql.schema.model.Wrapper;
import io.smallrye.graphql.schema.model.WrapperType;
import java.lang.reflect.InvocationTargetException;
import org.junit.jupiter.api.Test;

/** Which fields get the plain fetcher, and that it reads what SmallRye's fetcher reads. */
class PlainFieldFetchersTest {

    private static final Reference PRODUCT = reference(Product.class.getName(), Product.class.getName(), ReferenceType.TYPE);

    private static Reference reference(String className, String graphQLClassName, ReferenceType type) {
        Reference r = new Reference();
        r.setClassName(className);
        r.setGraphQLClassName(graphQLClassName);
        r.setName(className.substring(className.lastIndexOf('.') + 1));
        r.setType(type);
        return r;
    }

    private static Field field(String method, String name, String className, String graphQLClassName) {
        return new Field(method, name, name, reference(className, graphQLClassName, ReferenceType.SCALAR));
    }

    @Test
    void onlyFieldsServedUnchangedArePlain() {
        assertTrue(PlainFieldFetchers.isPlain(field("name", "name", "java.lang.String", "java.lang.String")));
        assertTrue(PlainFieldFetchers.isPlain(new Field("owner", "owner", "owner", PRODUCT)));
        // A scalar served as another class (e.g. a number with a format, served as String) is transformed.
        assertFalse(PlainFieldFetchers.isPlain(field("price", "price", "java.lang.Double", "java.lang.String")));
        Field formatted = field("price", "price", "java.lang.Double", "java.lang.Double");
        formatted.setTransformation(new Transformation(Transformation.Type.NUMBER, "#.00", null, false));
        assertFalse(PlainFieldFetchers.isPlain(formatted));
        Field list = field("tags", "tags", "java.lang.String", "java.lang.String");
        list.setWrapper(new Wrapper(WrapperType.COLLECTION, "java.util.List"));
        assertFalse(PlainFieldFetchers.isPlain(list));
        Field adapted = field("when", "when", "java.lang.String", "java.lang.String");
        adapted.setAdaptWith(new AdaptWith());
        assertFalse(PlainFieldFetchers.isPlain(adapted));
        assertFalse(PlainFieldFetchers.isPlain(field("count", "count", "java.util.OptionalInt", "java.util.OptionalInt")));
        // Quarkus' own service answers no field: SmallRye's fetcher is used for every field that is neither plain nor
        // a transformed scalar.
        assertNull(new PlainFieldFetchers().getFieldDataFetcher(list, null, PRODUCT));
        assertNull(new PlainFieldFetchers().getFieldDataFetcher(adapted, null, PRODUCT));
        assertNull(new PlainFieldFetchers().getFieldDataFetcher(
                field("count", "count", "java.util.OptionalInt", "java.util.OptionalInt"), null, PRODUCT));
        // Transformed scalars (no wrapper, no adapter) get the fetcher with SmallRye's transformation.
        assertTrue(PlainFieldFetchers.isTransformedScalar(formatted));
        assertTrue(PlainFieldFetchers.isTransformedScalar(field("price", "price", "java.lang.Double", "java.lang.String")));
        assertFalse(PlainFieldFetchers.isTransformedScalar(field("name", "name", "java.lang.String", "java.lang.String")));
        assertFalse(PlainFieldFetchers.isTransformedScalar(list));
        assertFalse(PlainFieldFetchers.isTransformedScalar(adapted));
    }

    @Test
    void transformedScalarsAreServedThroughSmallRyesTransformation() throws Exception {
        Product product = new Product("p1", "Name", null, 9.5, "EUR", "Maker");
        // As SmallRye models a formatted number: served as a String.
        Field formatted = field("price", "price", "java.lang.Double", "java.lang.String");
        formatted.setTransformation(new Transformation(Transformation.Type.NUMBER, "#.00", null, false));
        DataFetcher<?> price = new PlainFieldFetchers().getFieldDataFetcher(formatted, null, PRODUCT);
        assertInstanceOf(TrivialDataFetcher.class, price);
        assertEquals("9.50", price.get(DataFetchingEnvironmentImpl.newDataFetchingEnvironment().source(product).build()));
        DataFetcher<?> unformatted = new PlainFieldFetchers().getFieldDataFetcher(
                field("price", "price", "java.lang.Double", "java.lang.Float"), null, PRODUCT);
        assertEquals(9.5, unformatted.get(DataFetchingEnvironmentImpl.newDataFetchingEnvironment().source(product).build()));
        Product unpriced = new Product("p2", "Name", null, null, "EUR", "Maker");
        assertNull(price.get(DataFetchingEnvironmentImpl.newDataFetchingEnvironment().source(unpriced).build()));
    }

    /** A class with a public field, as SmallRye maps one without a getter. */
    public static final class Holder {
        public String label = "a label";

        public String failing() {
            throw new IllegalStateException("getter failed");
        }
    }

    @Test
    void readsTheGetterOrPublicFieldOfTheSource() throws Exception {
        Product product = new Product("p1", "Name", null, 9.5, "EUR", "Maker");
        DataFetcher<?> name = new PlainFieldFetchers().getFieldDataFetcher(
                field("name", "name", "java.lang.String", "java.lang.String"), null, PRODUCT);
        assertInstanceOf(TrivialDataFetcher.class, name, "trivial, like SmallRye's: not timed per call");
        assertEquals("Name", name.get(DataFetchingEnvironmentImpl.newDataFetchingEnvironment().source(product).build()));
        DataFetcher<?> description = new PlainFieldFetchers().getFieldDataFetcher(
                field("description", "description", "java.lang.String", "java.lang.String"), null, PRODUCT);
        assertNull(description.get(DataFetchingEnvironmentImpl.newDataFetchingEnvironment().source(product).build()));

        Reference holder = reference(Holder.class.getName(), Holder.class.getName(), ReferenceType.TYPE);
        DataFetcher<?> label = new PlainFieldFetchers().getFieldDataFetcher(
                field(null, "label", "java.lang.String", "java.lang.String"), null, holder);
        assertEquals("a label", label.get(DataFetchingEnvironmentImpl.newDataFetchingEnvironment().source(new Holder()).build()));
        DataFetcher<?> failing = new PlainFieldFetchers().getFieldDataFetcher(
                field("failing", "failing", "java.lang.String", "java.lang.String"), null, holder);
        // As SmallRye's fetcher: the getter's failure reaches graphql-java (a field error), not swallowed.
        assertThrows(InvocationTargetException.class,
                () -> failing.get(DataFetchingEnvironmentImpl.newDataFetchingEnvironment().source(new Holder()).build()));
    }
}
