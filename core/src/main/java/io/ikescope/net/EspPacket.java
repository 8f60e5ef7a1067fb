package io.ikescope.net;

/**
 * An ESP packet seen in the capture (IP protocol 50, ESP-in-UDP on 4500, or ESP in an RFC 8229 TCP stream), kept
 * for correlation with child SAs.
 *
 * @param frame           the frame that carried it (for TCP: the segment that completed it)
 * @param udpEncapsulated true for ESP-in-UDP (ports then set); false for IP protocol 50 (ports 0) and for ESP in
 *                        an RFC 8229 TCP stream (the TCP ports then set)
 * @param spi             the 32-bit SPI as an unsigned value
 * @param sequence        the 32-bit sequence number as an unsigned value
 * @param length          length of the ESP packet (SPI onwards)
 */
public record EspPacket(long frame, long epochNanos, String src, int srcPort, String dst, int dstPort,
                        boolean udpEncapsulated, long spi, long sequence, int length) {
}
