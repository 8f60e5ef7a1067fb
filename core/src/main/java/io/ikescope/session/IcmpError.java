package io.ikescope.session;

import io.ikescope.net.IcmpUnreachable;

/**
 * An ICMP destination unreachable tied to a negotiation: it quotes a datagram one of the peers sent.
 *
 * @param icmp        the ICMP error as the capture has it
 * @param refused     the peer whose datagram was refused (the sender of the quoted datagram)
 * @param quotedFrame the message of this negotiation it answers: by SPIs, the last one from that peer to that
 *                    address and port before the ICMP; null when none was kept
 * @param bySpi       true when the quote holds the IKE SPIs and they name this negotiation; false when only the
 *                    addresses, ports and timing tie it
 */
public record IcmpError(IcmpUnreachable icmp, Role refused, Long quotedFrame, boolean bySpi) {

    public long frame() {
        return icmp.frame();
    }

    /** "198.51.100.2 answered port unreachable" style: who refused the datagram and why. */
    public String describe() {
        return "ICMP " + icmp.meaning() + " from " + icmp.sender() + " (frame " + icmp.frame() + ")";
    }
}
