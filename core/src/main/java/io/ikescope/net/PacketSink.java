package io.ikescope.net;

/** Receives what the packet decoder finds, in capture order. */
public interface PacketSink {
    void onIke(IkeDatagram message);

    default void onEsp(EspPacket packet) {
    }

    /** An AH packet (IP protocol 51); what it protects is decoded on as well. */
    default void onAh(AhPacket packet) {
    }

    /** A non-fatal problem (a cap hit, an unknown link type); each distinct problem is reported once. */
    default void onWarning(String warning) {
    }

    /**
     * An ICMP destination unreachable (ICMPv4 type 3, ICMPv6 type 1) quoting a datagram on an IKE port (500, 4500
     * or a port given with --port); ignored unless a sink wants it.
     */
    default void onIcmpUnreachable(IcmpUnreachable error) {
    }

    /** A fragmented datagram that was dropped incomplete; also counted and warned about. */
    default void onIncompleteDatagram(IncompleteDatagram datagram) {
    }
}
