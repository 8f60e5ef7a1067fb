package io.ikescope.wire;

/** KE (IKEv1 4, IKEv2 34). {@code dhGroup} is IKEv2 only (IKEv1 carries the group in the SA). */
public record KeyExchangePayload(PayloadHeader header, Integer dhGroup, Bytes data) implements Payload {
}
