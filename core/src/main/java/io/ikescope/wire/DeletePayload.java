package io.ikescope.wire;

import java.util.List;

/** D (IKEv1 12, IKEv2 42). {@code doi} is IKEv1 only (null for IKEv2). */
public record DeletePayload(PayloadHeader header, Long doi, int protocolId, int spiSize, int declaredCount,
                            List<Bytes> spis) implements Payload {
    public DeletePayload {
        spis = List.copyOf(spis);
    }
}
