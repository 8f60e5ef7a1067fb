/**
 * From frames to IKE messages and ESP packets: {@link io.ikescope.net.PacketDecoder} reads the link layer, IPv4
 * and IPv6 (with fragment reassembly), UDP (500, extra ports, NAT-T 4500) and RFC 8229 TCP, and hands
 * {@link io.ikescope.net.IkeDatagram}s and {@link io.ikescope.net.EspPacket}s to a
 * {@link io.ikescope.net.PacketSink}.
 *
 * <p>What is IKE follows tshark 4.0, so both find the same frames (checked on the whole public corpus). Known,
 * deliberate differences: an IKE header quoted inside an ICMP error is not a message; a UDP datagram between
 * port 500 and a lower well-known port (e.g. 53) is still examined as IKE; ESP needs 8 bytes (SPI and sequence);
 * RFC 8229 TCP framing is parsed (tshark 4.0 does not parse its length field). Overlapping IP fragments keep the
 * bytes that arrived first. All state (fragments, TCP streams) is bounded by {@link io.ikescope.net.DecoderOptions}.
 */
package io.ikescope.net;
