package io.ikescope.net;

/**
 * How a UDP datagram is read, decided by its ports alone; the same decision serves datagrams and the datagrams
 * quoted in ICMP errors. Port 500 and the extra IKE ports carry IKE right after the UDP header; port 4500 carries
 * it behind the non-ESP marker (RFC 3948). When a datagram has both kinds of port the lower port decides first,
 * as tshark's UDP dissector does.
 */
final class IkePorts {
    /** Neither an IKE port nor 4500: nothing to examine. */
    static final int NONE = 0;
    /** Only IKE ports: IKE right after the UDP header. */
    static final int IKE = 1;
    /** Port 4500 decides (alone, or as the lower port): keepalive, non-ESP marker and IKE, or ESP. */
    static final int NAT_T = 2;
    /** An IKE port below 4500 decides, the other port is 4500: IKE right after the header, else read as on 4500. */
    static final int IKE_THEN_NAT_T = 3;

    /** Looked up per packet: a bit set avoids boxing. */
    private final boolean[] ike = new boolean[65_536];

    IkePorts(DecoderOptions options) {
        ike[DecoderOptions.IKE_PORT] = true;
        for (int port : options.extraIkeUdpPorts()) {
            ike[port] = true;
        }
    }

    /** One of {@link #NONE}, {@link #IKE}, {@link #NAT_T}, {@link #IKE_THEN_NAT_T}. */
    int reading(int sourcePort, int destinationPort) {
        boolean ikePort = ike[sourcePort] || ike[destinationPort];
        boolean natT = sourcePort == DecoderOptions.NAT_T_PORT || destinationPort == DecoderOptions.NAT_T_PORT;
        if (!ikePort) {
            return natT ? NAT_T : NONE;
        }
        if (!natT) {
            return IKE;
        }
        int deciding = ike[sourcePort] && ike[destinationPort] ? Math.min(sourcePort, destinationPort)
                : ike[sourcePort] ? sourcePort : destinationPort;
        return deciding < DecoderOptions.NAT_T_PORT ? IKE_THEN_NAT_T : NAT_T;
    }
}
