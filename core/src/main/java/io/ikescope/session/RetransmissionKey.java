package io.ikescope.session;

/**
 * A 64-bit key of a message's bytes, to tell a retransmission (the same bytes again from the same side) from a new
 * message. Not cryptographic, and it need not be: two different messages of one negotiation (at most 512 are
 * remembered) share a key by accident with a probability of about 512^2 / 2^65, and a truncated SHA-256 would not
 * stop a capture crafted to collide either (2^32 tries). It replaced one, whose JCA set-up and interpreted rounds
 * were about 3 ms of a small run. Eight bytes a step, each multiplied and rotated so that every input bit reaches
 * every output bit (the mixing of the MurmurHash3 family), the length folded in at the end.
 */
final class RetransmissionKey {
    private static final long K1 = 0x87c37b91114253d5L;
    private static final long K2 = 0x4cf5ad432745937fL;

    private RetransmissionKey() {
    }

    static long of(byte[] bytes) {
        long h = 0x9e3779b97f4a7c15L;
        int i = 0;
        for (; i + 8 <= bytes.length; i += 8) {
            h = step(h, littleEndian(bytes, i, 8));
        }
        if (i < bytes.length) {
            h = step(h, littleEndian(bytes, i, bytes.length - i));
        }
        return finish(h ^ bytes.length);
    }

    private static long step(long h, long word) {
        long k = Long.rotateLeft(word * K1, 31) * K2;
        return Long.rotateLeft(h ^ k, 27) * 5 + 0x52dce729;
    }

    private static long littleEndian(byte[] b, int at, int count) {
        long v = 0;
        for (int j = count - 1; j >= 0; j--) {
            v = (v << 8) | (b[at + j] & 0xFF);
        }
        return v;
    }

    /** Every bit of {@code h} reaches every bit of the result. */
    private static long finish(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }
}
