package dev.kggateway.limits;

import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.InputValueWithState;
import java.math.BigInteger;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Walks a GraphQL document with fragments expanded and measures what the limits are about: depth, complexity,
 * aliases, fields. Fragments are expanded (re-walked per spread), so a document built to explode (each fragment
 * spreading the previous one twice) is exponential in its size; the walk therefore counts every selection it
 * visits and stops as soon as any budget is exceeded. Its cost is O(document) to index the fragments plus
 * O(min(expanded size, node cap)), whatever the document: a limit check must not be the denial of service it guards
 * against.
 * <p>
 * Every field counts towards fields and aliases, introspection and {@code __typename} included (1,000 aliases of
 * {@code __typename} are 1,000 resolver calls). Only depth skips the introspection subtrees under {@code __schema}
 * and {@code __type}: GraphiQL's introspection query is deeper than any sensible data query, and graphql-java's
 * good-faith introspection check (on by default) bounds those subtrees at execution (depth 20, 500 fields, no
 * {@code __Type} cycles).
 */
final class DocumentAnalysis {

    /** Visited selections (fields, fragment expansions, inline fragments) allowed per field of the field budget. */
    static final int NODES_PER_FIELD = 4;

    private final Map<String, FragmentDefinition> fragments = new HashMap<>();
    private final GraphQLSchema schema;
    private final Map<String, Object> variables;
    private final int depthBudget;
    private final long complexityBudget;
    private final int aliasBudget;
    private final int fieldBudget;
    private final long nodeBudget;
    private long maxRows = Long.MAX_VALUE;

    int maxDepth;
    long complexity;
    int aliases;
    int fields;
    long nodes;
    int operations;
    /** Largest product filter argument of the operation (measured by {@link #cost} only), or null without one. */
    FilterShape filters;
    /** The first Int literal out of 32-bit range, described ("argument 'first' of products: 4294967298"), or null. */
    String intOutOfRange;

    private DocumentAnalysis(Document document, GraphQLSchema schema, Map<String, Object> variables, int depthBudget,
            long complexityBudget, int aliasBudget, int fieldBudget) {
        this.schema = schema;
        this.variables = variables == null ? Map.of() : variables;
        this.depthBudget = depthBudget;
        this.complexityBudget = complexityBudget;
        this.aliasBudget = aliasBudget;
        this.fieldBudget = fieldBudget;
        this.nodeBudget = (long) fieldBudget * NODES_PER_FIELD;
        for (Definition<?> d : document.getDefinitions()) {
            if (d instanceof FragmentDefinition f) {
                fragments.putIfAbsent(f.getName(), f);
            } else if (d instanceof OperationDefinition) {
                operations++;
            }
        }
    }

    /** Depth, aliases, fields and operation count of every operation: independent of variables. */
    static DocumentAnalysis shape(Document document, GraphQLSchema schema, int depthBudget, int aliasBudget,
            int fieldBudget) {
        DocumentAnalysis a = new DocumentAnalysis(document, schema, Map.of(), depthBudget, Long.MAX_VALUE, aliasBudget,
                fieldBudget);
        for (Definition<?> d : document.getDefinitions()) {
            if (d instanceof OperationDefinition op) {
                a.walk(op.getSelectionSet(), rootType(schema, op), 0, false, 1, 1, new HashSet<>());
            }
        }
        return a;
    }

    /** Complexity of the operation that runs, with the request's variables (page sizes may be variables). */
    static DocumentAnalysis cost(Document document, OperationDefinition operation, GraphQLSchema schema,
            Map<String, Object> variables, long complexityBudget, long maxRows, int fieldBudget, int filterDepthCap) {
        DocumentAnalysis a = new DocumentAnalysis(document, schema, variables, Integer.MAX_VALUE, complexityBudget,
                Integer.MAX_VALUE, fieldBudget);
        // A larger `first` is refused by the resolver with INVALID_ARGUMENT; price it at the most it could return.
        a.maxRows = maxRows;
        a.filters = new FilterShape(a.variables, filterDepthCap);
        a.walk(operation.getSelectionSet(), rootType(schema, operation), 0, false, 1, 1, new HashSet<>());
        return a;
    }

    /** True when the walk stopped early: the counts are lower bounds and at least one budget is exceeded. */
    boolean overBudget() {
        return maxDepth > depthBudget || complexity > complexityBudget || aliases > aliasBudget
                || fields > fieldBudget || nodes > nodeBudget;
    }

    /** Fields or the visited-selection cap exceeded (the latter: a fragment expansion that never reaches fields). */
    boolean tooManyFields() {
        return fields > fieldBudget || nodes > nodeBudget;
    }

    private static GraphQLCompositeType rootType(GraphQLSchema schema, OperationDefinition op) {
        return switch (op.getOperation()) {
            case MUTATION -> schema.getMutationType();
            case SUBSCRIPTION -> schema.getSubscriptionType();
            default -> schema.getQueryType();
        };
    }

    /**
     * @param introspection inside {@code __schema}/{@code __type}: depth is not measured there
     * @param multiplier how many times each field here is resolved (rows of the enclosing lists)
     * @param pending rows announced by a paged field ({@code first}) returning an object (a Relay connection): they
     *        multiply from the next list field down ({@code edges}), not the connection's own scalars
     *        ({@code totalCount}, {@code pageInfo})
     */
    private void walk(SelectionSet set, GraphQLCompositeType parent, int depth, boolean introspection, long multiplier,
            long pending, Set<String> visiting) {
        if (set == null) {
            return;
        }
        for (Selection<?> selection : set.getSelections()) {
            if (overBudget()) {
                return;
            }
            nodes++;
            if (selection instanceof Field field) {
                fields++;
                if (field.getAlias() != null) {
                    aliases++;
                }
                String name = field.getName();
                boolean inIntrospection = introspection || name.equals("__schema") || name.equals("__type");
                int fieldDepth = inIntrospection ? depth : depth + 1;
                maxDepth = Math.max(maxDepth, fieldDepth);
                complexity = saturatedAdd(complexity, multiplier);
                GraphQLFieldDefinition def = inIntrospection || name.startsWith("__") ? null
                        : parent instanceof GraphQLFieldsContainer c ? c.getFieldDefinition(name) : null;
                GraphQLCompositeType child = null;
                long childMultiplier = multiplier;
                long childPending = pending;
                if (def != null) {
                    checkIntArguments(field, def);
                    measureFilters(field, def, multiplier);
                    GraphQLType unwrapped = GraphQLTypeUtil.unwrapAll(def.getType());
                    child = unwrapped instanceof GraphQLCompositeType ct ? ct : null;
                    long rows = saturatedMultiply(Math.min(rows(field, def), maxRows), groups(field, def));
                    if (GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(def.getType()))) {
                        // A list with its own page size beside a connection's edges (facets) is not one per edge:
                        // the connection's pending rows belong to edges only.
                        long perParent = paged(def) ? 1 : pending;
                        childMultiplier = saturatedMultiply(multiplier, saturatedMultiply(perParent, rows));
                        childPending = 1;
                    } else {
                        childPending = saturatedMultiply(pending, rows);
                    }
                }
                walk(field.getSelectionSet(), child, fieldDepth, inIntrospection, childMultiplier, childPending,
                        visiting);
            } else if (selection instanceof InlineFragment inline) {
                GraphQLCompositeType type = parent;
                if (inline.getTypeCondition() != null
                        && schema.getType(inline.getTypeCondition().getName()) instanceof GraphQLCompositeType t) {
                    type = t;
                }
                walk(inline.getSelectionSet(), type, depth, introspection, multiplier, pending, visiting);
            } else if (selection instanceof FragmentSpread spread) {
                FragmentDefinition fragment = fragments.get(spread.getName());
                // A cycle is a validation error reported later; here it must only not recurse forever.
                if (fragment == null || !visiting.add(spread.getName())) {
                    continue;
                }
                GraphQLCompositeType type = schema.getType(fragment.getTypeCondition().getName())
                        instanceof GraphQLCompositeType t ? t : parent;
                walk(fragment.getSelectionSet(), type, depth, introspection, multiplier, pending, visiting);
                visiting.remove(spread.getName());
            }
        }
    }

    /**
     * Adds every product filter argument to {@link #filters}; its conditions count towards complexity, once per
     * time the field is resolved (each condition is a join or a FILTER over the listing in the store).
     */
    private void measureFilters(Field field, GraphQLFieldDefinition def, long multiplier) {
        if (filters == null) {
            return;
        }
        for (graphql.language.Argument arg : field.getArguments()) {
            GraphQLArgument declared = def.getArgument(arg.getName());
            if (declared != null && GraphQLTypeUtil.unwrapAll(declared.getType()) instanceof graphql.schema.GraphQLInputObjectType t
                    && t.getName().equals("ProductFilter")) {
                long before = filters.totalConditions;
                filters.measure(arg.getValue());
                complexity = saturatedAdd(complexity, saturatedMultiply(filters.totalConditions - before, multiplier));
            }
        }
    }

    private void checkIntArguments(Field field, GraphQLFieldDefinition def) {
        if (intOutOfRange != null) {
            return;
        }
        for (graphql.language.Argument arg : field.getArguments()) {
            GraphQLArgument declared = def.getArgument(arg.getName());
            String bad = declared == null ? null : IntArguments.literal(arg.getValue(), declared.getType());
            if (bad != null) {
                intOutOfRange = "argument '" + arg.getName() + "' of " + field.getName() + ": " + bad;
                return;
            }
        }
    }

    /**
     * Rows a field can return: the larger of its {@code first} and {@code last} (literal, variable or default), the
     * resolvers' default page size when a paged field is given neither, else 1.
     */
    private long rows(Field field, GraphQLFieldDefinition def) {
        GraphQLArgument first = def.getArgument("first");
        GraphQLArgument last = def.getArgument("last");
        if (first != null || last != null) {
            Long n = null;
            for (graphql.language.Argument arg : field.getArguments()) {
                if (arg.getName().equals("first") || arg.getName().equals("last")) {
                    Long v = number(arg.getValue());
                    if (v != null && (n == null || v > n)) {
                        n = v;
                    }
                }
            }
            if (n == null && first != null && first.hasSetDefaultValue()) {
                InputValueWithState d = first.getArgumentDefaultValue();
                n = d.getValue() instanceof Value<?> v ? number(v) : d.getValue() instanceof Number num ? num.longValue() : null;
            }
            if (n == null && last != null) {
                n = (long) dev.kggateway.service.PageRequest.DEFAULT_SIZE;
            }
            if (n != null) {
                return Math.max(1, n);
            }
        }
        // Lists without a page size (edges of a page, a product's properties) are bounded by their parent's page or
        // by the data model; multiplying by them again would price ordinary queries out.
        return 1;
    }

    private static boolean paged(GraphQLFieldDefinition def) {
        return def.getArgument("first") != null || def.getArgument("last") != null;
    }

    /**
     * Groups a field returns, each up to its page size: the length of its {@code types} list (facets: first
     * values per type), the most types a request may name when the list is absent, else 1.
     */
    private long groups(Field field, GraphQLFieldDefinition def) {
        if (def.getArgument("types") == null) {
            return 1;
        }
        for (graphql.language.Argument arg : field.getArguments()) {
            if (arg.getName().equals("types")) {
                if (arg.getValue() instanceof graphql.language.ArrayValue list) {
                    return Math.max(1, list.getValues().size());
                }
                if (arg.getValue() instanceof VariableReference ref
                        && variables.get(ref.getName()) instanceof Collection<?> c) {
                    return Math.max(1, c.size());
                }
            }
        }
        return dev.kggateway.service.CatalogService.MAX_FACET_TYPES;
    }

    private Long number(Value<?> value) {
        if (value instanceof IntValue i) {
            return i.getValue().min(BigInteger.valueOf(Integer.MAX_VALUE)).longValue();
        }
        if (value instanceof VariableReference ref && variables.get(ref.getName()) instanceof Number n) {
            return n.longValue();
        }
        return null;
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return r < 0 ? Long.MAX_VALUE : r;
    }

    private static long saturatedMultiply(long a, long b) {
        return b != 0 && a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
    }
}
