package io.ikescope.net;

/**
 * One whole IKE message found in a capture, after IP reassembly, UDP/NAT-T unwrapping or TCP framing.
 *
 * @param frame      the frame that completed the message (the last IP fragment or TCP segment), as tshark reports it
 * @param epochNanos time of that frame
 * @param src        source address as text (IPv4 dotted, IPv6 in RFC 5952 form)
 * @param ike        the IKE message bytes starting at the IKE header (marker and TCP framing removed); owned by this record
 */
public record IkeDatagram(long frame, long epochNanos, String src, int srcPort, String dst, int dstPort,
                          Transport transport, byte[] ike) {
}
