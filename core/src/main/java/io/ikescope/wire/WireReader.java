package io.ikescope.wire;

/**
 * A bounded cursor over a slice of a byte array. Every read checks what remains first and throws
 * {@link MalformedException} naming the absolute offset, so nothing is ever sized from an unchecked length.
 */
final class WireReader {
    private final byte[] data;
    private final int end;
    private int pos;

    WireReader(byte[] data, int offset, int length) {
        this.data = data;
        this.pos = offset;
        this.end = offset + length;
    }

    int position() {
        return pos;
    }

    int remaining() {
        return end - pos;
    }

    boolean hasRemaining() {
        return pos < end;
    }

    byte[] array() {
        return data;
    }

    private void need(int n, String what) {
        if (n < 0 || n > end - pos) {
            throw new MalformedException(pos, what + " needs " + n + " bytes but only " + (end - pos) + " remain");
        }
    }

    int u8(String what) {
        need(1, what);
        return data[pos++] & 0xff;
    }

    int u16(String what) {
        need(2, what);
        int v = ((data[pos] & 0xff) << 8) | (data[pos + 1] & 0xff);
        pos += 2;
        return v;
    }

    long u32(String what) {
        need(4, what);
        long v = ((long) (data[pos] & 0xff) << 24) | ((data[pos + 1] & 0xff) << 16)
                | ((data[pos + 2] & 0xff) << 8) | (data[pos + 3] & 0xff);
        pos += 4;
        return v;
    }

    void skip(int n, String what) {
        need(n, what);
        pos += n;
    }

    Bytes bytes(int n, String what) {
        need(n, what);
        Bytes b = Bytes.copyOf(data, pos, n);
        pos += n;
        return b;
    }

    Bytes rest() {
        return bytes(end - pos, "rest");
    }

    /** A reader over the next {@code n} bytes, which this reader then skips. */
    WireReader slice(int n, String what) {
        need(n, what);
        WireReader sub = new WireReader(data, pos, n);
        pos += n;
        return sub;
    }
}
