package dev.kggateway.ner.contract;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds a property value from the text an entity covers. Rules (MODEL_CONTRACT.md, "Values"):
 * <ul>
 * <li>Leading edge: opening brackets and quotes, {@code , ; : ! ? * • ·} and bullets are stripped; a leading dash
 * or dot is stripped unless a digit follows ("-20", ".5").</li>
 * <li>Trailing edge: closing brackets and quotes, {@code , ; : ! ? * / -} are stripped; a {@code "} or {@code '}
 * right after a digit is kept (inch and foot marks: {@code 0.010"}); {@code %} is always kept.</li>
 * <li>A trailing dot is sentence punctuation and stripped, except after a known abbreviation
 * ({@link #DOTTED_ABBREVIATIONS}: "1/4 in.", "8 oz.", "no.") or a dotted acronym ("U.S.P.").</li>
 * <li>Brackets stay balanced: an edge bracket whose partner is inside the value is kept ("Activated Carbon
 * (Charcoal)" keeps both), a pair that wraps the whole value is stripped ("(Pack of 12)" → pack of 12), an edge
 * bracket without a partner is stripped ("Crystals)" → crystals), and an inner bracket without a partner is removed
 * ("Granules (Mesh" → granules mesh), so no value ever holds half a pair.</li>
 * <li>Trademark signs (™ ® © ℠, and their ASCII spellings (R) (TM) (C) glued to a word) are not part of a value and
 * are removed everywhere in it ("Nalgene™" → nalgene, "Viton(R)" → viton).</li>
 * <li>A value without any letter or digit ("-", ".", "..", "%") is no value.</li>
 * <li>The result is normalised like every stored value: NFC, lower case, whitespace runs collapsed to one space.</li>
 * </ul>
 */
public final class ValueText {

    /** Words that keep their trailing dot (lower case, without the dot). */
    public static final Set<String> DOTTED_ABBREVIATIONS = Set.of("in", "oz", "no", "fl", "ft", "lb", "lbs", "gal",
            "qt", "pt", "pk", "pkg", "pc", "pcs", "ea", "cs", "bx", "ct", "dia", "approx", "vol", "wt", "sq", "cu",
            "yd", "mfr", "cat", "ref", "max", "min", "std", "assy", "dz", "doz", "ga");

    private static final String TRADEMARKS = "™®©℠";

    /** Bracket pairs, opening at even and closing at odd indexes. */
    private static final String BRACKETS = "()[]{}\uFF08\uFF09\uFF3B\uFF3D\uFF5B\uFF5D";

    /** ASCII trademark spellings glued to the end of a word: "Viton(R)", "Triton(TM)". */
    private static final Pattern ASCII_TRADEMARK =
            Pattern.compile("(?<=[\\p{L}\\p{N}])\\((?:r|tm|c)\\)(?![\\p{L}\\p{N}])");

    private ValueText() {
    }

    /**
     * Character range {@code [start, end)} of the value inside {@code text[from, to)} after stripping edge
     * punctuation, or {@code null} when what remains has no letter or digit.
     */
    public static int[] bounds(String text, int from, int to) {
        int s = from;
        int e = to;
        boolean changed = true;
        while (changed && s < e) {
            changed = false;
            while (s < e && stripLeading(text, s, e)) {
                s += Character.charCount(text.codePointAt(s));
                changed = true;
            }
            while (s < e && stripTrailing(text, s, e)) {
                e = text.offsetByCodePoints(e, -1);
                changed = true;
            }
            // a bracket pair that wraps the whole value: "(Pack of 12)"
            if (e - s >= 2 && BRACKETS.indexOf(text.charAt(s)) % 2 == 0 && partner(text, s, s, e) == e - 1) {
                s++;
                e--;
                changed = true;
            }
        }
        for (int i = s; i < e; i += Character.charCount(text.codePointAt(i))) {
            if (Character.isLetterOrDigit(text.codePointAt(i))) {
                return new int[] {s, e};
            }
        }
        return null;
    }

    /** The normalised value of {@code text[from, to)}, or {@code null} when it holds no letter or digit. */
    public static String value(String text, int from, int to) {
        int[] b = bounds(text, from, to);
        if (b == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(b[1] - b[0]);
        text.substring(b[0], b[1]).codePoints().filter(cp -> TRADEMARKS.indexOf(cp) < 0).forEach(sb::appendCodePoint);
        String v = normalise(withoutUnpairedBrackets(ASCII_TRADEMARK.matcher(normalise(sb.toString())).replaceAll("")));
        return v.codePoints().anyMatch(Character::isLetterOrDigit) ? v : null;
    }

    /** The gateway's stored-value normalisation: NFC, lower case (ROOT), whitespace runs → one space, trimmed. */
    public static String normalise(String value) {
        if (value == null) {
            return "";
        }
        String nfc = Normalizer.normalize(value, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(nfc.length());
        boolean space = false;
        for (int i = 0; i < nfc.length(); i += Character.charCount(nfc.codePointAt(i))) {
            int cp = nfc.codePointAt(i);
            if (Words.isWhitespace(cp)) {
                space = sb.length() > 0;
            } else {
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.appendCodePoint(cp);
            }
        }
        return sb.toString();
    }

    /**
     * Index of the partner of the bracket at {@code at} inside {@code text[s, e)} (nesting respected), or -1 when it
     * has none there or is not one of {@link #BRACKETS}.
     */
    private static int partner(String text, int at, int s, int e) {
        int k = BRACKETS.indexOf(text.charAt(at));
        if (k < 0) {
            return -1;
        }
        char open = BRACKETS.charAt(k & ~1);
        char close = BRACKETS.charAt(k | 1);
        int depth = 0;
        if (k % 2 == 0) {
            for (int i = at; i < e; i++) {
                char c = text.charAt(i);
                if (c == open) {
                    depth++;
                } else if (c == close && --depth == 0) {
                    return i;
                }
            }
        } else {
            for (int i = at; i >= s; i--) {
                char c = text.charAt(i);
                if (c == close) {
                    depth++;
                } else if (c == open && --depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Removes every bracket of {@link #BRACKETS} that has no partner in {@code v}. */
    static String withoutUnpairedBrackets(String v) {
        boolean[] drop = new boolean[v.length()];
        boolean any = false;
        for (int i = 0; i < v.length(); i++) {
            if (BRACKETS.indexOf(v.charAt(i)) >= 0 && partner(v, i, 0, v.length()) < 0) {
                drop[i] = true;
                any = true;
            }
        }
        if (!any) {
            return v;
        }
        StringBuilder sb = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            if (!drop[i]) {
                sb.append(v.charAt(i));
            }
        }
        return sb.toString();
    }

    private static boolean stripLeading(String text, int s, int e) {
        int cp = text.codePointAt(s);
        if (TRADEMARKS.indexOf(cp) >= 0) {
            return true;
        }
        int next = s + Character.charCount(cp);
        boolean digitFollows = next < e && Character.isDigit(text.codePointAt(next));
        if (cp == '-' || cp == '.' || cp == '\u2013' || cp == '\u2014' || cp == '\u2212') {
            return !digitFollows;
        }
        if (",;:!?*•·/|".indexOf(cp) >= 0 || cp == '"' || cp == '\'' || cp == '`') {
            return true;
        }
        if (BRACKETS.indexOf(cp) >= 0) {
            // an opening bracket closed inside the value stays (a pair wrapping the whole value goes in bounds)
            return partner(text, s, s, e) < 0;
        }
        int type = Character.getType(cp);
        return type == Character.START_PUNCTUATION || type == Character.END_PUNCTUATION
                || type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION;
    }

    private static boolean stripTrailing(String text, int s, int e) {
        int last = text.offsetByCodePoints(e, -1);
        int cp = text.codePointAt(last);
        if (TRADEMARKS.indexOf(cp) >= 0) {
            return true;
        }
        int before = last > s ? text.codePointBefore(last) : -1;
        if (cp == '"' || cp == '\'' || cp == '\u2033' || cp == '\u2032' || cp == '\u201D' || cp == '\u2019') {
            return !(before >= 0 && Character.isDigit(before));
        }
        if (cp == '.') {
            return !keepsDot(text, s, last);
        }
        if (",;:!?*/|-\u2013\u2014".indexOf(cp) >= 0) {
            return true;
        }
        if (BRACKETS.indexOf(cp) >= 0) {
            // "Activated Carbon (Charcoal)" keeps its closing bracket because the opening one stays
            return partner(text, last, s, e) < 0;
        }
        int type = Character.getType(cp);
        return type == Character.START_PUNCTUATION || type == Character.END_PUNCTUATION
                || type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION;
    }

    /** The dot at {@code dot} ends an abbreviation: "in.", "oz.", "no." or a dotted acronym such as "u.s.p.". */
    private static boolean keepsDot(String text, int s, int dot) {
        int w = dot;
        while (w > s && !Words.isWhitespace(text.codePointBefore(w)) && Character.isLetter(text.codePointBefore(w))) {
            w = text.offsetByCodePoints(w, -1);
        }
        String letters = text.substring(w, dot).toLowerCase(Locale.ROOT);
        if (letters.isEmpty()) {
            return false;
        }
        if (DOTTED_ABBREVIATIONS.contains(letters)) {
            return true;
        }
        // dotted acronym: single letters separated by dots ("i.d.", "u.s.p.")
        return letters.length() == 1 && w > s && text.charAt(w - 1) == '.';
    }
}
