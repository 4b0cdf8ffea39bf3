package com.kggateway.ner.tokenize;

import dev.kggateway.ner.contract.Words;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Java port of the HuggingFace {@code BertNormalizer} (clean_text, handle_chinese_chars, lowercase,
 * strip_accents=false, or true for a pre-trained uncased vocabulary) followed by {@code BertPreTokenizer} (split on
 * whitespace, isolate every punctuation char).
 *
 * <p>It must stay byte-for-byte compatible with the tokenizer.json we write, because the gateway tokenizes
 * with DJL's HuggingFaceTokenizer while the trainer tokenizes with this class. Accents are deliberately kept
 * ({@code strip_accents: false}, {@link dev.kggateway.ner.contract.TokenizerJson#STRIP_ACCENTS}) so that "µ" in "0.22 µm" survives instead of being decomposed.
 */
public final class BertPreTokenizer {

    /** A pre-token with its character span in the original (un-normalized) text. */
    public record PreToken(String text, int start, int end) { }

    private BertPreTokenizer() { }

    /** Normalizes and splits {@code text}; offsets refer to {@code text}. */
    public static List<PreToken> preTokenize(String text) {
        return preTokenize(text, false);
    }

    /**
     * @param stripAccents as HF's {@code strip_accents}: each kept token is NFD-decomposed and its non-spacing marks
     *     dropped ("é" → "e"; "µ", which has no canonical decomposition, stays); offsets still refer to {@code text}
     */
    public static List<PreToken> preTokenize(String text, boolean stripAccents) {
        List<PreToken> tokens = preTokenizeKeepingAccents(text);
        if (!stripAccents) {
            return tokens;
        }
        List<PreToken> out = new ArrayList<>(tokens.size());
        for (PreToken t : tokens) {
            String stripped = stripAccents(t.text());
            if (!stripped.isEmpty()) { // a lone combining mark normalises to nothing
                out.add(new PreToken(stripped, t.start(), t.end()));
            }
        }
        return out;
    }

    /** NFD, then drop Unicode Mn (non-spacing marks): HF's {@code strip_accents}. */
    static String stripAccents(String s) {
        String nfd = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder b = new StringBuilder(nfd.length());
        nfd.codePoints().filter(cp -> Character.getType(cp) != Character.NON_SPACING_MARK).forEach(b::appendCodePoint);
        return b.toString();
    }

    private static List<PreToken> preTokenizeKeepingAccents(String text) {
        List<PreToken> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int currentStart = -1;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (cp == 0 || cp == 0xFFFD || isControl(cp)) {
                // clean_text drops these characters entirely; they neither split nor appear in tokens
                i = next;
                continue;
            }
            if (isWhitespace(cp)) {
                currentStart = flush(out, current, currentStart, i);
            } else if (isPunctuation(cp) || isChineseChar(cp)) {
                // punctuation (and CJK chars, which the normalizer pads with spaces) become single tokens
                currentStart = flush(out, current, currentStart, i);
                out.add(new PreToken(lower(new String(Character.toChars(cp))), i, next));
            } else {
                if (current.length() == 0) {
                    currentStart = i;
                }
                current.appendCodePoint(cp);
            }
            i = next;
        }
        flush(out, current, currentStart, text.length());
        return out;
    }

    /** Convenience: only the normalized token strings. */
    public static List<String> tokens(String text) {
        return tokens(text, false);
    }

    /** Only the normalized token strings, accents stripped when {@code stripAccents}. */
    public static List<String> tokens(String text, boolean stripAccents) {
        List<String> result = new ArrayList<>();
        for (PreToken t : preTokenize(text, stripAccents)) {
            result.add(t.text());
        }
        return result;
    }

    private static int flush(List<PreToken> out, StringBuilder current, int start, int end) {
        if (current.length() > 0) {
            out.add(new PreToken(lower(current.toString()), start, end));
            current.setLength(0);
        }
        return -1;
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** Rust's char::is_whitespace plus the ASCII set used by HF's clean_text. */
    static boolean isWhitespace(int cp) {
        return Words.isWhitespace(cp); // the labelling unit splits on exactly the same characters
    }

    /** HF is_control: tab/newline/CR are whitespace, not control; otherwise any "Other" (C*) category. */
    static boolean isControl(int cp) {
        if (cp == '\t' || cp == '\n' || cp == '\r') {
            return false;
        }
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.PRIVATE_USE
                || type == Character.SURROGATE || type == Character.UNASSIGNED;
    }

    /** HF is_bert_punc: ASCII punctuation (includes symbols like $ + < = > ^ ` | ~) or Unicode P* category. */
    public static boolean isPunctuation(int cp) {
        if ((cp >= 33 && cp <= 47) || (cp >= 58 && cp <= 64) || (cp >= 91 && cp <= 96) || (cp >= 123 && cp <= 126)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.CONNECTOR_PUNCTUATION || type == Character.DASH_PUNCTUATION
                || type == Character.START_PUNCTUATION || type == Character.END_PUNCTUATION
                || type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION
                || type == Character.OTHER_PUNCTUATION;
    }

    /** Same code point ranges as HF's is_chinese_char. */
    static boolean isChineseChar(int cp) {
        return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x20000 && cp <= 0x2A6DF)
                || (cp >= 0x2A700 && cp <= 0x2B73F) || (cp >= 0x2B740 && cp <= 0x2B81F)
                || (cp >= 0x2B920 && cp <= 0x2CEAF) || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0x2F800 && cp <= 0x2FA1F);
    }
}
