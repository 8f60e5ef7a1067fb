package io.ikescope.net;

import io.ikescope.capture.Bytes;
import io.ikescope.capture.Frame;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Finds IKE messages, ESP and AH packets in captured frames and hands them to a {@link PacketSink} in capture
 * order.
 *
 * <p>Path of a frame: link layer (Ethernet with 802.1Q/802.1ad/QinQ tags, Linux cooked v1/v2, raw IP, BSD
 * loopback/NULL and OpenBSD LOOP) -> IPv4 or IPv6 (extension headers skipped, fragments reassembled by
 * {@link FragmentReassembler}) -> UDP, TCP (RFC 8229, {@link TcpStreams}), ESP, or AH (handed on, then what it
 * protects decoded in turn).
 *
 * <p>What counts as IKE mirrors tshark 4.0 so both find the same frames: a UDP payload on port 500 (or an
 * extra port) or behind the non-ESP marker on port 4500 is IKE when at least 28 bytes are captured, the
 * datagram holds at least 28 bytes, and the header's length field is at least 28 (tshark's ISAKMP dissector
 * declines anything else, showing it as data). When a datagram has both kinds of port the lower port decides
 * first, as tshark's UDP dissector does. Messages cut short by the snapshot length are handed on as captured;
 * the IKE codec sees that the header length exceeds the bytes.
 *
 * <p>Nothing here throws for bad input: a malformed header skips the packet, counted in {@link #counters()}, and
 * each kind of problem is reported once through {@link PacketSink#onWarning}. Only IKE, ESP and AH results allocate;
 * other frames are examined in place. Not thread-safe: one decoder per capture.
 */
public final class PacketDecoder {
    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int ETHERTYPE_IPV6 = 0x86DD;
    private static final int ETHERTYPE_VLAN = 0x8100;
    private static final int ETHERTYPE_QINQ = 0x88A8;
    private static final int ETHERTYPE_QINQ_OLD = 0x9100;
    private static final int PROTO_HOP_BY_HOP = 0;
    private static final int PROTO_ICMP = 1;
    private static final int PROTO_TCP = 6;
    private static final int PROTO_UDP = 17;
    private static final int PROTO_ROUTING = 43;
    private static final int PROTO_FRAGMENT = 44;
    private static final int PROTO_ESP = 50;
    private static final int PROTO_AH = 51;
    private static final int PROTO_ICMPV6 = 58;
    private static final int PROTO_DEST_OPTS = 60;
    private static final int ICMPV4_UNREACHABLE = 3;
    private static final int ICMPV6_UNREACHABLE = 1;
    private static final int IKE_HEADER = 28;
    /** AH: next header, payload length, reserved (2), SPI (4), sequence (4): RFC 4302 section 2. */
    private static final int AH_FIXED = 12;
    /** Nested headers followed per packet; real traffic needs a handful, a crafted loop is cut off. */
    private static final int MAX_HEADERS = 16;

    private final PacketSink sink;
    private final DecoderOptions options;
    private final Diagnostics diagnostics;
    private final FragmentReassembler fragments;
    private final TcpStreams tcp;
    /** Ports looked up per packet: a bit set avoids boxing. */
    private final boolean[] ikePorts = new boolean[65_536];
    private final boolean[] tcpPorts = new boolean[65_536];
    private final Set<Integer> unknownLinkTypes = new HashSet<>();

    // The frame being decoded and the addresses of the innermost IP header so far.
    private long frameNumber;
    private long frameNanos;
    private byte[] addressData;
    private int sourceAt;
    private int destinationAt;
    private int addressLength;
    /** TTL / hop limit of that header (of the first fragment once a datagram is reassembled). */
    private int ttl = IkeDatagram.UNKNOWN_TTL;

    public PacketDecoder(PacketSink sink, DecoderOptions options) {
        this.sink = sink;
        this.options = options;
        this.diagnostics = new Diagnostics(sink);
        this.fragments = new FragmentReassembler(options, diagnostics);
        this.tcp = new TcpStreams(options, diagnostics, new TcpMessages());
        ikePorts[DecoderOptions.IKE_PORT] = true;
        for (int port : options.extraIkeUdpPorts()) {
            ikePorts[port] = true;
        }
        for (int port : options.tcpPorts()) {
            tcpPorts[port] = true;
        }
    }

    /** Decodes one frame; its bytes are not kept after this returns. */
    public void accept(Frame frame) {
        diagnostics.counters.frames++;
        frameNumber = frame.number();
        frameNanos = frame.epochNanos();
        if (!fragments.isIdle()) {
            fragments.expire(frameNumber, frameNanos);
        }
        byte[] b = frame.data();
        int at = frame.offset();
        int end = at + frame.capturedLength();
        // Where the packet would end had nothing been cut off (at least what was captured).
        long wireEnd = at + (long) Math.max(frame.originalLength(), frame.capturedLength());
        link(frame.linkType(), b, at, end, wireEnd);
    }

    /**
     * Reports what is still incomplete at the end of the capture (fragments, TCP streams) and how often each
     * warning repeated. Call once after the last frame; decoding may not continue afterwards.
     */
    public void finish() {
        fragments.finish();
        tcp.finish();
        diagnostics.finish();
    }

    /** Counts so far. */
    public DecoderCounters counters() {
        return diagnostics.snapshot();
    }

    // ---- link layer -----------------------------------------------------------------------------------------

    private void link(int linkType, byte[] b, int at, int end, long wireEnd) {
        switch (linkType) {
            case 1 -> ethernet(b, at, end, wireEnd);
            case 113 -> linuxCooked(b, at, end, wireEnd, 16, 14);
            case 276 -> linuxCooked(b, at, end, wireEnd, 20, 0);
            case 101, 12, 14 -> rawIp(b, at, end, wireEnd);
            case 228 -> ipv4(b, at, end, wireEnd, 0);
            case 229 -> ipv6(b, at, end, wireEnd, 0);
            case 0, 108 -> loopback(b, at, end, wireEnd);
            default -> {
                diagnostics.counters.unknownLinkType++;
                if (unknownLinkTypes.add(linkType)) {
                    sink.onWarning("frame " + frameNumber + ": link type " + linkType
                            + " is not supported; its frames are skipped");
                }
            }
        }
    }

    private void ethernet(byte[] b, int at, int end, long wireEnd) {
        int p = at + 12;
        for (int tags = 0; ; tags++) {
            if (p + 2 > end) {
                malformed("ethernet", "an Ethernet header is cut short");
                return;
            }
            int type = Bytes.u16(b, p);
            if ((type == ETHERTYPE_VLAN || type == ETHERTYPE_QINQ || type == ETHERTYPE_QINQ_OLD) && tags < 8) {
                p += 4; // tag control information, then the next EtherType
                continue;
            }
            etherType(type, b, p + 2, end, wireEnd);
            return;
        }
    }

    /** SLL: protocol at byte 14 of a 16-byte header; SLL2: protocol at byte 0 of a 20-byte header. */
    private void linuxCooked(byte[] b, int at, int end, long wireEnd, int headerLength, int protocolAt) {
        if (at + headerLength > end) {
            malformed("sll", "a Linux cooked-capture header is cut short");
            return;
        }
        etherType(Bytes.u16(b, at + protocolAt), b, at + headerLength, end, wireEnd);
    }

    private void etherType(int type, byte[] b, int at, int end, long wireEnd) {
        if (type == ETHERTYPE_IPV4) {
            ipv4(b, at, end, wireEnd, 0);
        } else if (type == ETHERTYPE_IPV6) {
            ipv6(b, at, end, wireEnd, 0);
        }
        // Anything else (ARP, LLDP, ...) carries no IKE.
    }

    private void rawIp(byte[] b, int at, int end, long wireEnd) {
        if (at >= end) {
            malformed("raw-ip", "an empty raw-IP frame");
            return;
        }
        switch ((b[at] & 0xFF) >> 4) {
            case 4 -> ipv4(b, at, end, wireEnd, 0);
            case 6 -> ipv6(b, at, end, wireEnd, 0);
            default -> malformed("raw-ip", "a raw-IP frame is neither IPv4 nor IPv6");
        }
    }

    /**
     * BSD NULL and OpenBSD LOOP: a 4-byte address family, in the capturing host's byte order (NULL) or network
     * order (LOOP); both orders are accepted for both. AF_INET is 2; AF_INET6 is 24, 28 or 30 depending on the BSD.
     */
    private void loopback(byte[] b, int at, int end, long wireEnd) {
        if (at + 4 > end) {
            malformed("loopback", "a loopback header is cut short");
            return;
        }
        int family = Bytes.i32(b, at);
        if ((family & 0xFFFF) == 0) {
            family = Integer.reverseBytes(family);
        }
        switch (family) {
            case 2 -> ipv4(b, at + 4, end, wireEnd, 0);
            case 24, 28, 30 -> ipv6(b, at + 4, end, wireEnd, 0);
            default -> {
                // Not IP (or not a family we know); nothing to find.
            }
        }
    }

    // ---- IP -------------------------------------------------------------------------------------------------

    private void ipv4(byte[] b, int at, int end, long wireEnd, int depth) {
        if (at + 20 > end || (b[at] & 0xF0) != 0x40) {
            malformed("ipv4", "an IPv4 header is cut short or has the wrong version");
            return;
        }
        int headerLength = (b[at] & 0x0F) * 4;
        int totalLength = Bytes.u16(b, at + 2);
        if (headerLength < 20 || at + headerLength > end) {
            malformed("ipv4-ihl", "an IPv4 header length of " + headerLength + " bytes is invalid or cut short");
            return;
        }
        long datagramEnd;
        if (totalLength == 0) {
            datagramEnd = wireEnd; // segmentation offload leaves the length 0; tshark then uses the frame
        } else if (totalLength < headerLength) {
            malformed("ipv4-length", "an IPv4 total length of " + totalLength + " is less than its header");
            return;
        } else {
            datagramEnd = Math.min(wireEnd, at + (long) totalLength);
        }
        int capturedEnd = (int) Math.min(end, datagramEnd);
        setAddresses(b, at + 12, at + 16, 4);
        ttl = b[at + 8] & 0xFF;
        int protocol = b[at + 9] & 0xFF;
        int flagsOffset = Bytes.u16(b, at + 6);
        boolean more = (flagsOffset & 0x2000) != 0;
        int fragmentOffset = (flagsOffset & 0x1FFF) * 8;
        int payload = at + headerLength;
        if (more || fragmentOffset != 0) {
            if (totalLength > headerLength && at + (long) totalLength <= end) {
                FragmentReassembler.Datagram whole = fragments.add(4, copyAddresses(), Bytes.u16(b, at + 4),
                        protocol, -1, fragmentOffset, more, b, payload, totalLength - headerLength, frameNumber,
                        frameNanos, ttl);
                if (whole != null) {
                    ttl = whole.ttl();
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

    private void ipv6(byte[] b, int at, int end, long wireEnd, int depth) {
        if (at + 40 > end || (b[at] & 0xF0) != 0x60) {
            malformed("ipv6", "an IPv6 header is cut short or has the wrong version");
            return;
        }
        int payloadLength = Bytes.u16(b, at + 4);
        // Payload length 0: a jumbogram or segmentation offload; use the frame, as tshark does.
        long datagramEnd = payloadLength == 0 ? wireEnd : Math.min(wireEnd, at + 40L + payloadLength);
        int capturedEnd = (int) Math.min(end, datagramEnd);
        setAddresses(b, at + 8, at + 24, 16);
        ttl = b[at + 7] & 0xFF;
        ipv6Headers(b[at + 6] & 0xFF, b, at + 40, capturedEnd, datagramEnd, depth + 1);
    }

    /** Walks IPv6 extension headers from {@code next} until a transport header (or the fragment header). */
    private void ipv6Headers(int next, byte[] b, int at, int capturedEnd, long datagramEnd, int depth) {
        for (; depth < MAX_HEADERS; depth++) {
            switch (next) {
                case PROTO_HOP_BY_HOP, PROTO_ROUTING, PROTO_DEST_OPTS -> {
                    if (at + 2 > capturedEnd) {
                        malformed("ipv6-ext", "an IPv6 extension header is cut short");
                        return;
                    }
                    int length = ((b[at + 1] & 0xFF) + 1) * 8;
                    next = b[at] & 0xFF;
                    at += length;
                }
                case PROTO_FRAGMENT -> {
                    if (at + 8 > capturedEnd) {
                        malformed("ipv6-ext", "an IPv6 fragment header is cut short");
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
                        FragmentReassembler.Datagram whole = fragments.add(6, copyAddresses(), id, -1, nextHeader,
                                fragmentOffset, more, b, payload, capturedEnd - payload, frameNumber, frameNanos, ttl);
                        if (whole != null) {
                            ttl = whole.ttl();
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
        malformed("ip-depth", "more than " + MAX_HEADERS + " nested IP headers");
    }

    /**
     * A fragment the capture cut short cannot be reassembled. Like tshark, the first fragment is then decoded
     * as far as it goes (its headers and the start of the message are there); a later one is only counted.
     *
     * @return true when the caller should decode the fragment's payload as it is
     */
    private boolean unreassembledFirstFragment(int fragmentOffset) {
        diagnostics.counters.fragmentsUnusable++;
        diagnostics.warnOnce("fragment-truncated", "frame " + frameNumber + ": an IP fragment was cut short by the"
                + " capture's snapshot length, so its datagram cannot be reassembled"
                + (fragmentOffset == 0 ? "; the first fragment is decoded as far as it goes" : ""));
        return fragmentOffset == 0;
    }

    // ---- transport ------------------------------------------------------------------------------------------

    private void transport(int protocol, byte[] b, int at, int capturedEnd, long datagramEnd, int depth) {
        if (at > capturedEnd) {
            malformed("ip-ext", "an IP header runs past the captured bytes");
            return;
        }
        switch (protocol) {
            case PROTO_UDP -> udp(b, at, capturedEnd, datagramEnd);
            case PROTO_TCP -> tcp(b, at, capturedEnd, datagramEnd);
            case PROTO_ESP -> esp(b, at, capturedEnd, (int) Math.min(Integer.MAX_VALUE, datagramEnd - at), 0, 0, false);
            case PROTO_ICMP -> {
                if (addressLength == 4) {
                    icmpUnreachable(4, b, at, capturedEnd);
                }
            }
            case PROTO_ICMPV6 -> {
                if (addressLength == 16) {
                    icmpUnreachable(6, b, at, capturedEnd);
                }
            }
            case PROTO_AH -> {
                if (depth >= MAX_HEADERS || at + AH_FIXED > capturedEnd) {
                    malformed("ah", "an AH header is cut short (fewer than " + AH_FIXED + " bytes captured)");
                    return;
                }
                // AH's length field counts 32-bit words minus 2 (RFC 4302); the fixed part alone is 3 words.
                int length = ((b[at + 1] & 0xFF) + 2) * 4;
                if (length < AH_FIXED) {
                    malformed("ah-length", "an AH payload length of " + (b[at + 1] & 0xFF) + " is shorter than its"
                            + " own fixed fields");
                    return;
                }
                deliverAh(new AhPacket(frameNumber, frameNanos, source(), destination(), Bytes.u32(b, at + 4),
                        Bytes.u32(b, at + 8), length));
                int next = b[at] & 0xFF;
                if (addressLength == 16) {
                    ipv6Headers(next, b, at + length, capturedEnd, datagramEnd, depth + 1);
                } else {
                    transport(next, b, at + length, capturedEnd, datagramEnd, depth + 1);
                }
            }
            default -> {
                // Other protocols carry no IKE.
            }
        }
    }

    private void udp(byte[] b, int at, int capturedEnd, long datagramEnd) {
        if (at + 8 > capturedEnd) {
            malformed("udp", "a UDP header is cut short");
            return;
        }
        int sourcePort = Bytes.u16(b, at);
        int destinationPort = Bytes.u16(b, at + 2);
        boolean ike = ikePorts[sourcePort] || ikePorts[destinationPort];
        boolean natT = sourcePort == DecoderOptions.NAT_T_PORT || destinationPort == DecoderOptions.NAT_T_PORT;
        if (!ike && !natT) {
            return;
        }
        int udpLength = Bytes.u16(b, at + 4);
        if (udpLength < 8) {
            malformed("udp-length", "a UDP length of " + udpLength + " is less than its header");
            return;
        }
        // A length beyond the IP payload is ignored (tshark keeps dissecting); a shorter one bounds the payload.
        long payloadEnd = Math.min(datagramEnd, at + (long) udpLength);
        int payload = at + 8;
        int wireLength = (int) (payloadEnd - payload);
        int capturedLength = (int) Math.min(capturedEnd, payloadEnd) - payload;
        if (ike && natT) {
            int ikePort = ikePorts[sourcePort] && ikePorts[destinationPort] ? Math.min(sourcePort, destinationPort)
                    : ikePorts[sourcePort] ? sourcePort : destinationPort;
            if (ikePort < DecoderOptions.NAT_T_PORT && isIke(b, payload, capturedLength, wireLength)) {
                emitIke(b, payload, capturedLength, sourcePort, destinationPort, Transport.UDP);
                return;
            }
            natT(b, payload, capturedLength, wireLength, sourcePort, destinationPort);
        } else if (ike) {
            if (isIke(b, payload, capturedLength, wireLength)) {
                emitIke(b, payload, capturedLength, sourcePort, destinationPort, Transport.UDP);
            } else {
                notIke(sourcePort, destinationPort, wireLength);
            }
        } else {
            natT(b, payload, capturedLength, wireLength, sourcePort, destinationPort);
        }
    }

    // ---- ICMP errors ----------------------------------------------------------------------------------------

    /**
     * An ICMP destination unreachable whose quote (the start of the refused datagram: RFC 792 guarantees its IP
     * header and 8 bytes, Linux quotes up to 576 or 1280 bytes in all) is a UDP datagram on an IKE port. Read only
     * as far as captured; the quoted IKE header's SPIs are taken when the quote reaches them. Anything else (other
     * ICMP messages, quotes of other traffic, of ESP on 4500, of non-first IP fragments) is ignored.
     */
    private void icmpUnreachable(int ipVersion, byte[] b, int at, int end) {
        if (at + 8 > end || (b[at] & 0xFF) != (ipVersion == 4 ? ICMPV4_UNREACHABLE : ICMPV6_UNREACHABLE)) {
            return;
        }
        int code = b[at + 1] & 0xFF;
        int q = at + 8;
        String quotedSrc;
        String quotedDst;
        int udp;
        if (ipVersion == 4) {
            if (q + 20 > end || (b[q] & 0xF0) != 0x40 || (b[q + 9] & 0xFF) != PROTO_UDP
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
        boolean ike = ikePorts[sourcePort] || ikePorts[destinationPort];
        boolean natT = sourcePort == DecoderOptions.NAT_T_PORT || destinationPort == DecoderOptions.NAT_T_PORT;
        if (!ike && !natT) {
            return;
        }
        // The same choice as for a datagram (see udp): with both kinds of port, the lower one decides.
        boolean behindMarker = !ike;
        if (ike && natT) {
            int ikePort = ikePorts[sourcePort] && ikePorts[destinationPort] ? Math.min(sourcePort, destinationPort)
                    : ikePorts[sourcePort] ? sourcePort : destinationPort;
            behindMarker = ikePort >= DecoderOptions.NAT_T_PORT;
        }
        int header = udp + 8;
        if (behindMarker) {
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
        sink.onIcmpUnreachable(new IcmpUnreachable(frameNumber, frameNanos, source(), ipVersion, b[at] & 0xFF, code,
                quotedSrc, sourcePort, quotedDst, destinationPort, spiI, spiR, version == 1 || version == 2 ? version : 0));
    }

    /** Where the UDP header of a quoted IPv6 packet starts, after its extension headers; -1 when it is not UDP. */
    private static int quotedIpv6Udp(int next, byte[] b, int at, int end) {
        for (int depth = 0; depth < MAX_HEADERS; depth++) {
            switch (next) {
                case PROTO_UDP -> {
                    return at;
                }
                case PROTO_HOP_BY_HOP, PROTO_ROUTING, PROTO_DEST_OPTS -> {
                    if (at + 2 > end) {
                        return -1;
                    }
                    next = b[at] & 0xFF;
                    at += ((b[at + 1] & 0xFF) + 1) * 8;
                }
                case PROTO_FRAGMENT -> {
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

    /** UDP 4500 (RFC 3948): keepalive, non-ESP marker + IKE, or ESP. */
    private void natT(byte[] b, int at, int capturedLength, int wireLength, int sourcePort, int destinationPort) {
        if (capturedLength == 1 && b[at] == (byte) 0xFF) {
            diagnostics.counters.natKeepalives++;
            return;
        }
        if (capturedLength < 4) {
            malformed("natt-short", "a UDP 4500 payload of " + capturedLength + " bytes is neither IKE nor ESP");
            return;
        }
        if (Bytes.i32(b, at) == 0) {
            if (isIke(b, at + 4, capturedLength - 4, wireLength - 4)) {
                emitIke(b, at + 4, capturedLength - 4, sourcePort, destinationPort, Transport.UDP_NATT);
            } else {
                notIke(sourcePort, destinationPort, wireLength - 4);
            }
            return;
        }
        esp(b, at, at + capturedLength, wireLength, sourcePort, destinationPort, true);
    }

    private void tcp(byte[] b, int at, int capturedEnd, long datagramEnd) {
        if (at + 20 > capturedEnd) {
            malformed("tcp", "a TCP header is cut short");
            return;
        }
        int sourcePort = Bytes.u16(b, at);
        int destinationPort = Bytes.u16(b, at + 2);
        if (!tcpPorts[sourcePort] && !tcpPorts[destinationPort]) {
            return;
        }
        int headerLength = ((b[at + 12] & 0xFF) >> 4) * 4;
        if (headerLength < 20 || at + headerLength > capturedEnd) {
            malformed("tcp-header", "a TCP header length of " + headerLength + " is invalid or cut short");
            return;
        }
        long seq = Bytes.u32(b, at + 4);
        int flags = b[at + 13] & 0x3F;
        int payload = at + headerLength;
        int wireLength = (int) Math.max(0, datagramEnd - payload);
        int capturedLength = capturedEnd - payload;
        tcp.segment(copyAddresses(), source(), sourcePort, destination(), destinationPort, seq, flags, b, payload,
                wireLength, capturedLength >= wireLength, frameNumber, frameNanos);
    }

    private final class TcpMessages implements TcpStreams.Messages {
        @Override
        public void ike(TcpStreams.Direction d, byte[] b, int at, int length, long frame, long nanos) {
            if (isIke(b, at, length, length)) {
                // Called while the segment that completed the message is decoded: its TTL is the current one.
                deliverIke(new IkeDatagram(frame, nanos, d.src, d.srcPort, d.dst, d.dstPort, Transport.TCP,
                        Arrays.copyOfRange(b, at, at + length), ttl));
            } else {
                notIke(d.srcPort, d.dstPort, length);
            }
        }

        @Override
        public void esp(TcpStreams.Direction d, byte[] b, int at, int length, long frame, long nanos) {
            if (length < 8) {
                malformed("esp-short", "an ESP packet of " + length + " bytes has no room for SPI and sequence");
                return;
            }
            // ESP in TCP: udpEncapsulated false but the TCP ports are given.
            deliverEsp(new EspPacket(frame, nanos, d.src, d.srcPort, d.dst, d.dstPort, false, Bytes.u32(b, at),
                    Bytes.u32(b, at + 4), length));
        }
    }

    /** tshark's ISAKMP acceptance test (see the class comment). */
    private static boolean isIke(byte[] b, int at, int capturedLength, int wireLength) {
        return capturedLength >= IKE_HEADER && wireLength >= IKE_HEADER
                && Bytes.u32(b, at + IKE_HEADER - 4) >= IKE_HEADER;
    }

    private void esp(byte[] b, int at, int capturedEnd, int wireLength, int sourcePort, int destinationPort,
                     boolean udp) {
        if (capturedEnd - at < 8) {
            malformed("esp-short", "an ESP packet with fewer than 8 bytes captured (no SPI and sequence number)");
            return;
        }
        deliverEsp(new EspPacket(frameNumber, frameNanos, source(), sourcePort, destination(), destinationPort, udp,
                Bytes.u32(b, at), Bytes.u32(b, at + 4), wireLength));
    }

    private void emitIke(byte[] b, int at, int length, int sourcePort, int destinationPort, Transport transport) {
        deliverIke(new IkeDatagram(frameNumber, frameNanos, source(), sourcePort, destination(), destinationPort,
                transport, Arrays.copyOfRange(b, at, at + length), ttl));
    }

    private void deliverIke(IkeDatagram message) {
        diagnostics.counters.ikeMessages++;
        sink.onIke(message);
    }

    private void deliverEsp(EspPacket packet) {
        diagnostics.counters.espPackets++;
        sink.onEsp(packet);
    }

    private void deliverAh(AhPacket packet) {
        diagnostics.counters.ahPackets++;
        sink.onAh(packet);
    }

    private void notIke(int sourcePort, int destinationPort, int length) {
        diagnostics.counters.notIke++;
        diagnostics.warnOnce("not-ike", "frame " + frameNumber + ": a " + length + "-byte payload on UDP/TCP port "
                + sourcePort + " -> " + destinationPort + " is too short for an IKE header or declares a length below"
                + " 28; not IKE (tshark shows such payloads as data)");
    }

    private void malformed(String kind, String what) {
        diagnostics.counters.malformed++;
        diagnostics.warnOnce(kind, "frame " + frameNumber + ": " + what + "; such packets are skipped");
    }

    // ---- addresses ------------------------------------------------------------------------------------------

    private void setAddresses(byte[] b, int source, int destination, int length) {
        addressData = b;
        sourceAt = source;
        destinationAt = destination;
        addressLength = length;
    }

    private byte[] copyAddresses() {
        byte[] copy = new byte[addressLength * 2];
        System.arraycopy(addressData, sourceAt, copy, 0, addressLength);
        System.arraycopy(addressData, destinationAt, copy, addressLength, addressLength);
        return copy;
    }

    private String source() {
        return text(sourceAt);
    }

    private String destination() {
        return text(destinationAt);
    }

    private String text(int at) {
        return addressLength == 4 ? AddressText.ipv4(addressData, at) : AddressText.ipv6(addressData, at);
    }
}
