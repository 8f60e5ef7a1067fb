package io.ikescope.crypto;

/**
 * An IKEv2 encryption transform bound to one key (SK_ei or SK_er, salt included): decrypts the content of an
 * SK or SKF payload. Instances are reused message after message (not thread-safe).
 */
interface Ikev2Cipher {

    /** Readable name for messages, e.g. "AES-GCM-256-16". */
    String name();

    /** Bytes of IV at the start of the payload's encrypted data. */
    int ivLength();

    /** AEAD: bytes of authentication tag at the end (the ICV); 0 when an integrity transform protects the message. */
    int tagLength();

    /** The ciphertext must be a multiple of this (1 for counter modes and AEAD stream ciphers). */
    int blockSize();

    /**
     * Decrypts the payload data in {@code message[ivOffset, end)}: IV, ciphertext and, for AEAD, the tag. For
     * AEAD the associated data is {@code message[0, ivOffset)} (IKE header to the end of the SK/SKF header,
     * RFC 5282 section 5.1) and the tag is verified. Returns the plaintext (payloads, padding, pad length).
     */
    byte[] decrypt(byte[] message, int ivOffset, int end) throws DecryptFailure;
}
