package io.ikescope.crypto;

/**
 * An IKEv2 encryption transform as a key source names it.
 *
 * @param transformId IKEv2 Transform Type 1 ID (e.g. 12 ENCR_AES_CBC, 20 ENCR_AES_GCM_16, 28 ENCR_CHACHA20_POLY1305)
 * @param keyBits     key length in bits (the Key Length attribute), or 0 when the transform has a fixed length
 */
public record EncryptionSpec(int transformId, int keyBits) {
}
