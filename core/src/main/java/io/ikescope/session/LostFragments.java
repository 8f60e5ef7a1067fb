package io.ikescope.session;

/**
 * An IP datagram between the peers that never reassembled: some of its fragments did not reach the capture point.
 *
 * @param firstFrame    frame of its first fragment seen
 * @param from          the peer that sent it
 * @param bytesReceived bytes of the fragments that arrived
 * @param fragments     fragments that arrived
 */
public record LostFragments(long firstFrame, long epochNanos, Role from, int bytesReceived, int fragments) {
}
