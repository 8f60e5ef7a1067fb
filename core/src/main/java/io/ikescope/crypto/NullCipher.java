package io.ikescope.crypto;

import java.util.Arrays;

/** ENCR_NULL (RFC 2410): no IV, no padding rules; the encrypted data is the plaintext. */
final class NullCipher implements Ikev2Cipher {
    @Override
    public String name() {
        return "NULL";
    }

    @Override
    public int ivLength() {
        return 0;
    }

    @Override
    public int tagLength() {
        return 0;
    }

    @Override
    public int blockSize() {
        return 1;
    }

    @Override
    public byte[] decrypt(byte[] message, int ivOffset, int end) {
        return Arrays.copyOfRange(message, ivOffset, end);
    }
}
