package dev.kggateway.service;

import dev.kggateway.domain.error.InvalidCursorException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque Relay cursors: base64url of {@code kind:key}. The kind keeps a cursor of one listing from being replayed
 * on another; the key is the keyset position (a product id or a property id), validated again on the way in.
 */
public final class Cursors {

    private Cursors() {
    }

    public static String encode(String kind, String key) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((kind + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    /** The key inside a cursor of the given kind, or null for a null cursor. */
    public static String decode(String kind, String cursor) {
        if (cursor == null) {
            return null;
        }
        String text = text(cursor);
        String prefix = kind + ":";
        if (!text.startsWith(prefix) || text.length() == prefix.length()) {
            throw new InvalidCursorException("cursor does not belong to this listing");
        }
        return text.substring(prefix.length());
    }

    /** The decoded text ({@code kind:key}) of a non-null cursor. */
    static String text(String cursor) {
        try {
            if (cursor.length() > 4096) {
                throw new IllegalArgumentException("too long");
            }
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidCursorException("malformed cursor: not issued by this server");
        }
    }
}
