package io.ikescope.wire;

/** A payload type this decoder does not interpret (or one not defined for the message's IKE version). */
public record UnknownPayload(PayloadHeader header, Bytes data) implements Payload {
}
