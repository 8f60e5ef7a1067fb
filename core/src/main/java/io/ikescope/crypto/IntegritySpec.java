package io.ikescope.crypto;

/**
 * An IKEv2 integrity transform as a key source names it.
 *
 * @param transformId IKEv2 Transform Type 3 ID (e.g. 2 AUTH_HMAC_SHA1_96, 12 AUTH_HMAC_SHA2_256_128), 0 for NONE
 * @param icvBytes    bytes of checksum at the end of the message
 * @param verify      false for Wireshark's "ANY n-bits of Authentication [No Checking]" rows: strip, do not check
 */
public record IntegritySpec(int transformId, int icvBytes, boolean verify) {
    // equals and hashCode written out with the generated ones' results: those are linked through invokedynamic at
    // their first call, milliseconds of a short run (RecordMethodsTest)
    @Override
    public boolean equals(Object o) {
        return o instanceof IntegritySpec i && i.transformId == transformId && i.icvBytes == icvBytes
                && i.verify == verify;
    }

    @Override
    public int hashCode() {
        return (transformId * 31 + icvBytes) * 31 + Boolean.hashCode(verify);
    }
}
