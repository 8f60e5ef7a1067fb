package io.ikescope.wire;

/**
 * EAP (IKEv2 48): the EAP packet header.
 *
 * @param eapType the method type for Request/Response (codes 1 and 2), else null
 * @param data    the type data after the type byte (or after the 4-byte header for other codes)
 */
public record EapPayload(PayloadHeader header, int code, int identifier, int eapLength, Integer eapType, Bytes data)
        implements Payload {
}
