package io.ikescope.probe.net;

import java.net.InetSocketAddress;

/**
 * One UDP datagram the probe sent or received.
 *
 * @param nanos    when, on the probe's monotonic clock
 * @param sent     true for ours, false for the target's
 * @param payload  the UDP payload as on the wire (with the four-byte non-ESP marker on the NAT-T port)
 * @param ike      the IKE message in it (the marker removed); null when it holds none
 */
public record Datagram(long nanos, long epochMicros, boolean sent, InetSocketAddress source,
                       InetSocketAddress destination, byte[] payload, byte[] ike) {
}
