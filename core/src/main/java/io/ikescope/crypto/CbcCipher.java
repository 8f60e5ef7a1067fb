package io.ikescope.crypto;

/** A CBC transform (DES, 3DES, Blowfish, CAST, AES, Camellia): a block-sized IV, then whole blocks of ciphertext. */
record CbcCipher(String name, CbcDecryption cbc) implements Ikev2Cipher {
    @Override
    public int ivLength() {
        return cbc.blockSize();
    }

    @Override
    public int tagLength() {
        return 0;
    }

    @Override
    public int blockSize() {
        return cbc.blockSize();
    }

    @Override
    public byte[] decrypt(byte[] message, int ivOffset, int end) throws DecryptFailure {
        int bs = cbc.blockSize();
        int length = end - ivOffset - bs;
        if (length < bs || length % bs != 0) {
            throw new DecryptFailure(name + ": " + Math.max(length, 0) + " bytes of ciphertext after the IV, not"
                    + " a positive multiple of the " + bs + "-byte block");
        }
        return cbc.decrypt(message, ivOffset + bs, length, message, ivOffset);
    }
}
