package io.ikescope.crypto;

/**
 * What the counter modes (RFC 5930, RFC 5529) and the AEAD modes (RFC 5282, RFC 7634) of IKEv2 share: a salt
 * from the key material, an 8-byte IV before the ciphertext, no padding to a block. Subclasses add the tag and
 * decrypt.
 */
abstract class SaltedIvCipher implements Ikev2Cipher {
    final String name;
    final byte[] salt;

    SaltedIvCipher(String name, byte[] salt) {
        this.name = name;
        this.salt = salt;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final int ivLength() {
        return 8;
    }

    @Override
    public final int blockSize() {
        return 1;
    }
}
