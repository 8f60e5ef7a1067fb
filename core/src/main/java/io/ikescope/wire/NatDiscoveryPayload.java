package io.ikescope.wire;

/** IKEv1 NAT-D (RFC 3947 type 20, draft type 130): the hash of an address and port. */
public record NatDiscoveryPayload(PayloadHeader header, Bytes hash) implements Payload {
}
