package com.kggateway.ner.data;

/** A malformed row in a seed-format CSV; carries the 1-based line number for the user. */
public class CsvFormatException extends RuntimeException {
    private final long line;

    public CsvFormatException(long line, String message) {
        super("line " + line + ": " + message);
        this.line = line;
    }

    public long line() {
        return line;
    }
}
