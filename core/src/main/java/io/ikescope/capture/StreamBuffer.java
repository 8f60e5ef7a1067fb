package io.ikescope.capture;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.ZipException;

/**
 * A window over a capture stream: one fixed byte array refilled from the stream, so a record is parsed in
 * place and handed out as a view without copying or allocating.
 *
 * <p>The array is {@link #CAPACITY} bytes. A record must fit in it whole; the readers bound every record
 * well below that (see {@link CaptureLimits}), so the array grows at most once: a stream opened here starts with
 * {@link #FIRST_READ} bytes and takes the full array once that much has come, so that a reader opened only for its
 * first packet (diagnose orders a directory's files by them), or of a smaller file, neither allocates nor zeroes a
 * MiB (measured: a third of a millisecond per file, most of it page faults). Readers take {@link #array()} anew after each
 * {@link #require}. Offsets are counted in the (decompressed) stream from its first byte, for error messages.
 */
final class StreamBuffer {
    /** 1 MiB: large reads keep system-call and decompression overhead per byte low. */
    static final int CAPACITY = 1 << 20;
    /** The first read asks for no more: a reader opened only to look at the first packet reads little. */
    static final int FIRST_READ = 64 << 10;
    /** Past the end of a byte range, reads ask for what the last record needs, or this much. */
    static final int PAST_END_READ = 4 << 10;

    private final InputStream in;
    private final CountingInputStream raw;
    private final String source;
    private byte[] buf;
    private int pos;
    private int limit;
    /** Stream offset of {@code buf[0]}. */
    private long base;
    private boolean eof;
    /** Set when a compressed stream ended before its end-of-stream marker. */
    private String earlyEnd;
    /** Where the bytes wanted end (a byte range: its last record may reach a little past); else Long.MAX_VALUE. */
    private final long softEnd;
    private boolean firstRead = true;

    /** @param raw the bottom of {@code in}'s chain (before decompression), counting what was read of the input */
    StreamBuffer(InputStream in, CountingInputStream raw, String source) {
        this.in = in;
        this.raw = raw;
        this.source = source;
        this.base = 0;
        this.softEnd = Long.MAX_VALUE;
        this.buf = new byte[FIRST_READ];
    }

    /**
     * A stream that begins at byte {@code offset} of the capture (a byte range of a file, whose bytes are wanted up to
     * about {@code softEnd}), read through {@code buffer} ({@link #CAPACITY} bytes, which the caller may use again once
     * done with this stream).
     */
    StreamBuffer(InputStream in, CountingInputStream raw, String source, long offset, long softEnd, byte[] buffer) {
        if (buffer.length != CAPACITY) {
            throw new IllegalArgumentException("a stream buffer has " + CAPACITY + " bytes, not " + buffer.length);
        }
        this.in = in;
        this.raw = raw;
        this.source = source;
        this.base = offset;
        this.softEnd = softEnd;
        this.buf = buffer;
    }

    /** Bytes taken from the input itself (compressed bytes when it is gzip). */
    long rawBytesRead() {
        return raw.count();
    }

    byte[] array() {
        return buf;
    }

    /** Index in {@link #array()} of the next unread byte. */
    int position() {
        return pos;
    }

    /** Stream offset of the next unread byte. */
    long offset() {
        return base + pos;
    }

    /** Bytes readable at {@link #position()} without refilling. */
    int buffered() {
        return limit - pos;
    }

    /** A gzip stream that stopped mid-member: the text says so; null otherwise. */
    String earlyEnd() {
        return earlyEnd;
    }

    /**
     * Makes at least {@code need} bytes readable at {@link #position()} unless the stream ends first.
     *
     * @param need at most {@link #CAPACITY}
     * @return the bytes now readable (less than {@code need} only at the end of the stream)
     */
    int require(int need) throws IOException {
        if (limit - pos >= need) {
            return limit - pos;
        }
        if (need > CAPACITY) {
            throw new IllegalArgumentException("record of " + need + " bytes exceeds the buffer");
        }
        if (pos > 0) {
            // Compact: the consumer has finished with everything before pos (frames are valid until next()).
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            base += pos;
            limit -= pos;
            pos = 0;
        }
        if (buf.length < CAPACITY && (base + limit >= FIRST_READ || need > buf.length)) {
            buf = Arrays.copyOf(buf, CAPACITY);
        }
        while (limit < need && !eof) {
            int n = read(buf, limit, readSize(need));
            if (n < 0) {
                eof = true;
            } else {
                limit += n;
            }
        }
        return limit - pos;
    }

    /** What to ask the stream for: the room left, but only what a first look or the end of a range needs. */
    private int readSize(int need) {
        int room = buf.length - limit;
        int missing = need - limit;
        long at = base + limit;
        long wanted = at >= softEnd ? Math.max(missing, PAST_END_READ)
                : Math.max(missing, Math.min(softEnd - at, firstRead ? FIRST_READ : room));
        firstRead = false;
        return (int) Math.min(room, wanted);
    }

    void advance(int n) {
        pos += n;
    }

    /**
     * Skips {@code n} bytes, reading through the stream without buffering them.
     *
     * @return the bytes actually skipped (less than {@code n} only at the end of the stream)
     */
    long skip(long n) throws IOException {
        int inBuffer = (int) Math.min(n, limit - pos);
        pos += inBuffer;
        long remaining = n - inBuffer;
        if (remaining == 0) {
            return n;
        }
        // Buffer is empty now: restart it at the position after the skipped bytes.
        base += limit;
        pos = 0;
        limit = 0;
        while (remaining > 0 && !eof) {
            long skipped = skipStream(remaining);
            if (eof) {
                break;
            }
            if (skipped > 0) {
                remaining -= skipped;
                base += skipped;
                continue;
            }
            // skip() may return 0 before the end: fall back to reading.
            int n2 = read(buf, 0, (int) Math.min(buf.length, remaining));
            if (n2 < 0) {
                eof = true;
            } else {
                remaining -= n2;
                base += n2;
            }
        }
        return n - remaining;
    }

    /** {@link InputStream#skip} with the same handling of a cut or corrupt gzip stream as {@link #read}. */
    private long skipStream(long n) throws IOException {
        try {
            return in.skip(n);
        } catch (EOFException e) {
            earlyEnd = "compressed stream ends early (" + e.getMessage() + ")";
            eof = true;
            return 0;
        } catch (ZipException e) {
            throw new CaptureException(source, base, "corrupt gzip data: " + e.getMessage());
        }
    }

    private int read(byte[] b, int off, int len) throws IOException {
        try {
            return in.read(b, off, len);
        } catch (EOFException e) {
            // GZIPInputStream: "Unexpected end of ZLIB input stream" - the compressed file was cut short.
            earlyEnd = "compressed stream ends early (" + e.getMessage() + ")";
            return -1;
        } catch (ZipException e) {
            throw new CaptureException(source, base + limit, "corrupt gzip data: " + e.getMessage());
        }
    }

    void close() throws IOException {
        in.close();
    }
}
