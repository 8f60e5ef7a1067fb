package io.ikescope.session;

import io.ikescope.net.IkeDatagram;

/** The TTLs of each peer's IKE datagrams while a negotiation is read: three numbers per peer, nothing per packet. */
final class TtlTally {
    private final int[] first = {IkeDatagram.UNKNOWN_TTL, IkeDatagram.UNKNOWN_TTL};
    private final int[] min = {Integer.MAX_VALUE, Integer.MAX_VALUE};
    private final int[] max = {Integer.MIN_VALUE, Integer.MIN_VALUE};

    void add(Role from, int ttl) {
        if (ttl == IkeDatagram.UNKNOWN_TTL) {
            return;
        }
        int i = from.ordinal();
        if (first[i] == IkeDatagram.UNKNOWN_TTL) {
            first[i] = ttl;
        }
        min[i] = Math.min(min[i], ttl);
        max[i] = Math.max(max[i], ttl);
    }

    CapturePoint capturePoint() {
        return CapturePoint.of(peer(Role.INITIATOR), peer(Role.RESPONDER));
    }

    private CapturePoint.PeerTtl peer(Role role) {
        int i = role.ordinal();
        return first[i] == IkeDatagram.UNKNOWN_TTL ? null : CapturePoint.peer(first[i], min[i], max[i]);
    }
}
