package io.ikescope.psk;

import io.ikescope.wire.Bytes;
import io.ikescope.wire.Payload;
import java.util.Arrays;
import java.util.List;

/** Payload lookups and the raw bytes a proof hashes. */
final class RawPayloads {
    /** The IKE generic payload header (next payload, reserved/critical, length). */
    private static final int GENERIC_HEADER = 4;

    private RawPayloads() {
    }

    /** The first payload of the given record class and wire type, or null. */
    static <T extends Payload> T first(List<Payload> payloads, Class<T> kind, int type) {
        for (Payload p : payloads) {
            if (kind.isInstance(p) && p.type() == type) {
                return kind.cast(p);
            }
        }
        return null;
    }

    /**
     * The payload's body after its generic header, as it was on the wire (RFC 2409's "_b" values): read from the
     * message bytes, since the decoder's fields drop what re-encoding could not restore (reserved bytes, order).
     */
    static byte[] body(byte[] message, Payload p) {
        int start = p.header().offset() + GENERIC_HEADER;
        int end = p.header().offset() + p.header().length();
        if (start > end || end > message.length) {
            throw new IllegalArgumentException("payload at " + p.header().offset() + " runs past the message");
        }
        return Arrays.copyOfRange(message, start, end);
    }

    /** An SPI or cookie of zeros: the responder's not yet chosen. */
    static boolean isZero(Bytes spi) {
        for (int i = 0; i < spi.length(); i++) {
            if (spi.get(i) != 0) {
                return false;
            }
        }
        return true;
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
