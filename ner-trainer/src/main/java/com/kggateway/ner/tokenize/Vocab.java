package com.kggateway.ner.tokenize;

import dev.kggateway.ner.contract.TokenizerJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * WordPiece vocabulary: line number in vocab.txt is the id. Every special token must be present; a vocabulary
 * built by this trainer has them first ([PAD] = 0), bert-base-uncased's (pre-trained encoders) at 0 and 100..103.
 * {@link #stripAccents()} is the normaliser setting that goes with the pieces (tokenizer.json's
 * {@code strip_accents}): false for vocabularies built here, true for an uncased pre-trained one.
 */
public final class Vocab {
    public static final String PAD = TokenizerJson.PAD;
    public static final String UNK = TokenizerJson.UNK;
    public static final String CLS = TokenizerJson.CLS;
    public static final String SEP = TokenizerJson.SEP;
    public static final String MASK = TokenizerJson.MASK;
    public static final List<String> SPECIALS = TokenizerJson.SPECIALS;

    private final List<String> pieces;
    private final Map<String, Integer> ids;
    private final boolean stripAccents;

    public Vocab(List<String> pieces) {
        this(pieces, false);
    }

    public Vocab(List<String> pieces, boolean stripAccents) {
        for (String special : SPECIALS) {
            if (!pieces.contains(special)) {
                throw new IllegalArgumentException("vocab must contain " + SPECIALS + ", lacks " + special);
            }
        }
        if (!PAD.equals(pieces.get(0))) {
            throw new IllegalArgumentException("vocab must have " + PAD + " at id 0 (padding is 0)");
        }
        this.stripAccents = stripAccents;
        this.pieces = List.copyOf(pieces);
        this.ids = new HashMap<>();
        for (int i = 0; i < pieces.size(); i++) {
            if (ids.putIfAbsent(pieces.get(i), i) != null) {
                throw new IllegalArgumentException("duplicate vocab entry: " + pieces.get(i));
            }
        }
    }

    /** Whether the normaliser strips accents (NFD, then drop non-spacing marks) before splitting into pieces. */
    public boolean stripAccents() {
        return stripAccents;
    }

    /** The same pieces with the normaliser's accent setting read from a folder's tokenizer.json. */
    public Vocab withStripAccents(boolean strip) {
        return strip == stripAccents ? this : new Vocab(pieces, strip);
    }

    public static Vocab read(Path file) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return new Vocab(lines);
    }

    public void write(Path file) throws IOException {
        Files.write(file, pieces, StandardCharsets.UTF_8);
    }

    public int size() {
        return pieces.size();
    }

    public boolean contains(String piece) {
        return ids.containsKey(piece);
    }

    public int id(String piece) {
        Integer id = ids.get(piece);
        return id == null ? ids.get(UNK) : id;
    }

    public String piece(int id) {
        return pieces.get(id);
    }

    public List<String> pieces() {
        return Collections.unmodifiableList(pieces);
    }

    public int padId() { return id(PAD); }
    public int unkId() { return id(UNK); }
    public int clsId() { return id(CLS); }
    public int sepId() { return id(SEP); }
}
