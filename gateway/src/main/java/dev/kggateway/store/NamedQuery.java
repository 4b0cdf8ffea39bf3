package dev.kggateway.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.rio.helpers.NTriplesUtil;

/**
 * A SPARQL text kept in {@code src/main/resources/sparql/NAME.rq} with {@code {{placeholders}}}: a whole query or
 * update, or a named fragment ({@code fragments/FILE.rq}, one section per {@code #@ NAME} line, named
 * {@code fragments/FILE#NAME}) that the store assembles into a query's placeholders. All SPARQL text lives in these
 * files; Java only chooses fragments and fills placeholders. Placeholders are filled only with RDF terms (rendered
 * through RDF4J's N-Triples escaping, so a literal can never break out of its quotes), numbers, {@link Variable}s,
 * {@link Fragment}s rendered from these files, or lists of those; {@code {{name join=", "}}} joins a list with the
 * given separator (default: a space). No client string is concatenated.
 */
final class NamedQuery {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-zA-Z][a-zA-Z0-9]*)(?: join=\"([^\"]*)\")?}}");
    private static final String SECTION = "#@ ";
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

    /** The fragment {@code fragments/FILE#NAME} rendered with {@code args} (name/value pairs). */
    static Fragment fragment(String name, Object... args) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            map.put((String) args[i], args[i + 1]);
        }
        return new Fragment(of("fragments/" + name).render(map));
    }

    private static NamedQuery load(String name) {
        int hash = name.indexOf('#');
        String path = "sparql/" + (hash < 0 ? name : name.substring(0, hash)) + ".rq";
        try (InputStream in = NamedQuery.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing SPARQL resource " + path);
            }
            Stream<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines();
            if (hash >= 0) {
                lines = section(lines.toList(), name.substring(hash + 1), path).stream();
            }
            // Whole-line comments document the .rq file; they are dropped so placeholders named in them stay inert.
            String text = lines.filter(line -> !line.stripLeading().startsWith("#"))
                    .collect(Collectors.joining("\n"));
            return new NamedQuery(name, text);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read SPARQL resource " + path, e);
        }
    }

    /** The lines of one {@code #@ NAME} section: up to the next section or the end of the file. */
    private static List<String> section(List<String> lines, String section, String path) {
        int start = lines.indexOf(SECTION + section);
        if (start < 0) {
            throw new IllegalStateException("missing section " + section + " in SPARQL resource " + path);
        }
        int end = start + 1;
        while (end < lines.size() && !lines.get(end).startsWith(SECTION)) {
            end++;
        }
        return lines.subList(start + 1, end);
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
            Object arg = args.get(key);
            String rendered = m.group(2) != null && arg instanceof Collection<?> values ? join(values, m.group(2))
                    : term(arg);
            m.appendReplacement(out, Matcher.quoteReplacement(rendered));
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
        if (arg instanceof Variable variable) {
            return "?" + variable.name();
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

    private static String join(Collection<?> values, String separator) {
        StringBuilder sb = new StringBuilder();
        for (Object v : values) {
            sb.append(sb.isEmpty() ? "" : separator).append(term(v));
        }
        return sb.toString();
    }

    /** A piece of SPARQL rendered from a fragment of these files ({@link #fragment}), or several joined by lines. */
    record Fragment(String sparql) {

        static final Fragment EMPTY = new Fragment("");

        /** The fragments one per line (patterns of one group). */
        static Fragment lines(Collection<Fragment> fragments) {
            return new Fragment(String.join("\n", fragments.stream().map(Fragment::sparql).toList()));
        }
    }

    /** A variable the store names (never from client input): letters, digits and underscores. */
    record Variable(String name) {
        Variable {
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("not a SPARQL variable name: " + name);
            }
        }
    }
}
