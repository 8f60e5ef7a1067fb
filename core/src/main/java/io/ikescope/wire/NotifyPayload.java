package io.ikescope.wire;

/**
 * N (IKEv1 11, IKEv2 41). {@code doi} is IKEv1 only (null for IKEv2).
 *
 * @param detail the notification data decoded for the types that define it, else null
 */
public record NotifyPayload(PayloadHeader header, Long doi, int protocolId, int spiSize, int notifyType, Bytes spi,
                            Bytes data, NotifyDetail detail) implements Payload {
}
