package io.ikescope.wire;

import java.util.ArrayList;
import java.util.List;

/** CR (IKEv1 7: a CA distinguished name) / CERTREQ (IKEv2 38: SHA-1 hashes of CA public keys). */
public record CertificateRequestPayload(PayloadHeader header, int encoding, Bytes data) implements Payload {
    private static final int SHA1_LENGTH = 20;

    /**
     * IKEv2 CERTREQ: the 20-byte SHA-1 hashes of trusted CA public keys the data is made of (RFC 7296 3.7);
     * empty for IKEv1 or when the data is not a whole number of hashes.
     */
    public List<Bytes> caHashes() {
        if (header.type() != PayloadTypes.V2_CERTREQ || data.isEmpty() || data.length() % SHA1_LENGTH != 0) {
            return List.of();
        }
        byte[] raw = data.toArray();
        List<Bytes> hashes = new ArrayList<>();
        for (int i = 0; i < raw.length; i += SHA1_LENGTH) {
            hashes.add(Bytes.copyOf(raw, i, SHA1_LENGTH));
        }
        return hashes;
    }
}
