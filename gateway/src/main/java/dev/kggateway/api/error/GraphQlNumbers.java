package dev.kggateway.api.error;

/**
 * One linear pass over a GraphQL document's lexical structure, enough to find its longest run of digits inside a
 * number literal: digits in names ({@code f123}), strings, block strings and comments do not count.
 */
final class GraphQlNumbers {

    private GraphQlNumbers() {
    }

    static int longestDigitRun(String doc) {
        int longest = 0;
        int n = doc.length();
        int i = 0;
        while (i < n) {
            char c = doc.charAt(i);
            if (c == '#') {
                while (i < n && doc.charAt(i) != '\n' && doc.charAt(i) != '\r') {
                    i++;
                }
            } else if (c == '"') {
                i = doc.startsWith("\"\"\"", i) ? skipBlockString(doc, i + 3) : skipString(doc, i + 1);
            } else if (c == '_' || Character.isLetter(c)) {
                while (i < n && (doc.charAt(i) == '_' || Character.isLetterOrDigit(doc.charAt(i)))) {
                    i++;
                }
            } else if (c >= '0' && c <= '9') {
                int start = i;
                while (i < n && doc.charAt(i) >= '0' && doc.charAt(i) <= '9') {
                    i++;
                }
                longest = Math.max(longest, i - start);
            } else {
                i++;
            }
        }
        return longest;
    }

    /** Index after the closing quote of a "…" string (or the line end / document end if unterminated). */
    private static int skipString(String doc, int i) {
        int n = doc.length();
        while (i < n) {
            char c = doc.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '"') {
                return i + 1;
            } else if (c == '\n' || c == '\r') {
                return i;
            } else {
                i++;
            }
        }
        return n;
    }

    /** Index after the closing triple quote of a block string; {@code \"""} is an escaped triple quote. */
    private static int skipBlockString(String doc, int i) {
        int n = doc.length();
        while (i < n) {
            if (doc.startsWith("\\\"\"\"", i)) {
                i += 4;
            } else if (doc.startsWith("\"\"\"", i)) {
                return i + 3;
            } else {
                i++;
            }
        }
        return n;
    }
}
