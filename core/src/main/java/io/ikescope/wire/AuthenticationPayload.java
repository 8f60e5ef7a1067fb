package io.ikescope.wire;

/** AUTH (IKEv2 39). */
public record AuthenticationPayload(PayloadHeader header, int authMethod, Bytes data) implements Payload {
}
