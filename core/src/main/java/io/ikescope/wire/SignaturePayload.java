package io.ikescope.wire;

/** SIG (IKEv1 9). */
public record SignaturePayload(PayloadHeader header, Bytes data) implements Payload {
}
