package io.ikescope.session;

/**
 * Where the capture was taken, read from the IP TTL (IPv4) or hop limit (IPv6) of each peer's IKE datagrams.
 *
 * <p>Hosts start their packets at one of a few values (Linux and the BSDs 64, Windows 128, many routers and network
 * operating systems 255, some old stacks 32), and each router on the way lowers it by one. A datagram that still
 * carries such a value was not routed between its sender and the capture point: the capture was taken on the
 * sender itself or on its segment. A value a few below one was routed that many times (an estimate: the nearest
 * starting value above it is assumed). Bridges, transparent firewalls and a sender with an unusual starting value
 * do not fit this; the location is evidence, not proof.
 *
 * @param location  "initiator" (the initiator's datagrams untouched, the responder's routed: the capture is on the
 *                  initiator's side), "responder" (the reverse), "segment" (both untouched: no router, hence no NAT,
 *                  between the peers), "path" (both routed: somewhere in between), or null when a peer's datagrams
 *                  were not seen or carried no TTL
 * @param initiator the initiator's datagrams, or null when none with a TTL was seen
 * @param responder the responder's datagrams, or null
 */
public record CapturePoint(String location, PeerTtl initiator, PeerTtl responder) {
    public static final String AT_INITIATOR = "initiator";
    public static final String AT_RESPONDER = "responder";
    public static final String SAME_SEGMENT = "segment";
    public static final String ON_PATH = "path";

    /** Nothing known (no datagram carried a TTL). */
    public static final CapturePoint UNKNOWN = new CapturePoint(null, null, null);

    /** The usual starting TTLs / hop limits, ascending. */
    private static final int[] INITIAL_TTLS = {32, 64, 128, 255};

    /**
     * The TTLs of one peer's IKE datagrams as captured.
     *
     * @param first      of the first datagram
     * @param min        lowest seen
     * @param max        highest seen (a value that changes says the route changed, or several senders share the
     *                   address)
     * @param initialTtl the starting value assumed: the nearest usual one at or above {@code first}
     * @param hops       routers between the sender and the capture point, estimated from {@code first}: 0 means the
     *                   capture saw the datagram as its sender sent it
     */
    public record PeerTtl(int first, int min, int max, int initialTtl, int hops) {
        /** The datagrams left their sender and reached the capture point without a router in between. */
        public boolean untouched() {
            return hops == 0;
        }

        /** "TTL 63, 1 hop away", "TTL 64, untouched" (the range when it varied: "TTL 63 (62-63), 1 hop away"). */
        public String describe() {
            String range = min == max ? "TTL " + first : "TTL " + first + " (" + min + "-" + max + ")";
            return range + (untouched() ? ", untouched" : ", " + hops + (hops == 1 ? " hop" : " hops") + " away");
        }
    }

    /** A peer's TTL figures with its starting value and hop count estimated from the first one. */
    static PeerTtl peer(int first, int min, int max) {
        int initial = INITIAL_TTLS[INITIAL_TTLS.length - 1];
        for (int candidate : INITIAL_TTLS) {
            if (candidate >= first) {
                initial = candidate;
                break;
            }
        }
        return new PeerTtl(first, min, max, initial, initial - first);
    }

    /** The location the two peers' figures give (see {@link #location()}). */
    static CapturePoint of(PeerTtl initiator, PeerTtl responder) {
        String location = null;
        if (initiator != null && responder != null) {
            if (initiator.untouched()) {
                location = responder.untouched() ? SAME_SEGMENT : AT_INITIATOR;
            } else {
                location = responder.untouched() ? AT_RESPONDER : ON_PATH;
            }
        }
        return new CapturePoint(location, initiator, responder);
    }

    /** The figures of one peer, or null. */
    public PeerTtl of(Role role) {
        return role == Role.INITIATOR ? initiator : responder;
    }

    /**
     * One line for a report: "at the responder's side (initiator TTL 63, 1 hop away; responder TTL 64, untouched)".
     */
    public String describe() {
        if (initiator == null && responder == null) {
            return "unknown (no TTL seen)";
        }
        String where = location == null ? "unknown"
                : switch (location) {
                    case AT_INITIATOR -> "at the initiator's side";
                    case AT_RESPONDER -> "at the responder's side";
                    case SAME_SEGMENT -> "on the segment both peers share: no router, hence no NAT, between them";
                    default -> "on the path between the peers";
                };
        return where + " (initiator " + (initiator == null ? "not seen" : initiator.describe()) + "; responder "
                + (responder == null ? "not seen" : responder.describe()) + ")";
    }
}
