package io.ikescope.wire;

/** CR (IKEv1 7: a CA distinguished name) / CERTREQ (IKEv2 38: SHA-1 hashes of CA public keys). */
public record CertificateRequestPayload(PayloadHeader header, int encoding, Bytes data) implements Payload {
}
