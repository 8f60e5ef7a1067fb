package io.ikescope.net;

/** Receives what the packet decoder finds, in capture order. */
public interface PacketSink {
    void onIke(IkeDatagram message);

    default void onEsp(EspPacket packet) {
    }

    /** A non-fatal problem (a cap hit, an unknown link type); each distinct problem is reported once. */
    default void onWarning(String warning) {
    }

    /** A fragmented datagram that was dropped incomplete; also counted and warned about. */
    default void onIncompleteDatagram(IncompleteDatagram datagram) {
    }
}
