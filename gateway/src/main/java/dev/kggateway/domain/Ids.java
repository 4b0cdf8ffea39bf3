package dev.kggateway.domain;

import dev.kggateway.domain.error.InvalidArgumentException;
import dev.kggateway.domain.error.InvalidIdException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Validation and normalisation of everything that ends up inside an IRI or is compared as a key. IRIs are only ever
 * minted from values that passed through here.
 */
public final class Ids {

    public static final int MAX_PRODUCT_ID_LENGTH = 128;
    public static final int MAX_PROPERTY_VALUE_LENGTH = 200;
    private static final Pattern PRODUCT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0," + (MAX_PRODUCT_ID_LENGTH - 1) + "}");
    private static final Pattern PROPERTY_TYPE = Pattern.compile("[a-z][a-z0-9_-]{0,39}");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private Ids() {
    }

    /** Returns the id unchanged when it is a safe product id, otherwise fails with INVALID_ID. */
    public static String productId(String id) {
        if (id == null || !PRODUCT_ID.matcher(id).matches()) {
            throw new InvalidIdException("product id must match [A-Za-z0-9][A-Za-z0-9._-]* and be at most "
                    + MAX_PRODUCT_ID_LENGTH + " characters: " + abbreviate(id));
        }
        return id;
    }

    public static boolean isProductId(String id) {
        return id != null && PRODUCT_ID.matcher(id).matches();
    }

    /** Lower-cases and trims a property type, which must then be a short identifier such as {@code material}. */
    public static String propertyType(String type) {
        String normalised = type == null ? "" : type.strip().toLowerCase(Locale.ROOT);
        if (!PROPERTY_TYPE.matcher(normalised).matches()) {
            throw new InvalidArgumentException(
                    "property type must match [a-z][a-z0-9_-]* (at most 40 characters): " + abbreviate(type));
        }
        return normalised;
    }

    /**
     * Normalises a property value as the seed does: Unicode NFC, lower-cased, whitespace runs collapsed to one space,
     * trimmed. Empty or over-long values are rejected, and so are values without a letter or digit ("-", ".", "%"):
     * such a value says nothing about a product, yet would become a node every product with the same slip shares.
     */
    public static String propertyValue(String value) {
        String normalised = storedPropertyValue(value);
        if (normalised.codePoints().noneMatch(Character::isLetterOrDigit)) {
            throw new InvalidArgumentException("property value must contain a letter or digit: " + abbreviate(value));
        }
        return normalised;
    }

    /**
     * Normalises a property value on the read side (ids, filters): the same rules as {@link #propertyValue(String)}
     * except the letter-or-digit rule, because a store written by an older version may hold values such as "." or
     * ".." and those nodes must stay addressable (and repairable) rather than fail every read that meets them.
     */
    public static String storedPropertyValue(String value) {
        // Control characters and lone surrogates do not survive storage verbatim (HostileInputTest).
        String normalised = normaliseText(text("property value", value, Integer.MAX_VALUE));
        if (normalised.isEmpty() || normalised.length() > MAX_PROPERTY_VALUE_LENGTH) {
            throw new InvalidArgumentException("property value must be 1 to " + MAX_PROPERTY_VALUE_LENGTH
                    + " characters after normalisation: " + abbreviate(value));
        }
        return normalised;
    }

    /** NFC, lower-case, collapsed whitespace; no validation. */
    public static String normaliseText(String value) {
        if (value == null) {
            return "";
        }
        String lower = Normalizer.normalize(value, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        // Most values have no run to collapse: the regex (a bulk load's most frequent one) only runs for those that do.
        return (hasWhitespaceToCollapse(lower) ? WHITESPACE.matcher(lower).replaceAll(" ") : lower).strip();
    }

    /** Whether {@code \s+} to one space would change the text: a whitespace character other than a space, or two in a row. */
    private static boolean hasWhitespaceToCollapse(String s) {
        boolean previousSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || (c == ' ' && previousSpace)) {
                return true;
            }
            previousSpace = c == ' ';
        }
        return false;
    }

    /** Rejects control characters (other than tab and line breaks) and unpaired surrogates in free text. */
    public static String text(String field, String value, int maxLength) {
        if (value == null) {
            return null;
        }
        if (value.length() > maxLength) {
            throw new InvalidArgumentException(field + " is longer than " + maxLength + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                throw new InvalidArgumentException(field + " contains control character U+"
                        + String.format("%04X", (int) c) + " at index " + i);
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    throw new InvalidArgumentException(field + " contains an unpaired surrogate at index " + i);
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                throw new InvalidArgumentException(field + " contains an unpaired surrogate at index " + i);
            }
        }
        return value;
    }

    static String abbreviate(String s) {
        if (s == null) {
            return "null";
        }
        return s.length() <= 60 ? '"' + s + '"' : '"' + s.substring(0, 57) + "...\"";
    }
}
