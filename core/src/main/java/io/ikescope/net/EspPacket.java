package io.ikescope.net;

/**
 * An ESP packet seen in the capture (IP protocol 50, or ESP-in-UDP on 4500), kept for correlation with child SAs.
 *
 * @param udpEncapsulated true for ESP-in-UDP (ports then set), false for IP protocol 50 (ports 0)
 * @param spi             the 32-bit SPI as an unsigned value
 * @param sequence        the 32-bit sequence number as an unsigned value
 * @param length          length of the ESP packet (SPI onwards)
 */
public record EspPacket(long frame, long epochNanos, String src, int srcPort, String dst, int dstPort,
                        boolean udpEncapsulated, long spi, long sequence, int length) {
}
