package io.ikescope.wire;

import java.util.List;

/** SA (IKEv1 1, IKEv2 33). {@code doi} and {@code situation} are IKEv1 only (null for IKEv2). */
public record SecurityAssociationPayload(PayloadHeader header, Long doi, Long situation, List<Proposal> proposals)
        implements Payload {
    public SecurityAssociationPayload {
        proposals = List.copyOf(proposals);
    }
}
