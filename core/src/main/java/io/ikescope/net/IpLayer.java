package io.ikescope.net;

import io.ikescope.capture.Bytes;

/**
 * IPv4 and IPv6 down to the transport header: IPv6 extension headers are skipped, fragments reassembled by
 * {@link FragmentReassembler}, AH handed on and what it protects decoded in turn. UDP, TCP and ESP go to the
 * {@link TransportLayer}, ICMP destination-unreachable errors to the {@link IcmpQuoteReader}. Records each IP
 * header's addresses and TTL in the {@link CurrentFrame}.
 */
final class IpLayer {
    static final int PROTO_HOP_BY_HOP = 0;
    static final int PROTO_ICMP = 1;
    static final int PROTO_TCP = 6;
    static final int PROTO_UDP = 17;
    static final int PROTO_ROUTING = 43;
    static final int PROTO_FRAGMENT = 44;
    static final int PROTO_ESP = 50;
    static final int PROTO_AH = 51;
    static final int PROTO_ICMPV6 = 58;
    static final int PROTO_DEST_OPTS = 60;
    /** AH: next header, payload length, reserved (2), SPI (4), sequence (4): RFC 4302 section 2. */
    private static final int AH_FIXED = 12;
    /** Nested headers followed per packet; real traffic needs a handful, a crafted loop is cut off. */
    static final int MAX_HEADERS = 16;

    private final PacketSink sink;
    private final Diagnostics diagnostics;
    private final CurrentFrame frame;
    private final FragmentReassembler fragments;
    private final TransportLayer transport;
    private final IcmpQuoteReader icmp;

    IpLayer(PacketSink sink, Diagnostics diagnostics, CurrentFrame frame, FragmentReassembler fragments,
            TransportLayer transport, IcmpQuoteReader icmp) {
        this.sink = sink;
        this.diagnostics = diagnostics;
        this.frame = frame;
        this.fragments = fragments;
        this.transport = transport;
        this.icmp = icmp;
    }

    void ipv4(byte[] b, int at, int end, long wireEnd, int depth) {
        if (at + 20 > end || (b[at] & 0xF0) != 0x40) {
            frame.malformed("ipv4", "an IPv4 header is cut short or has the wrong version");
            return;
        }
        int headerLength = (b[at] & 0x0F) * 4;
        int totalLength = Bytes.u16(b, at + 2);
        if (headerLength < 20 || at + headerLength > end) {
            frame.malformed("ipv4-ihl", "an IPv4 header length of " + headerLength + " bytes is invalid or cut short");
            return;
        }
        long datagramEnd;
        if (totalLength == 0) {
            datagramEnd = wireEnd; // segmentation offload leaves the length 0; tshark then uses the frame
        } else if (totalLength < headerLength) {
            frame.malformed("ipv4-length", "an IPv4 total length of " + totalLength + " is less than its header");
            return;
        } else {
            datagramEnd = Math.min(wireEnd, at + (long) totalLength);
        }
        int capturedEnd = (int) Math.min(end, datagramEnd);
        frame.setAddresses(b, at + 12, at + 16, 4);
        frame.ttl = b[at + 8] & 0xFF;
        int protocol = b[at + 9] & 0xFF;
        int flagsOffset = Bytes.u16(b, at + 6);
        boolean more = (flagsOffset & 0x2000) != 0;
        int fragmentOffset = (flagsOffset & 0x1FFF) * 8;
        int payload = at + headerLength;
        if (more || fragmentOffset != 0) {
            if (totalLength > headerLength && at + (long) totalLength <= end) {
                FragmentReassembler.Datagram whole = fragments.add(4, frame.copyAddresses(), Bytes.u16(b, at + 4),
                        protocol, -1, fragmentOffset, more, b, payload, totalLength - headerLength, frame.number,
                        frame.nanos, frame.ttl);
                if (whole != null) {
                    frame.ttl = whole.ttl();
                    byte[] d = whole.payload();
                    transport(protocol, d, 0, d.length, d.length, depth + 1);
                }
                return;
            }
            if (!unreassembledFirstFragment(fragmentOffset)) {
                return;
            }
        }
        transport(protocol, b, payload, capturedEnd, datagramEnd, depth + 1);
    }

    void ipv6(byte[] b, int at, int end, long wireEnd, int depth) {
        if (at + 40 > end || (b[at] & 0xF0) != 0x60) {
            frame.malformed("ipv6", "an IPv6 header is cut short or has the wrong version");
            return;
        }
        int payloadLength = Bytes.u16(b, at + 4);
        // Payload length 0: a jumbogram or segmentation offload; use the frame, as tshark does.
        long datagramEnd = payloadLength == 0 ? wireEnd : Math.min(wireEnd, at + 40L + payloadLength);
        int capturedEnd = (int) Math.min(end, datagramEnd);
        frame.setAddresses(b, at + 8, at + 24, 16);
        frame.ttl = b[at + 7] & 0xFF;
        ipv6Headers(b[at + 6] & 0xFF, b, at + 40, capturedEnd, datagramEnd, depth + 1);
    }

    /** Walks IPv6 extension headers from {@code next} until a transport header (or the fragment header). */
    private void ipv6Headers(int next, byte[] b, int at, int capturedEnd, long datagramEnd, int depth) {
        for (; depth < MAX_HEADERS; depth++) {
            switch (next) {
                case PROTO_HOP_BY_HOP, PROTO_ROUTING, PROTO_DEST_OPTS -> {
                    if (at + 2 > capturedEnd) {
                        frame.malformed("ipv6-ext", "an IPv6 extension header is cut short");
                        return;
                    }
                    int length = ((b[at + 1] & 0xFF) + 1) * 8;
                    next = b[at] & 0xFF;
                    at += length;
                }
                case PROTO_FRAGMENT -> {
                    if (at + 8 > capturedEnd) {
                        frame.malformed("ipv6-ext", "an IPv6 fragment header is cut short");
                        return;
                    }
                    int nextHeader = b[at] & 0xFF;
                    int offsetFlags = Bytes.u16(b, at + 2);
                    int fragmentOffset = offsetFlags & 0xFFF8;
                    boolean more = (offsetFlags & 1) != 0;
                    long id = Bytes.u32(b, at + 4);
                    int payload = at + 8;
                    if (!more && fragmentOffset == 0) {
                        // An atomic fragment (RFC 6946): the whole datagram is here.
                        next = nextHeader;
                        at = payload;
                        continue;
                    }
                    if (datagramEnd <= capturedEnd && capturedEnd > payload) {
                        FragmentReassembler.Datagram whole = fragments.add(6, frame.copyAddresses(), id, -1,
                                nextHeader, fragmentOffset, more, b, payload, capturedEnd - payload, frame.number,
                                frame.nanos, frame.ttl);
                        if (whole != null) {
                            frame.ttl = whole.ttl();
                            byte[] d = whole.payload();
                            ipv6Headers(whole.nextHeader(), d, 0, d.length, d.length, depth + 1);
                        }
                        return;
                    }
                    if (!unreassembledFirstFragment(fragmentOffset)) {
                        return;
                    }
                    next = nextHeader;
                    at = payload;
                }
                default -> {
                    transport(next, b, at, capturedEnd, datagramEnd, depth);
                    return;
                }
            }
        }
        frame.malformed("ip-depth", "more than " + MAX_HEADERS + " nested IP headers");
    }

    /**
     * A fragment the capture cut short cannot be reassembled. Like tshark, the first fragment is then decoded
     * as far as it goes (its headers and the start of the message are there); a later one is only counted.
     *
     * @return true when the caller should decode the fragment's payload as it is
     */
    private boolean unreassembledFirstFragment(int fragmentOffset) {
        diagnostics.counters.fragmentsUnusable++;
        diagnostics.warnOnce("fragment-truncated", "frame " + frame.number + ": an IP fragment was cut short by the"
                + " capture's snapshot length, so its datagram cannot be reassembled"
                + (fragmentOffset == 0 ? "; the first fragment is decoded as far as it goes" : ""));
        return fragmentOffset == 0;
    }

    private void transport(int protocol, byte[] b, int at, int capturedEnd, long datagramEnd, int depth) {
        if (at > capturedEnd) {
            frame.malformed("ip-ext", "an IP header runs past the captured bytes");
            return;
        }
        switch (protocol) {
            case PROTO_UDP -> transport.udp(b, at, capturedEnd, datagramEnd);
            case PROTO_TCP -> transport.tcp(b, at, capturedEnd, datagramEnd);
            case PROTO_ESP -> transport.esp(b, at, capturedEnd, (int) Math.min(Integer.MAX_VALUE, datagramEnd - at),
                    0, 0, false);
            case PROTO_ICMP -> {
                if (frame.isIpv4()) {
                    icmp.unreachable(4, b, at, capturedEnd);
                }
            }
            case PROTO_ICMPV6 -> {
                if (frame.isIpv6()) {
                    icmp.unreachable(6, b, at, capturedEnd);
                }
            }
            case PROTO_AH -> ah(b, at, capturedEnd, datagramEnd, depth);
            default -> {
                // Other protocols carry no IKE.
            }
        }
    }

    private void ah(byte[] b, int at, int capturedEnd, long datagramEnd, int depth) {
        if (depth >= MAX_HEADERS || at + AH_FIXED > capturedEnd) {
            frame.malformed("ah", "an AH header is cut short (fewer than " + AH_FIXED + " bytes captured)");
            return;
        }
        // AH's length field counts 32-bit words minus 2 (RFC 4302); the fixed part alone is 3 words.
        int length = ((b[at + 1] & 0xFF) + 2) * 4;
        if (length < AH_FIXED) {
            frame.malformed("ah-length", "an AH payload length of " + (b[at + 1] & 0xFF) + " is shorter than its"
                    + " own fixed fields");
            return;
        }
        diagnostics.counters.ahPackets++;
        sink.onAh(new AhPacket(frame.number, frame.nanos, frame.source(), frame.destination(), Bytes.u32(b, at + 4),
                Bytes.u32(b, at + 8), length));
        int next = b[at] & 0xFF;
        if (frame.isIpv6()) {
            ipv6Headers(next, b, at + length, capturedEnd, datagramEnd, depth + 1);
        } else {
            transport(next, b, at + length, capturedEnd, datagramEnd, depth + 1);
        }
    }
}
