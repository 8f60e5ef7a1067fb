package io.ikescope.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-XCBC-MAC (RFC 3566) over a 128-bit key, and AES-XCBC-PRF-128 (RFC 4434), which first turns a key of any
 * length into 128 bits. The JDK has no XCBC; it only needs AES in ECB mode on single blocks.
 */
final class AesXcbc {
    private static final int BLOCK = 16;

    private final Cipher k1; // AES keyed with K1 = E(K, 0x01..01)
    private final byte[] k2 = new byte[BLOCK];
    private final byte[] k3 = new byte[BLOCK];
    private final byte[] state = new byte[BLOCK];
    private final byte[] last = new byte[BLOCK];

    /** @param key exactly 16 bytes (RFC 3566 fixes the key length) */
    AesXcbc(byte[] key) throws GeneralSecurityException {
        if (key.length != BLOCK) {
            throw new IllegalArgumentException("AES-XCBC-MAC needs a 16-byte key, got " + key.length);
        }
        Cipher base = ecb(key);
        byte[] k1Bytes = base.doFinal(constant(1));
        base.doFinal(constant(2), 0, BLOCK, k2, 0);
        base.doFinal(constant(3), 0, BLOCK, k3, 0);
        k1 = ecb(k1Bytes);
    }

    /** RFC 4434: a key shorter than 16 bytes is zero-padded, a longer one is first MACed under the zero key. */
    static AesXcbc prf(byte[] key) throws GeneralSecurityException {
        if (key.length == BLOCK) {
            return new AesXcbc(key);
        }
        if (key.length < BLOCK) {
            byte[] padded = new byte[BLOCK];
            System.arraycopy(key, 0, padded, 0, key.length);
            return new AesXcbc(padded);
        }
        return new AesXcbc(new AesXcbc(new byte[BLOCK]).mac(key, 0, key.length));
    }

    /** The full 128-bit MAC of {@code data[offset, offset+length)}. */
    byte[] mac(byte[] data, int offset, int length) throws GeneralSecurityException {
        byte[] out = new byte[BLOCK];
        mac(data, offset, length, out);
        return out;
    }

    /** Writes the 128-bit MAC into {@code out} (at least 16 bytes). */
    void mac(byte[] data, int offset, int length, byte[] out) throws GeneralSecurityException {
        java.util.Arrays.fill(state, (byte) 0);
        int pos = offset;
        int end = offset + length;
        // every block but the last goes through plain CBC
        while (end - pos > BLOCK) {
            for (int i = 0; i < BLOCK; i++) {
                state[i] ^= data[pos + i];
            }
            k1.update(state, 0, BLOCK, state, 0);
            pos += BLOCK;
        }
        int rest = end - pos;
        byte[] subkey;
        if (rest == BLOCK) {
            System.arraycopy(data, pos, last, 0, BLOCK);
            subkey = k2;
        } else {
            java.util.Arrays.fill(last, (byte) 0);
            System.arraycopy(data, pos, last, 0, rest);
            last[rest] = (byte) 0x80;
            subkey = k3;
        }
        for (int i = 0; i < BLOCK; i++) {
            state[i] ^= (byte) (last[i] ^ subkey[i]);
        }
        k1.doFinal(state, 0, BLOCK, out, 0);
    }

    private static Cipher ecb(byte[] key) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/ECB/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
        return c;
    }

    private static byte[] constant(int value) {
        byte[] b = new byte[BLOCK];
        java.util.Arrays.fill(b, (byte) value);
        return b;
    }
}
