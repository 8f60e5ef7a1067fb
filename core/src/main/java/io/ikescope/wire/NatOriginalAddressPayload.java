package io.ikescope.wire;

/** IKEv1 NAT-OA (RFC 3947 type 21, draft type 131): an ID type (IPV4_ADDR 1 or IPV6_ADDR 5) and the address. */
public record NatOriginalAddressPayload(PayloadHeader header, int idType, Bytes address) implements Payload {
}
