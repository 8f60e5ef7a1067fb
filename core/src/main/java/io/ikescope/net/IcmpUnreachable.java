package io.ikescope.net;

/**
 * An ICMP "destination unreachable" (ICMPv4 type 3, ICMPv6 type 1) quoting an IKE datagram: some host on the path,
 * or the destination itself, says the quoted datagram could not be delivered.
 *
 * @param frame       the frame that carried the ICMP error
 * @param sender      who sent the ICMP error (the unreachable host itself, or a router or firewall on the path)
 * @param ipVersion   4 for ICMPv4, 6 for ICMPv6
 * @param type        the ICMP type (3 for ICMPv4, 1 for ICMPv6)
 * @param code        the ICMP code (port unreachable: 3 in ICMPv4, 4 in ICMPv6)
 * @param quotedSrc   source of the quoted datagram: the IKE peer whose message was refused
 * @param quotedDst   destination of the quoted datagram
 * @param spiI        the quoted IKE header's initiator SPI (16 hex digits), or null when the quote is too short
 * @param spiR        the quoted IKE header's responder SPI, or null when the quote is too short
 * @param ikeVersion  the quoted IKE header's major version (1 or 2), or 0 when not quoted
 */
public record IcmpUnreachable(long frame, long epochNanos, String sender, int ipVersion, int type, int code,
                              String quotedSrc, int quotedSrcPort, String quotedDst, int quotedDstPort,
                              String spiI, String spiR, int ikeVersion) {

    /** ICMPv4 code 3, ICMPv6 code 4: nothing listens on the destination port. */
    public boolean portUnreachable() {
        return ipVersion == 4 ? code == 3 : code == 4;
    }

    /** ICMPv4 codes 9, 10, 13 and ICMPv6 code 1: a filter (firewall, ACL) refused the datagram. */
    public boolean administrativelyProhibited() {
        return ipVersion == 4 ? code == 9 || code == 10 || code == 13 : code == 1;
    }

    /**
     * What the code means, as tshark names it (lower case): "port unreachable", "host unreachable",
     * "communication administratively prohibited" ...
     */
    public String meaning() {
        return ipVersion == 4 ? icmpv4(code) : icmpv6(code);
    }

    private static String icmpv4(int code) {
        return switch (code) {
            case 0 -> "network unreachable";
            case 1 -> "host unreachable";
            case 2 -> "protocol unreachable";
            case 3 -> "port unreachable";
            case 4 -> "fragmentation needed";
            case 5 -> "source route failed";
            case 6 -> "destination network unknown";
            case 7 -> "destination host unknown";
            case 8 -> "source host isolated";
            case 9 -> "network administratively prohibited";
            case 10 -> "host administratively prohibited";
            case 11 -> "network unreachable for TOS";
            case 12 -> "host unreachable for TOS";
            case 13 -> "communication administratively filtered";
            case 14 -> "host precedence violation";
            case 15 -> "precedence cutoff in effect";
            default -> "destination unreachable (code " + code + ")";
        };
    }

    private static String icmpv6(int code) {
        return switch (code) {
            case 0 -> "no route to destination";
            case 1 -> "communication with destination administratively prohibited";
            case 2 -> "beyond scope of source address";
            case 3 -> "address unreachable";
            case 4 -> "port unreachable";
            case 5 -> "source address failed ingress/egress policy";
            case 6 -> "reject route to destination";
            case 7 -> "error in source routing header";
            default -> "destination unreachable (code " + code + ")";
        };
    }
}
