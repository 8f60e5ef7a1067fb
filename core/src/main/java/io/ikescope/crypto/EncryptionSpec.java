package io.ikescope.crypto;

/**
 * An IKEv2 encryption transform as a key source names it.
 *
 * @param transformId IKEv2 Transform Type 1 ID (e.g. 12 ENCR_AES_CBC, 20 ENCR_AES_GCM_16, 28 ENCR_CHACHA20_POLY1305)
 * @param keyBits     key length in bits (the Key Length attribute), or 0 when the transform has a fixed length
 */
public record EncryptionSpec(int transformId, int keyBits) {
    // equals and hashCode written out with the generated ones' results: those are linked through invokedynamic at
    // their first call, milliseconds of a short run (RecordMethodsTest)
    @Override
    public boolean equals(Object o) {
        return o instanceof EncryptionSpec e && e.transformId == transformId && e.keyBits == keyBits;
    }

    @Override
    public int hashCode() {
        return transformId * 31 + keyBits;
    }
}
