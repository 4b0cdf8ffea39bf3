package dev.kggateway.limits;

import graphql.language.ArrayValue;
import graphql.language.NullValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Size of a product filter argument (a literal, a variable, or a literal holding variables): nesting depth (the
 * filter is level 1, each anyOf/allOf/not one more), the longest list in it, and its number of conditions (each
 * given field and each list entry counts one). Measuring stops descending once the depth cap is passed, so a
 * hostile filter costs no more than a refused one.
 */
final class FilterShape {

    private final Map<String, Object> variables;
    private final int depthCap;
    int depth;
    int width;
    /** Conditions of the largest filter measured. */
    long conditions;
    /** Conditions of every filter measured. */
    long totalConditions;
    private long current;

    FilterShape(Map<String, Object> variables, int depthCap) {
        this.variables = variables;
        this.depthCap = depthCap;
    }

    /** Adds one filter argument value to the measures. */
    void measure(Object argument) {
        current = 0;
        filter(resolve(argument), 1);
        conditions = Math.max(conditions, current);
        totalConditions += current;
    }

    private void filter(Object value, int level) {
        if (!(value instanceof Map<?, ?> fields)) {
            return;
        }
        depth = Math.max(depth, level);
        if (level > depthCap) {
            return;
        }
        for (Map.Entry<?, ?> e : fields.entrySet()) {
            Object v = resolve(e.getValue());
            if (v == null) {
                continue;
            }
            current++;
            String key = String.valueOf(e.getKey());
            if (key.equals("not")) {
                filter(v, level + 1);
            } else if (v instanceof Collection<?> list) {
                width = Math.max(width, list.size());
                current += list.size();
                for (Object entry : list) {
                    Object item = resolve(entry);
                    if (key.equals("anyOf") || key.equals("allOf")) {
                        filter(item, level + 1);
                    } else if (item instanceof Map<?, ?> object) {
                        // propertyIn entries carry their own IN list.
                        object.values().forEach(inner -> {
                            if (resolve(inner) instanceof Collection<?> values) {
                                width = Math.max(width, values.size());
                                current += values.size();
                            }
                        });
                    }
                }
            }
        }
    }

    /** A GraphQL literal as plain values (variables substituted), one level at a time; null for null. */
    private Object resolve(Object value) {
        if (value instanceof VariableReference ref) {
            return variables.get(ref.getName());
        }
        if (value instanceof NullValue) {
            return null;
        }
        if (value instanceof ObjectValue object) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (ObjectField f : object.getObjectFields()) {
                m.put(f.getName(), f.getValue());
            }
            return m;
        }
        if (value instanceof ArrayValue array) {
            List<Value> values = array.getValues();
            return values;
        }
        return value;
    }
}
