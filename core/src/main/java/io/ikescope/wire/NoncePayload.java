package io.ikescope.wire;

/** NONCE (IKEv1 10, IKEv2 40). */
public record NoncePayload(PayloadHeader header, Bytes data) implements Payload {
}
