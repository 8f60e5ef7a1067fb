package io.ikescope.wire;

/** CERT (IKEv1 6, IKEv2 37). */
public record CertificatePayload(PayloadHeader header, int encoding, Bytes data) implements Payload {
}
