package dev.kggateway.api.schema;

import graphql.GraphQLException;
import graphql.TrivialDataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.smallrye.graphql.execution.context.SmallRyeContextManager;
import io.smallrye.graphql.execution.datafetcher.PlugableBatchableDataFetcher;
import io.smallrye.graphql.execution.datafetcher.PlugableDataFetcher;
import io.smallrye.graphql.execution.datafetcher.helper.FieldHelper;
import io.smallrye.graphql.schema.model.Field;
import io.smallrye.graphql.schema.model.Operation;
import io.smallrye.graphql.schema.model.Reference;
import io.smallrye.graphql.schema.model.ReferenceType;
import io.smallrye.graphql.schema.model.Type;
import io.smallrye.graphql.spi.ClassloadingService;
import io.smallrye.graphql.spi.DataFetcherService;
import io.smallrye.graphql.transformation.AbstractDataFetcherException;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Data fetchers for plain output fields (a record component or getter whose value is served as it is), in place of
 * SmallRye GraphQL's {@code FieldDataFetcher}. SmallRye's fetcher fills its per-field {@code Context} for every such
 * field before reading it: a copy of the context, the path, the arguments and the field's selection twice as JSON
 * (which makes graphql-java build the normalized operation). A product(id) answer has ~90 of these fields (fields
 * and ~20 links × 4); it was ~5 % of its JFR samples (BENCHMARKS.md "Per-request overhead, second pass"), for a
 * context no plain field reads: resolvers ({@code @Query}, {@code @Source}) still get theirs from SmallRye's operation
 * fetchers, which this service does not replace.
 * <p>
 * Only fields SmallRye would return unchanged get this fetcher: not wrapped (list, array, map, Optional), no
 * transformation (a scalar served as another class, formats), no adapter. Scalars whose only difference is SmallRye's
 * transformation (a {@code Double} served as SmallRye's {@code Float} class: {@code price}, {@code confidence}, 21 per
 * BSBM product; formats) get the same fetcher with SmallRye's own {@link FieldHelper} applied to the value, as its
 * fetcher applies it. Every other field keeps SmallRye's fetcher (this service returns null). A SmallRye {@link DataFetcherService} (ServiceLoader, {@code META-INF/services}).
 * <p>
 * Resolvers that return a value (not a CompletionStage, Uni, Multi or Publisher: those keep SmallRye's and Quarkus'
 * fetchers) get {@link ResolverFetcher}: Quarkus' fetcher with the field's selection in its context built only when
 * read. One per operation and asker: SmallRye asks again on every request for a loader per batched {@code @Source}
 * operation ({@code ExecutionService.getDataLoaderForOperation}, through its own instance of this service), and a new
 * fetcher each time (reflection, a class lookup by name) was ~8 % of an empty request's worker CPU; the fetchers
 * hold no per-request state (the schema's own are shared by all requests).
 */
public class PlainFieldFetchers implements DataFetcherService {

    /** Resolver fetchers by operation (identity: the schema's operations are fixed); one instance per asker. */
    private final Map<Operation, ResolverFetcher<?, ?>> resolvers = new IdentityHashMap<>();

    private static final Set<String> SPECIAL = Set.of("java.util.OptionalInt", "java.util.OptionalLong",
            "java.util.OptionalDouble");

    @Override
    public Integer getPriority() {
        return 100; // after Quarkus' service (1): it answers only getDefaultDataFetcher (asked after these) and async ones
    }

    @Override
    public PlugableDataFetcher<?> getFieldDataFetcher(Field field, Type type, Reference owner) {
        if (isPlain(field)) {
            return new PlainFieldFetcher(field, owner, null);
        }
        return isTransformedScalar(field) ? new PlainFieldFetcher(field, owner, new FieldHelper(field)) : null;
    }

    @Override
    public PlugableBatchableDataFetcher<?, ?> getOtherFieldDataFetcher(Operation operation, Type type) {
        return resolver(operation, type);
    }

    @Override
    public PlugableBatchableDataFetcher<?, ?> getOtherWrappedDataFetcher(Operation operation, Type type) {
        return resolver(operation, type);
    }

    synchronized ResolverFetcher<?, ?> resolver(Operation operation, Type type) {
        ResolverFetcher<?, ?> fetcher = resolvers.get(operation);
        if (fetcher == null || fetcher.type() != type) {
            fetcher = new ResolverFetcher<>(operation, type);
            resolvers.put(operation, fetcher);
        }
        return fetcher;
    }

    /** True when SmallRye's FieldDataFetcher would serve the getter's value unchanged. */
    static boolean isPlain(Field field) {
        return readAsIs(field) && !transformed(field);
    }

    /**
     * True when SmallRye's FieldDataFetcher would serve the getter's value through its scalar transformation alone (a
     * {@code Double} served as SmallRye's {@code Float} class, a number or date format): no wrapper, no adapter.
     */
    static boolean isTransformedScalar(Field field) {
        return readAsIs(field) && transformed(field);
    }

    /** Not wrapped (list, array, map, Optional), no adapter, not one of the {@link #SPECIAL} optionals. */
    private static boolean readAsIs(Field field) {
        Reference ref = field.getReference();
        return !field.hasWrapper() && !ref.hasWrapper() && !adapted(field) && !SPECIAL.contains(ref.getClassName());
    }

    /** SmallRye transforms the value: a transformation (format) or a scalar served as another class. */
    private static boolean transformed(Field field) {
        Reference ref = field.getReference();
        return field.hasTransformation()
                || (ref.getType() == ReferenceType.SCALAR && !ref.getClassName().equals(ref.getGraphQLClassName()));
    }

    /** An adapter on the field or on its type (an {@link Operation} is a field too). */
    static boolean adapted(Field field) {
        Reference ref = field.getReference();
        return field.isAdaptingWith() || field.isAdaptingTo() || ref.isAdaptingWith() || ref.isAdaptingTo();
    }

    /**
     * Reads the field's getter (or public field) reflectively, as SmallRye's fetcher does, and, for a transformed
     * scalar, passes the value through SmallRye's own {@link FieldHelper} as its fetcher does (a value it cannot
     * transform is served as read, as SmallRye serves it); nothing else: no per-field context, which nothing in the
     * transformation reads.
     */
    static final class PlainFieldFetcher implements PlugableDataFetcher<Object>, TrivialDataFetcher<Object> {

        private static final Logger LOG = Logger.getLogger(PlainFieldFetcher.class);

        private final Field field;
        private final Reference owner;
        /** SmallRye's transformation of this field's values, or null for a plain field. */
        private final FieldHelper transformation;
        /** The getter ({@link Method}) or public field read, resolved on first use. */
        private volatile Member member;

        PlainFieldFetcher(Field field, Reference owner, FieldHelper transformation) {
            this.field = field;
            this.owner = owner;
            this.transformation = transformation;
        }

        @Override
        public Object get(DataFetchingEnvironment environment) throws Exception {
            Object source = environment.getSource();
            try {
                Member m = member();
                Object value = m instanceof Method getter ? getter.invoke(source)
                        : ((java.lang.reflect.Field) m).get(source); // inline: Field here is SmallRye's model type
                if (transformation == null) {
                    return value;
                }
                try {
                    return transformation.transformOrAdaptResponse(value, environment);
                } catch (AbstractDataFetcherException e) {
                    LOG.errorf(e, "could not transform the value of %s", field.getName());
                    return value;
                }
            } finally {
                // As SmallRye's fetcher leaves it: no field context on this thread after a plain field.
                SmallRyeContextManager.clearCurrentSmallRyeContext();
            }
        }

        private Member member() {
            Member m = member;
            if (m == null) {
                try {
                    m = field.getMethodName() == null ? ownerClass().getField(field.getPropertyName())
                            : ownerClass().getMethod(field.getMethodName());
                } catch (ReflectiveOperationException e) {
                    throw new GraphQLException(e);
                }
                member = m;
            }
            return m;
        }

        private Class<?> ownerClass() {
            return ClassloadingService.get().loadClass(owner.getClassName());
        }
    }
}
