package dev.kggateway.ner.contract;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Lemma → {@link LexicalClass}: a compact table the trainer derives from WordNet and writes into the model folder
 * ({@code lexical-classes.tsv.gz}), so the folder is self-contained and the gateway needs no dictionary at run time.
 * {@link #classOf} looks a whitespace word up: lower case, trademark signs and edge punctuation stripped, then the
 * word itself, then WordNet's "morphy" suffix rules (plural nouns, comparative adjectives), then the last part of a
 * hyphenated word ("Luer-Slip" → slip). Closed-class words are {@link LexicalClass#FUNCTION} whatever WordNet says
 * ("a" and "at" are also WordNet nouns).
 */
public final class LexicalClassTable {
    public static final String FILE = "lexical-classes.tsv.gz";

    static final Set<String> FUNCTION_WORDS = Set.of("a", "an", "the", "and", "or", "of", "for", "with", "without",
            "to", "by", "from", "per", "x", "×", "&", "w/", "w/o", "at", "on", "into", "onto", "&amp;", "+", "nor", "vs",
            "via", "incl", "including", "each");

    /** WordNet's morphy detachment rules: noun plurals, then adjective comparatives/superlatives. */
    private static final String[][] SUFFIX_RULES = {
        {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"},
        {"s", ""}, {"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"},
    };

    private final Map<String, LexicalClass> classes;

    public LexicalClassTable(Map<String, LexicalClass> classes) {
        this.classes = Map.copyOf(classes);
    }

    public int size() {
        return classes.size();
    }

    /** The class of a lemma as stored (no lemmatisation), or null. */
    public LexicalClass lemma(String lemma) {
        return classes.get(lemma);
    }

    /** The class of one whitespace word. */
    public LexicalClass classOf(String word) {
        String w = WordShape.core(word);
        if (!isAscii(w)) {
            w = Normalizer.normalize(w, Normalizer.Form.NFC);
        }
        w = w.toLowerCase(Locale.ROOT);
        while (w.endsWith(".")) {
            w = w.substring(0, w.length() - 1);
        }
        if (w.isEmpty()) {
            return LexicalClass.UNKNOWN;
        }
        if (FUNCTION_WORDS.contains(w)) {
            return LexicalClass.FUNCTION;
        }
        LexicalClass c = lookUp(w);
        if (c != null) {
            return c;
        }
        int joint = Math.max(w.lastIndexOf('-'), w.lastIndexOf('/'));
        if (joint > 0 && joint < w.length() - 1) {
            c = lookUp(w.substring(joint + 1));
            if (c != null) {
                return c;
            }
        }
        return LexicalClass.UNKNOWN;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private LexicalClass lookUp(String w) {
        LexicalClass c = classes.get(w);
        if (c != null) {
            return c;
        }
        for (String[] rule : SUFFIX_RULES) {
            if (w.length() > rule[0].length() + 1 && w.endsWith(rule[0])) {
                c = classes.get(w.substring(0, w.length() - rule[0].length()) + rule[1]);
                if (c != null) {
                    return c;
                }
            }
        }
        return null;
    }

    /** Writes {@code lemma<TAB>CLASS} lines, sorted, gzip-compressed (deterministic bytes: no timestamp). */
    public void write(Path file) throws IOException {
        try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(
                new GZIPOutputStream(Files.newOutputStream(file)), StandardCharsets.UTF_8))) {
            for (Map.Entry<String, LexicalClass> e : new TreeMap<>(classes).entrySet()) {
                out.write(e.getKey());
                out.write('\t');
                out.write(e.getValue().name());
                out.write('\n');
            }
        }
    }

    public static LexicalClassTable read(Path file) {
        Map<String, LexicalClass> classes = new HashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                int tab = line.indexOf('\t');
                if (tab <= 0) {
                    throw new IllegalStateException(file + " line " + n + ": expected lemma<TAB>CLASS");
                }
                try {
                    classes.put(line.substring(0, tab), LexicalClass.valueOf(line.substring(tab + 1)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(file + " line " + n + ": unknown lexical class "
                            + line.substring(tab + 1) + " (known: " + List.of(LexicalClass.values()) + ")", e);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return new LexicalClassTable(classes);
    }
}
