package dev.kggateway.api.schema;

import graphql.GraphQLContext;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLType;
import io.quarkus.smallrye.graphql.runtime.spi.datafetcher.QuarkusDefaultDataFetcher;
import io.smallrye.graphql.execution.context.SmallRyeContext;
import io.smallrye.graphql.execution.context.SmallRyeContextManager;
import io.smallrye.graphql.execution.datafetcher.helper.FieldHelper;
import io.smallrye.graphql.schema.model.Operation;
import io.smallrye.graphql.schema.model.Reference;
import io.smallrye.graphql.schema.model.ReferenceType;
import io.smallrye.graphql.schema.model.Type;
import io.smallrye.graphql.transformation.AbstractDataFetcherException;
import io.smallrye.graphql.validation.BeanValidationUtil;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.validation.ConstraintViolationException;
import java.util.AbstractList;
import java.util.List;
import org.eclipse.microprofile.graphql.GraphQLException;

/**
 * Quarkus' fetcher of resolvers ({@code @Query}, {@code @Mutation}, {@code @Source} fields), with the field's
 * {@code Context} filled as SmallRye fills it except for its two selection arrays ({@code getSelectedFields},
 * {@code getSelectedAndSourceFields}), which are built when first read instead of on every call. SmallRye builds them
 * as JSON for every resolver call, which makes graphql-java build the request's normalized operation: 7–10 % of an
 * uncached product(id)'s worker CPU (BENCHMARKS.md "Uncached product by id, fourth pass"), for arrays nothing in the
 * gateway reads (it reads the selection from the {@link DataFetchingEnvironment}). When they are read, they are
 * SmallRye's own: built by {@link SmallRyeContextManager#populateFromDataFetchingEnvironment} for the same field, whose
 * side effects (the thread's current context, the request's {@code context} entry) are then undone.
 * <p>
 * A resolver returning a list of objects (types, interfaces, unions; no transformation, no adapter) has its list served
 * as it is returned ({@link ListAsReturned}) instead of copied by SmallRye into a new list of the same elements.
 * <p>
 * Everything else is unchanged: the rest of the context (same setters, same values, current on the thread and in
 * the request's GraphQL context), SmallRye's before-fetch event, its argument conversion, Quarkus'
 * {@code invokeAndTransform} (request context, blocking) and SmallRye's error handling, in the same order. Batched
 * {@code @Source} loads ({@link #load}) are SmallRye's as before.
 */
final class ResolverFetcher<K, T> extends QuarkusDefaultDataFetcher<K, T> {

    ResolverFetcher(Operation operation, Type type) {
        super(operation, type);
        if (returnsObjectsAsTheyAre(operation)) {
            fieldHelper = new ListAsReturned(operation);
        }
    }

    /**
     * True when SmallRye's transformation of the resolver's result would copy a {@code List} (or {@code Collection}) of
     * objects into a new {@code ArrayList} element by element, each unchanged: a collection of types, interfaces or
     * unions, not nested, with no transformation or adapter. SmallRye finds the new collection's class by name for
     * every call (Class.forName); graphql-java reads either list the same way.
     */
    static boolean returnsObjectsAsTheyAre(Operation operation) {
        if (!operation.hasWrapper() || !operation.getWrapper().isCollection() || operation.getWrapper().getWrapper() != null) {
            return false;
        }
        String collection = operation.getWrapper().getWrapperClassName();
        Reference ref = operation.getReference();
        boolean objects = ref.getType() == ReferenceType.TYPE || ref.getType() == ReferenceType.INTERFACE
                || ref.getType() == ReferenceType.UNION;
        return (collection.equals("java.util.List") || collection.equals("java.util.Collection")) && objects
                && !operation.hasTransformation() && !PlainFieldFetchers.adapted(operation);
    }

    /** SmallRye's helper for such a resolver, except that a returned {@code List} is served as it is, not copied. */
    static final class ListAsReturned extends FieldHelper {
        ListAsReturned(Operation operation) {
            super(operation);
        }

        @Override
        public Object transformOrAdaptResponse(Object value, DataFetchingEnvironment dfe)
                throws AbstractDataFetcherException {
            return value instanceof List<?> ? value : super.transformOrAdaptResponse(value, dfe);
        }
    }

    Operation operation() {
        return operation;
    }

    Type type() {
        return type;
    }

    FieldHelper responseHelper() {
        return fieldHelper;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T get(DataFetchingEnvironment dfe) throws Exception {
        SmallRyeContext context = populate(type, operation, dfe);
        eventEmitter.fireBeforeDataFetch(context);
        DataFetcherResult.Builder<Object> result = DataFetcherResult.newResult().localContext(dfe.getGraphQlContext());
        try {
            List<Object> arguments = argumentHelper.getArguments(dfe);
            return invokeAndTransform(context, dfe, result, arguments.toArray());
        } catch (AbstractDataFetcherException e) {
            e.appendDataFetcherResult(result, dfe);
            eventEmitter.fireOnDataFetchError(context, e);
        } catch (GraphQLException e) {
            errorResultHelper.appendPartialResult(result, dfe, e);
            eventEmitter.fireOnDataFetchError(context, e);
        } catch (ConstraintViolationException e) {
            BeanValidationUtil.addConstraintViolationsToDataFetcherResult(e.getConstraintViolations(),
                    operationInvoker.getMethod(), result, dfe);
            return (T) result.build();
        } catch (Throwable e) {
            eventEmitter.fireOnDataFetchError(context, e);
            throw e;
        }
        return invokeFailure(result);
    }

    /**
     * The field's context as {@link SmallRyeContextManager#populateFromDataFetchingEnvironment} makes it (a copy of the
     * current one with this field's values, made current and put in the request's GraphQL context), the selection
     * arrays built on first read.
     */
    static SmallRyeContext populate(Type type, Operation operation, DataFetchingEnvironment dfe) {
        SmallRyeContext current = SmallRyeContextManager.getCurrentSmallRyeContext();
        if (current == null) {
            current = SmallRyeContextManager.restoreSmallRyeContext(dfe);
        }
        if (!current.hasRequest()) {
            throw new RuntimeException("Invalid context provided, can not populate data from Data Fetching Environment");
        }
        SmallRyeContext context = current.clone();
        context.setDataFetchingEnvironment(dfe);
        context.setField(operation);
        context.setArguments(dfe.getArguments());
        context.setPath(dfe.getExecutionStepInfo().getPath().toString());
        context.setExecutionId(dfe.getExecutionId().toString());
        context.setFieldName(dfe.getField().getName());
        context.setSource(dfe.getSource());
        Selection selection = new Selection(context, type, operation, dfe);
        context.setSelectedFields(new LazyArray(selection, false));
        context.setSelectedAndSourceFields(new LazyArray(selection, true));
        context.setOperationType(dfe.getOperationDefinition().getOperation().toString());
        context.setParentTypeName(typeName(dfe.getParentType()));
        if (context.getOperationName().isEmpty()) {
            String name = dfe.getOperationDefinition() == null ? null : dfe.getOperationDefinition().getName();
            context.setOperationName(name == null || name.isEmpty() ? null : name);
        }
        dfe.getGraphQlContext().put(SmallRyeContextManager.CONTEXT, context);
        SmallRyeContextManager.restore(context);
        return context;
    }

    private static String typeName(GraphQLType type) {
        if (type instanceof GraphQLNamedType named) {
            return named.getName();
        } else if (type instanceof GraphQLNonNull nonNull) {
            return typeName(nonNull.getWrappedType());
        } else if (type instanceof GraphQLList list) {
            return typeName(list.getWrappedType());
        }
        return null;
    }

    /** Both selection arrays of one field, built once, by SmallRye, on the first read of either. */
    static final class Selection {
        private final SmallRyeContext owner;
        private final Type type;
        private final Operation operation;
        private final DataFetchingEnvironment dfe;
        private JsonArray selected;
        private JsonArray selectedAndSource;

        Selection(SmallRyeContext owner, Type type, Operation operation, DataFetchingEnvironment dfe) {
            this.owner = owner;
            this.type = type;
            this.operation = operation;
            this.dfe = dfe;
        }

        synchronized JsonArray get(boolean withSource) {
            if (selected == null) {
                build();
            }
            return withSource ? selectedAndSource : selected;
        }

        /**
         * SmallRye's populate for this field, from this field's context, then the thread's current context and the
         * request's {@code context} entry put back as they were: only its two arrays are kept.
         */
        private void build() {
            SmallRyeContext before = SmallRyeContextManager.getCurrentSmallRyeContext();
            GraphQLContext graphQlContext = dfe.getGraphQlContext();
            Object entry = graphQlContext.get(SmallRyeContextManager.CONTEXT);
            try {
                SmallRyeContextManager.restore(owner);
                SmallRyeContext full = SmallRyeContextManager.populateFromDataFetchingEnvironment(type, operation, dfe);
                selectedAndSource = full.getSelectedAndSourceFields();
                selected = full.getSelectedFields();
            } finally {
                if (entry == null) {
                    graphQlContext.delete(SmallRyeContextManager.CONTEXT);
                } else {
                    graphQlContext.put(SmallRyeContextManager.CONTEXT, entry);
                }
                if (before == null) {
                    SmallRyeContextManager.clearCurrentSmallRyeContext();
                } else {
                    SmallRyeContextManager.restore(before);
                }
            }
        }
    }

    /** A JSON array whose content is SmallRye's selection array, built on first use. */
    static final class LazyArray extends AbstractList<JsonValue> implements JsonArray {
        private final Selection selection;
        private final boolean withSource;

        LazyArray(Selection selection, boolean withSource) {
            this.selection = selection;
            this.withSource = withSource;
        }

        private JsonArray array() {
            return selection.get(withSource);
        }

        @Override
        public JsonValue get(int index) {
            return array().get(index);
        }

        @Override
        public int size() {
            return array().size();
        }

        @Override
        public JsonObject getJsonObject(int index) {
            return array().getJsonObject(index);
        }

        @Override
        public JsonArray getJsonArray(int index) {
            return array().getJsonArray(index);
        }

        @Override
        public JsonNumber getJsonNumber(int index) {
            return array().getJsonNumber(index);
        }

        @Override
        public JsonString getJsonString(int index) {
            return array().getJsonString(index);
        }

        @Override
        public <V extends JsonValue> List<V> getValuesAs(Class<V> clazz) {
            return array().getValuesAs(clazz);
        }

        @Override
        public String getString(int index) {
            return array().getString(index);
        }

        @Override
        public String getString(int index, String defaultValue) {
            return array().getString(index, defaultValue);
        }

        @Override
        public int getInt(int index) {
            return array().getInt(index);
        }

        @Override
        public int getInt(int index, int defaultValue) {
            return array().getInt(index, defaultValue);
        }

        @Override
        public boolean getBoolean(int index) {
            return array().getBoolean(index);
        }

        @Override
        public boolean getBoolean(int index, boolean defaultValue) {
            return array().getBoolean(index, defaultValue);
        }

        @Override
        public boolean isNull(int index) {
            return array().isNull(index);
        }

        @Override
        public ValueType getValueType() {
            return ValueType.ARRAY;
        }

        @Override
        public boolean equals(Object o) {
            return array().equals(o);
        }

        @Override
        public int hashCode() {
            return array().hashCode();
        }

        @Override
        public String toString() {
            return array().toString();
        }
    }
}
