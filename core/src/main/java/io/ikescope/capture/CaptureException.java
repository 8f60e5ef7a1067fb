package io.ikescope.capture;

import java.io.IOException;

/** A capture that cannot be read further: names the input and the byte offset where it went wrong. */
public class CaptureException extends IOException {
    private static final long serialVersionUID = 1L;
    private final String source;
    private final long offset;

    public CaptureException(String source, long offset, String problem) {
        super(source + ": " + (offset >= 0 ? "at byte " + offset + ": " : "") + problem);
        this.source = source;
        this.offset = offset;
    }

    public String source() { return source; }

    /** Offset in the (decompressed) stream, or -1 when not tied to a position. */
    public long offset() { return offset; }
}
