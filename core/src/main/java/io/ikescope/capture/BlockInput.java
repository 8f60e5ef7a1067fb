package io.ikescope.capture;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Reads a capture's bytes in exact pieces for {@link AnnotatedCopy}, keeping the offset for error messages. */
final class BlockInput {
    private static final int COPY_CHUNK = 1 << 16;

    private final InputStream in;
    private final String source;
    private final byte[] chunk = new byte[COPY_CHUNK];
    private byte[] peeked = new byte[0];
    private long offset;

    BlockInput(InputStream in, String source) {
        this.in = in;
        this.source = source;
    }

    String source() {
        return source;
    }

    long offset() {
        return offset;
    }

    /** Up to {@code n} bytes ahead without consuming them (fewer at the end of the input). */
    byte[] peek(int n) throws IOException {
        if (peeked.length < n) {
            byte[] more = new byte[n - peeked.length];
            more = java.util.Arrays.copyOf(more, readFully(more, 0, more.length));
            byte[] all = new byte[peeked.length + more.length];
            System.arraycopy(peeked, 0, all, 0, peeked.length);
            System.arraycopy(more, 0, all, peeked.length, more.length);
            peeked = all;
        }
        return peeked.length <= n ? peeked.clone() : java.util.Arrays.copyOf(peeked, n);
    }

    /** Exactly {@code n} bytes, or null when the input ends first (what was there is consumed). */
    byte[] read(int n) throws IOException {
        byte[] out = new byte[n];
        int have = Math.min(peeked.length, n);
        System.arraycopy(peeked, 0, out, 0, have);
        peeked = java.util.Arrays.copyOfRange(peeked, have, peeked.length);
        int got = have + readFully(out, have, n - have);
        offset += got;
        return got == n ? out : null;
    }

    /**
     * As many bytes as the stream holds up to {@code len}; a gzip stream cut short ends there (the reader warns
     * about it the same way), corrupt gzip data is an error at its offset as in {@link StreamBuffer}.
     */
    private int readFully(byte[] b, int off, int len) throws IOException {
        int got = 0;
        try {
            while (got < len) {
                int n = in.read(b, off + got, len - got);
                if (n < 0) {
                    break;
                }
                got += n;
            }
        } catch (java.io.EOFException e) {
            return got;
        } catch (java.util.zip.ZipException e) {
            throw new CaptureException(source, offset + got, "corrupt gzip data: " + e.getMessage());
        }
        return got;
    }

    /** Copies {@code n} bytes to {@code out} without holding them; false when the input ends first. */
    boolean copy(long n, OutputStream out) throws IOException {
        long left = n;
        if (peeked.length > 0) {
            byte[] head = read((int) Math.min(peeked.length, left));
            if (head == null) {
                return false;
            }
            out.write(head);
            left -= head.length;
        }
        while (left > 0) {
            int got = readFully(chunk, 0, (int) Math.min(chunk.length, left));
            if (got == 0) {
                return false;
            }
            out.write(chunk, 0, got);
            offset += got;
            left -= got;
        }
        return true;
    }
}
