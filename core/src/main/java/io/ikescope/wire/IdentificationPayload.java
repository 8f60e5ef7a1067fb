package io.ikescope.wire;

/**
 * ID (IKEv1 5), IDi/IDr (IKEv2 35/36). {@code protocolId} and {@code port} are IKEv1 only (null for IKEv2).
 * {@link IdentityText#render} turns the data into text.
 */
public record IdentificationPayload(PayloadHeader header, int idType, Integer protocolId, Integer port, Bytes data)
        implements Payload {
}
