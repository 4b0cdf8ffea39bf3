package dev.kggateway.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.rio.helpers.NTriplesUtil;

/**
 * A SPARQL text kept in {@code src/main/resources/sparql/NAME.rq} with {@code {{placeholders}}}. Placeholders are
 * filled only with RDF terms (rendered through RDF4J's N-Triples escaping, so a literal can never break out of its
 * quotes), numbers, lists of terms, or {@link Fragment}s the server itself chose. No client string is concatenated.
 */
final class NamedQuery {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-zA-Z][a-zA-Z0-9]*)}}");
    private static final Map<String, NamedQuery> CACHE = new ConcurrentHashMap<>();

    private final String name;
    private final String text;

    private NamedQuery(String name, String text) {
        this.name = name;
        this.text = text;
    }

    static NamedQuery of(String name) {
        return CACHE.computeIfAbsent(name, NamedQuery::load);
    }

    private static NamedQuery load(String name) {
        String path = "sparql/" + name + ".rq";
        try (InputStream in = NamedQuery.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing SPARQL resource " + path);
            }
            // Whole-line comments document the .rq file; they are dropped so placeholders named in them stay inert.
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.stripLeading().startsWith("#"))
                    .collect(java.util.stream.Collectors.joining("\n"));
            return new NamedQuery(name, text);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read SPARQL resource " + path, e);
        }
    }

    String name() {
        return name;
    }

    /** Renders the query; every placeholder must be given. */
    String render(Map<String, ?> args) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 256);
        while (m.find()) {
            String key = m.group(1);
            if (!args.containsKey(key)) {
                throw new IllegalStateException("query " + name + " needs argument " + key);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(term(args.get(key))));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String term(Object arg) {
        if (arg instanceof Value value) {
            return NTriplesUtil.toNTriplesString(value, true);
        }
        if (arg instanceof Integer || arg instanceof Long) {
            return arg.toString();
        }
        if (arg instanceof Fragment fragment) {
            return fragment.sparql();
        }
        if (arg instanceof Collection<?> values) {
            StringBuilder sb = new StringBuilder();
            for (Object v : values) {
                sb.append(term(v)).append(' ');
            }
            return sb.toString();
        }
        throw new IllegalArgumentException("unsupported SPARQL argument type " + (arg == null ? null : arg.getClass()));
    }

    /** A piece of SPARQL assembled by the store itself from terms rendered with {@link #term(Object)}. */
    record Fragment(String sparql) {
    }
}
