package dev.kggateway.limits;

import dev.kggateway.api.error.RequestErrors;
import graphql.Scalars;
import graphql.execution.AbortExecutionException;
import graphql.language.ArrayValue;
import graphql.language.IntValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * GraphQL {@code Int} is 32-bit, but SmallRye GraphQL's Int scalar accepts any integer literal and narrows it
 * ({@code first: 4294967298} arrived as 2) and passes variable values through unchecked. This finds the first
 * literal or variable value out of range for an {@code Int} input (arguments, list items, input object fields) so
 * the request is refused as a validation error instead. Strings that are no Int are refused the same way.
 */
final class IntArguments {

    private static final BigInteger MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger MAX = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final BigDecimal MIN_DECIMAL = new BigDecimal(MIN);
    private static final BigDecimal MAX_DECIMAL = new BigDecimal(MAX);

    private IntArguments() {
    }

    /** The first out-of-range Int in a literal of the given input type, as text, or null. Variables are skipped. */
    static String literal(Value<?> value, GraphQLInputType type) {
        GraphQLType t = GraphQLTypeUtil.unwrapNonNull(type);
        if (value instanceof ArrayValue array) {
            GraphQLType item = t instanceof GraphQLList list ? list.getWrappedType() : t;
            for (Value<?> v : array.getValues()) {
                String bad = item instanceof GraphQLInputType in ? literal(v, in) : null;
                if (bad != null) {
                    return bad;
                }
            }
        } else if (value instanceof ObjectValue object && t instanceof GraphQLInputObjectType input) {
            for (ObjectField f : object.getObjectFields()) {
                GraphQLInputObjectField def = input.getField(f.getName());
                String bad = def == null ? null : literal(f.getValue(), def.getType());
                if (bad != null) {
                    return bad;
                }
            }
        } else if (value instanceof IntValue i && isInt(t)) {
            BigInteger n = i.getValue();
            if (n.compareTo(MIN) < 0 || n.compareTo(MAX) > 0) {
                return abbreviate(n.toString());
            }
        } else if (value instanceof StringValue text && isInt(t) && !fitsInt(text.getValue())) {
            return '"' + abbreviate(text.getValue()) + '"';
        }
        return null;
    }

    /** SmallRye's Int also takes numeric strings ("12"); anything else would fail inside the resolver call. */
    private static boolean fitsInt(String text) {
        if (text.length() > 20) {
            return false;
        }
        try {
            new BigDecimal(text.strip()).intValueExact();
            return true;
        } catch (NumberFormatException | ArithmeticException e) {
            return false;
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    /** The first out-of-range Int in a (JSON-decoded) variable value of the given input type, or null. */
    static String value(Object value, GraphQLInputType type) {
        GraphQLType t = GraphQLTypeUtil.unwrapNonNull(type);
        if (value instanceof List<?> items) {
            GraphQLType item = t instanceof GraphQLList list ? list.getWrappedType() : t;
            for (Object v : items) {
                String bad = item instanceof GraphQLInputType in ? value(v, in) : null;
                if (bad != null) {
                    return bad;
                }
            }
        } else if (value instanceof Map<?, ?> object && t instanceof GraphQLInputObjectType input) {
            for (Map.Entry<?, ?> e : object.entrySet()) {
                GraphQLInputObjectField def = input.getField(String.valueOf(e.getKey()));
                String bad = def == null ? null : value(e.getValue(), def.getType());
                if (bad != null) {
                    return bad;
                }
            }
        } else if (value instanceof Number n && isInt(t) && !fitsInt(n)) {
            return abbreviate(n.toString());
        } else if (value instanceof String text && isInt(t) && !fitsInt(text)) {
            return '"' + abbreviate(text) + '"';
        }
        return null;
    }

    private static boolean isInt(GraphQLType t) {
        return t instanceof GraphQLNamedType named && named.getName().equals(Scalars.GraphQLInt.getName());
    }

    private static boolean fitsInt(Number n) {
        if (n instanceof Integer || n instanceof Short || n instanceof Byte) {
            return true;
        }
        if (n instanceof Long l) {
            return l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE;
        }
        if (n instanceof BigInteger b) {
            return b.compareTo(MIN) >= 0 && b.compareTo(MAX) <= 0;
        }
        // BigDecimal (SmallRye decodes every JSON number so), Double, Float: compare before converting, because a
        // value such as 1e999999999 must not be expanded into its digits.
        BigDecimal d = n instanceof BigDecimal bd ? bd : Double.isFinite(n.doubleValue()) ? new BigDecimal(n.toString()) : null;
        return d != null && d.compareTo(MIN_DECIMAL) >= 0 && d.compareTo(MAX_DECIMAL) <= 0
                && d.stripTrailingZeros().scale() <= 0;
    }

    /** The error for an out-of-range Int: a validation error (graphql-java's own Int scalar would refuse it so). */
    static AbortExecutionException abort(String where, String value) {
        return new AbortExecutionException(List.of(ValidationError.newValidationError()
                .validationErrorType(ValidationErrorType.WrongType)
                .description(where + ": " + value + " is not a 32-bit Int")
                .extensions(Map.of("code", RequestErrors.VALIDATION_FAILED))
                .build()));
    }
}
