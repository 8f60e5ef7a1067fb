package io.ikescope.wire;

/** HASH (IKEv1 8). */
public record HashPayload(PayloadHeader header, Bytes data) implements Payload {
}
