package io.ikescope.net;

/**
 * An AH packet seen in the capture (IPv4 protocol 51, or IPv6 next header 51 after any extension headers), kept
 * for correlation with child SAs as ESP packets are. AH is never UDP-encapsulated (RFC 3948 covers ESP only).
 *
 * @param frame      the frame that carried it (for a fragmented datagram: the fragment that completed it)
 * @param spi        the 32-bit SPI as an unsigned value
 * @param sequence   the 32-bit sequence number as an unsigned value
 * @param headerLength the AH header's length in bytes, from its payload length field (RFC 4302: (n + 2) * 4)
 */
public record AhPacket(long frame, long epochNanos, String src, String dst, long spi, long sequence,
                       int headerLength) {
}
