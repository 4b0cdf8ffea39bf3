package dev.kggateway.ner.contract;

import java.util.regex.Pattern;

/**
 * A word's shape: what its characters look like, independent of the vocabulary. The tokenizer lower-cases, so
 * without this the model never sees that "Nalgene" is capitalised or "PTFE" an acronym, and it sees "500mL" only
 * as pieces. Computed on the whitespace word ({@link Words}) with trademark signs and edge punctuation ignored
 * (a trailing comma or bracket does not change what the word is); a word that is nothing but punctuation is
 * {@link #PUNCTUATION}.
 *
 * <p>The order is part of the model contract (see {@link LexicalClass}). Append, never reorder.
 */
public enum WordShape {
    PAD,
    /** Only punctuation or symbols ("-", "&", "x" is a LOWER word). */
    PUNCTUATION,
    /** Digits with optional sign, decimal point or thousands separators: "500", "0.22", "1,000". */
    NUMBER,
    /** A number glued to letters or a unit sign: "10mm", "500mL", "0.2µm", "25°C", "4X". */
    NUMBER_UNIT,
    /** "1/4", "1-1/2", "3/8\"". */
    FRACTION,
    /** "10-12", "2.5–3.0", "20x30" (numbers joined by a dash or x). */
    RANGE,
    /** "99.9%", "≥98%", "10-12%". */
    PERCENT,
    /** A number with an inch or foot mark: "0.010\"", "12'". */
    NUMBER_MARK,
    /** Letters and digits mixed with a letter first, or several groups: "PMC-12", "A1234", "USP-NF", "ISO9001". */
    CODE,
    /** All upper-case letters, two or more: "PTFE", "ACS", "PK". */
    UPPER,
    /** Capitalised: "Potassium", "Nalgene". */
    TITLE,
    /** Upper case inside a word: "iPhone", "McMaster", "pH" (not a hyphenated or UPPER word). */
    MIXED_CASE,
    /** Lower-case letters only. */
    LOWER,
    /** Letter words joined by a hyphen or slash: "single-use", "Luer-Slip", "w/o". */
    JOINED,
    /** Anything else (letters with other characters, non-Latin scripts). */
    OTHER;

    private static final Pattern TRADEMARK = Pattern.compile("[™®©℠]|\\((R|TM|C)\\)$");
    private static final Pattern NUMBER_RE = Pattern.compile("[+\\-±~≈<>≤≥]?\\d+([.,]\\d+)*");
    private static final Pattern FRACTION_RE = Pattern.compile("(\\d+[-\\s])?\\d+/\\d+[\"']?");
    private static final Pattern RANGE_RE = Pattern.compile("\\d+([.,]\\d+)*\\s*[-–—xX×]\\s*\\d+([.,]\\d+)*");
    private static final Pattern PERCENT_RE = Pattern.compile("[+\\-±~≈<>≤≥]?\\d.*%");
    private static final Pattern NUMBER_MARK_RE = Pattern.compile("\\d+([.,]\\d+)*(/\\d+)?[\"'″′]");
    private static final Pattern NUMBER_UNIT_RE = Pattern.compile("[+\\-±~≈<>≤≥]?\\d+([.,]\\d+)*[\\p{L}°µμ]+[\\p{L}\\d°]*");

    /** The shape of one whitespace word. */
    public static WordShape of(String word) {
        String w = core(word);
        if (w.isEmpty()) {
            return PUNCTUATION;
        }
        boolean letter = false;
        boolean digit = false;
        for (int i = 0; i < w.length(); ) {
            int cp = w.codePointAt(i);
            letter |= Character.isLetter(cp);
            digit |= Character.isDigit(cp);
            i += Character.charCount(cp);
        }
        if (!letter && !digit) {
            return PUNCTUATION;
        }
        if (digit) {
            if (w.indexOf('%') >= 0 && PERCENT_RE.matcher(w).matches()) {
                return PERCENT;
            }
            if (NUMBER_RE.matcher(w).matches()) {
                return NUMBER;
            }
            if (FRACTION_RE.matcher(w).matches()) {
                return FRACTION;
            }
            if (NUMBER_MARK_RE.matcher(w).matches()) {
                return NUMBER_MARK;
            }
            if (RANGE_RE.matcher(w).matches()) {
                return RANGE;
            }
            if (NUMBER_UNIT_RE.matcher(w).matches()) {
                return NUMBER_UNIT;
            }
            return letter ? CODE : OTHER;
        }
        boolean joined = w.indexOf('-') > 0 || w.indexOf('/') > 0;
        StringBuilder lettersOnly = new StringBuilder(w.length());
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (Character.isLetter(c)) {
                lettersOnly.append(c);
            } else if (c != '-' && c != '/' && c != '.' && c != '\'') {
                return OTHER;
            }
        }
        String letters = lettersOnly.toString();
        boolean allUpper = letters.length() >= 2 && letters.codePoints().noneMatch(Character::isLowerCase);
        if (allUpper) {
            return joined && letters.length() > 6 ? JOINED : UPPER;
        }
        if (joined) {
            return JOINED;
        }
        boolean allLower = letters.codePoints().noneMatch(Character::isUpperCase);
        if (allLower) {
            return LOWER;
        }
        boolean titled = Character.isUpperCase(letters.codePointAt(0))
                && letters.substring(Character.charCount(letters.codePointAt(0))).codePoints().noneMatch(Character::isUpperCase);
        return titled ? TITLE : MIXED_CASE;
    }

    /** The word without trademark signs and without edge punctuation that does not belong to it. */
    static String core(String word) {
        String w = word;
        if (w.indexOf('™') >= 0 || w.indexOf('®') >= 0 || w.indexOf('©') >= 0 || w.indexOf('℠') >= 0 || w.endsWith(")")) {
            w = TRADEMARK.matcher(w).replaceAll("");
        }
        int start = 0;
        int end = w.length();
        while (start < end && isEdge(w.charAt(start), true)) {
            start++;
        }
        while (end > start && isEdge(w.charAt(end - 1), false)) {
            end--;
        }
        return w.substring(start, end);
    }

    private static boolean isEdge(char c, boolean leading) {
        if ("()[]{},;:!?*•·|".indexOf(c) >= 0) {
            return true;
        }
        // a dot ends an abbreviation ("in.") and a quote mark may be an inch mark: keep those at the end
        return leading ? "\"'.“”‘’-–".indexOf(c) >= 0 : "“”‘’".indexOf(c) >= 0;
    }
}
