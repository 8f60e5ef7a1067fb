package io.ikescope.net;

/**
 * One whole IKE message found in a capture, after IP reassembly, UDP/NAT-T unwrapping or TCP framing.
 *
 * @param frame      the frame that completed the message (the last IP fragment or TCP segment), as tshark reports it
 * @param epochNanos time of that frame
 * @param src        source address as text (IPv4 dotted, IPv6 in RFC 5952 form)
 * @param ike        the IKE message bytes starting at the IKE header (marker and TCP framing removed); owned by this record
 * @param ttl        the IPv4 TTL or IPv6 hop limit as captured: of the first fragment for a reassembled datagram, of
 *                   the segment that completed the message over TCP; {@link #UNKNOWN_TTL} when not known
 */
public record IkeDatagram(long frame, long epochNanos, String src, int srcPort, String dst, int dstPort,
                          Transport transport, byte[] ike, int ttl) {
    /** No IP header was seen (a datagram built by hand) or the first fragment never arrived. */
    public static final int UNKNOWN_TTL = -1;

    /** A datagram whose TTL is not known. */
    public IkeDatagram(long frame, long epochNanos, String src, int srcPort, String dst, int dstPort,
                       Transport transport, byte[] ike) {
        this(frame, epochNanos, src, srcPort, dst, dstPort, transport, ike, UNKNOWN_TTL);
    }
}
