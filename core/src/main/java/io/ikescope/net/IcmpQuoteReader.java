package io.ikescope.net;

import io.ikescope.capture.Bytes;

/**
 * Reads ICMP destination-unreachable errors whose quote (the start of the refused datagram: RFC 792 guarantees its
 * IP header and 8 bytes, Linux quotes up to 576 or 1280 bytes in all) is a UDP datagram on an IKE port, and hands
 * them on as {@link IcmpUnreachable}. Read only as far as captured; the quoted IKE header's SPIs are taken when the
 * quote reaches them. Anything else (other ICMP messages, quotes of other traffic, of ESP on 4500, of non-first IP
 * fragments) is ignored. A quoted IKE header is never an IKE message (a deliberate difference from tshark).
 */
final class IcmpQuoteReader {
    private static final int ICMPV4_UNREACHABLE = 3;
    private static final int ICMPV6_UNREACHABLE = 1;

    private final PacketSink sink;
    private final Diagnostics diagnostics;
    private final CurrentFrame frame;
    private final IkePorts ikePorts;

    IcmpQuoteReader(PacketSink sink, Diagnostics diagnostics, CurrentFrame frame, IkePorts ikePorts) {
        this.sink = sink;
        this.diagnostics = diagnostics;
        this.frame = frame;
        this.ikePorts = ikePorts;
    }

    /** The ICMP (ipVersion 4) or ICMPv6 (6) message at {@code at}, captured up to {@code end}. */
    void unreachable(int ipVersion, byte[] b, int at, int end) {
        if (at + 8 > end || (b[at] & 0xFF) != (ipVersion == 4 ? ICMPV4_UNREACHABLE : ICMPV6_UNREACHABLE)) {
            return;
        }
        int code = b[at + 1] & 0xFF;
        int q = at + 8;
        String quotedSrc;
        String quotedDst;
        int udp;
        if (ipVersion == 4) {
            if (q + 20 > end || (b[q] & 0xF0) != 0x40 || (b[q + 9] & 0xFF) != IpLayer.PROTO_UDP
                    || (Bytes.u16(b, q + 6) & 0x1FFF) != 0) {
                return;
            }
            quotedSrc = AddressText.ipv4(b, q + 12);
            quotedDst = AddressText.ipv4(b, q + 16);
            udp = q + (b[q] & 0x0F) * 4;
        } else {
            if (q + 40 > end || (b[q] & 0xF0) != 0x60) {
                return;
            }
            quotedSrc = AddressText.ipv6(b, q + 8);
            quotedDst = AddressText.ipv6(b, q + 24);
            udp = quotedIpv6Udp(b[q + 6] & 0xFF, b, q + 40, end);
        }
        if (udp < 0 || udp + 8 > end) {
            return;
        }
        int sourcePort = Bytes.u16(b, udp);
        int destinationPort = Bytes.u16(b, udp + 2);
        // The same reading as for a datagram (TransportLayer.udp), without its second try behind the marker.
        int reading = ikePorts.reading(sourcePort, destinationPort);
        if (reading == IkePorts.NONE) {
            return;
        }
        int header = udp + 8;
        if (reading == IkePorts.NAT_T) {
            // UDP 4500: IKE sits behind the non-ESP marker; a non-zero first word is ESP, not IKE.
            if (header + 4 <= end && Bytes.i32(b, header) != 0) {
                return;
            }
            header += 4;
        }
        String spiI = null;
        String spiR = null;
        int version = 0;
        if (header + 16 <= end) {
            spiI = hex(b, header, 8);
            spiR = hex(b, header + 8, 8);
        }
        if (header + 18 <= end) {
            version = (b[header + 17] & 0xF0) >> 4;
        }
        diagnostics.counters.icmpUnreachable++;
        sink.onIcmpUnreachable(new IcmpUnreachable(frame.number, frame.nanos, frame.source(), ipVersion, b[at] & 0xFF,
                code, quotedSrc, sourcePort, quotedDst, destinationPort, spiI, spiR,
                version == 1 || version == 2 ? version : 0));
    }

    /** Where the UDP header of a quoted IPv6 packet starts, after its extension headers; -1 when it is not UDP. */
    private static int quotedIpv6Udp(int next, byte[] b, int at, int end) {
        for (int depth = 0; depth < IpLayer.MAX_HEADERS; depth++) {
            switch (next) {
                case IpLayer.PROTO_UDP -> {
                    return at;
                }
                case IpLayer.PROTO_HOP_BY_HOP, IpLayer.PROTO_ROUTING, IpLayer.PROTO_DEST_OPTS -> {
                    if (at + 2 > end) {
                        return -1;
                    }
                    next = b[at] & 0xFF;
                    at += ((b[at + 1] & 0xFF) + 1) * 8;
                }
                case IpLayer.PROTO_FRAGMENT -> {
                    if (at + 8 > end || (Bytes.u16(b, at + 2) & 0xFFF8) != 0) {
                        return -1; // a later fragment: no UDP header in it
                    }
                    next = b[at] & 0xFF;
                    at += 8;
                }
                default -> {
                    return -1;
                }
            }
        }
        return -1;
    }

    private static String hex(byte[] b, int at, int length) {
        StringBuilder s = new StringBuilder(length * 2);
        for (int i = 0; i < length; i++) {
            s.append(Character.forDigit((b[at + i] & 0xF0) >> 4, 16)).append(Character.forDigit(b[at + i] & 0x0F, 16));
        }
        return s.toString();
    }
}
