package io.ikescope.capture;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The options of one pcapng block, kept as their encoded bytes (code, length, value, padding) so that an annotated
 * copy writes the block's own options back unchanged and adds comments ({@code opt_comment}, code 1) after them.
 */
final class PcapngOptions {
    static final int OPT_END = 0;
    static final int OPT_COMMENT = 1;

    private final ByteArrayOutputStream encoded = new ByteArrayOutputStream();
    private final boolean bigEndian;

    private PcapngOptions(boolean bigEndian) {
        this.bigEndian = bigEndian;
    }

    /** The options between {@code from} and {@code to} of a block, up to opt_endofopt or the end. */
    static PcapngOptions read(byte[] block, int from, int to, boolean bigEndian, String source, long blockOffset)
            throws CaptureException {
        PcapngOptions options = new PcapngOptions(bigEndian);
        int at = from;
        while (at + 4 <= to) {
            int code = Bytes.uint16(block, at, bigEndian);
            int length = Bytes.uint16(block, at + 2, bigEndian);
            if (code == OPT_END) {
                break;
            }
            int next = at + 4 + ((length + 3) & ~3);
            if (next > to) {
                throw new CaptureException(source, blockOffset + at, "corrupt pcapng option " + code + ": length "
                        + length + " runs past the end of the block");
            }
            options.encoded.write(block, at, next - at);
            at = next;
        }
        return options;
    }

    /** No options yet, little-endian (a block this copy makes itself). */
    static PcapngOptions empty() {
        return new PcapngOptions(false);
    }

    /** Adds an option of any code. */
    void add(int code, byte[] value) {
        byte[] header = new byte[4];
        putShort(header, 0, code);
        putShort(header, 2, value.length);
        encoded.writeBytes(header);
        encoded.writeBytes(value);
        encoded.writeBytes(new byte[(4 - value.length % 4) % 4]);
    }

    /** Adds a comment, cut at a character boundary when its UTF-8 form exceeds what an option holds. */
    void addComment(String comment) {
        byte[] value = comment.getBytes(StandardCharsets.UTF_8);
        if (value.length > AnnotatedCopy.MAX_COMMENT_BYTES) {
            int cut = AnnotatedCopy.MAX_COMMENT_BYTES;
            while ((value[cut] & 0xC0) == 0x80) { // not inside a UTF-8 sequence
                cut--;
            }
            value = java.util.Arrays.copyOf(value, cut);
        }
        add(OPT_COMMENT, value);
    }

    /** The options followed by opt_endofopt; nothing at all when there are none. */
    byte[] encode() {
        if (encoded.size() == 0) {
            return new byte[0];
        }
        // the four zero bytes appended are opt_endofopt with length 0
        return java.util.Arrays.copyOf(encoded.toByteArray(), encoded.size() + 4);
    }

    private void putShort(byte[] b, int at, int value) {
        if (bigEndian) {
            b[at] = (byte) (value >>> 8);
            b[at + 1] = (byte) value;
        } else {
            b[at] = (byte) value;
            b[at + 1] = (byte) (value >>> 8);
        }
    }

    static void putInt(byte[] b, int at, long value, boolean bigEndian) {
        for (int i = 0; i < 4; i++) {
            int shift = bigEndian ? 24 - 8 * i : 8 * i;
            b[at + i] = (byte) (value >>> shift);
        }
    }
}
