package io.ikescope.crypto.keys;

import java.io.IOException;

/**
 * Key material that cannot be used: names the file, the line when there is one, and what is wrong
 * ("keys/ikev2_decryption_table:3: 7 fields; ..."). An {@link IOException} so that callers treat it as
 * unreadable input.
 */
public class KeySourceException extends IOException {
    private static final long serialVersionUID = 1L;
    private final String source;
    private final int line;

    public KeySourceException(String source, int line, String problem) {
        super(source + (line > 0 ? ":" + line : "") + ": " + problem);
        this.source = source;
        this.line = line;
    }

    public String source() {
        return source;
    }

    /** 1-based line number, or 0 when the problem concerns the whole file. */
    public int line() {
        return line;
    }
}
