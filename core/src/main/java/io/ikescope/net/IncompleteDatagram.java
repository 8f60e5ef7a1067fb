package io.ikescope.net;

/**
 * A fragmented IP datagram dropped before all its fragments arrived (timeout, reassembly limit, end of capture):
 * the evidence a diagnosis needs to tell "large messages lost in the network" from "peer silent".
 *
 * @param firstFrame    the frame of the first fragment seen
 * @param src           source address as text
 * @param dst           destination address as text
 * @param protocol      the transport protocol (IPv4 protocol field; IPv6 next header of the offset-0 fragment), -1
 *                      when unknown (IPv6 without the first fragment)
 * @param srcPort       UDP/TCP source port read from the first fragment, -1 when that fragment is missing
 * @param dstPort       UDP/TCP destination port read from the first fragment, -1 when that fragment is missing
 * @param bytesReceived payload bytes of the fragments that did arrive
 * @param fragments     fragments that arrived
 */
public record IncompleteDatagram(long firstFrame, long firstNanos, String src, String dst, int protocol, int srcPort,
                                 int dstPort, int bytesReceived, int fragments) {
}
