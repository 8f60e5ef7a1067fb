package io.ikescope.net;

import io.ikescope.capture.Bytes;

import java.util.HashSet;
import java.util.Set;

/**
 * Finds the IP packet in a frame by its link type: Ethernet with 802.1Q/802.1ad/QinQ tags, Linux cooked v1/v2
 * (SLL, SLL2), raw IP, and BSD loopback/NULL and OpenBSD LOOP. Frames of other link types are counted and
 * warned about once per type.
 */
final class LinkLayer {
    static final int ETHERTYPE_IPV4 = 0x0800;
    static final int ETHERTYPE_IPV6 = 0x86DD;
    static final int ETHERTYPE_VLAN = 0x8100;
    static final int ETHERTYPE_QINQ = 0x88A8;
    static final int ETHERTYPE_QINQ_OLD = 0x9100;
    /** Tags followed before the EtherType after them is taken as it is. */
    static final int MAX_VLAN_TAGS = 8;
    // LINKTYPE_* values (tcpdump.org link-layer header types) the decoder reads
    static final int LINKTYPE_NULL = 0;
    static final int LINKTYPE_ETHERNET = 1;
    static final int LINKTYPE_RAW_BSDOS = 12;
    static final int LINKTYPE_RAW_OPENBSD = 14;
    static final int LINKTYPE_RAW = 101;
    static final int LINKTYPE_LOOP = 108;
    static final int LINKTYPE_LINUX_SLL = 113;
    static final int LINKTYPE_IPV4 = 228;
    static final int LINKTYPE_IPV6 = 229;
    static final int LINKTYPE_LINUX_SLL2 = 276;
    /** SLL: 16-byte header, protocol at byte 14; SLL2: 20-byte header, protocol at byte 0. */
    static final int SLL_HEADER = 16;
    static final int SLL_PROTOCOL_AT = 14;
    static final int SLL2_HEADER = 20;
    static final int SLL2_PROTOCOL_AT = 0;
    static final int AF_INET = 2;
    static final int AF_INET6_NETBSD = 24;
    static final int AF_INET6_FREEBSD = 28;
    static final int AF_INET6_DARWIN = 30;

    private final PacketSink sink;
    private final Diagnostics diagnostics;
    private final CurrentFrame frame;
    private final IpLayer ip;
    private final Set<Integer> unknownLinkTypes = new HashSet<>();

    LinkLayer(PacketSink sink, Diagnostics diagnostics, CurrentFrame frame, IpLayer ip) {
        this.sink = sink;
        this.diagnostics = diagnostics;
        this.frame = frame;
        this.ip = ip;
    }

    /** {@code wireEnd}: where the frame would end had nothing been cut off (at least {@code end}). */
    void decode(int linkType, byte[] b, int at, int end, long wireEnd) {
        switch (linkType) {
            case LINKTYPE_ETHERNET -> ethernet(b, at, end, wireEnd);
            case LINKTYPE_LINUX_SLL -> linuxCooked(b, at, end, wireEnd, SLL_HEADER, SLL_PROTOCOL_AT);
            case LINKTYPE_LINUX_SLL2 -> linuxCooked(b, at, end, wireEnd, SLL2_HEADER, SLL2_PROTOCOL_AT);
            case LINKTYPE_RAW, LINKTYPE_RAW_BSDOS, LINKTYPE_RAW_OPENBSD -> rawIp(b, at, end, wireEnd);
            case LINKTYPE_IPV4 -> ip.ipv4(b, at, end, wireEnd, 0);
            case LINKTYPE_IPV6 -> ip.ipv6(b, at, end, wireEnd, 0);
            case LINKTYPE_NULL, LINKTYPE_LOOP -> loopback(b, at, end, wireEnd);
            default -> {
                diagnostics.counters.unknownLinkType++;
                if (unknownLinkTypes.add(linkType)) {
                    sink.onWarning("frame " + frame.number + ": link type " + linkType
                            + " is not supported; its frames are skipped");
                }
            }
        }
    }

    private void ethernet(byte[] b, int at, int end, long wireEnd) {
        int p = etherTypeAt(b, at, end);
        if (p < 0) {
            frame.malformed("ethernet", "an Ethernet header is cut short");
            return;
        }
        etherType(Bytes.u16(b, p), b, p + 2, end, wireEnd);
    }

    /**
     * Where the EtherType of an Ethernet frame at {@code at} is, after up to {@link #MAX_VLAN_TAGS} 802.1Q/802.1ad
     * tags (a further tag is taken as the EtherType itself); -1 when the header is cut short.
     */
    static int etherTypeAt(byte[] b, int at, int end) {
        int p = at + 12;
        for (int tags = 0; p + 2 <= end; tags++) {
            int type = Bytes.u16(b, p);
            if (!isVlanTag(type) || tags == MAX_VLAN_TAGS) {
                return p;
            }
            p += 4; // tag control information, then the next EtherType
        }
        return -1;
    }

    private static boolean isVlanTag(int etherType) {
        return etherType == ETHERTYPE_VLAN || etherType == ETHERTYPE_QINQ || etherType == ETHERTYPE_QINQ_OLD;
    }

    /** SLL: protocol at byte 14 of a 16-byte header; SLL2: protocol at byte 0 of a 20-byte header. */
    private void linuxCooked(byte[] b, int at, int end, long wireEnd, int headerLength, int protocolAt) {
        if (at + headerLength > end) {
            frame.malformed("sll", "a Linux cooked-capture header is cut short");
            return;
        }
        etherType(Bytes.u16(b, at + protocolAt), b, at + headerLength, end, wireEnd);
    }

    private void etherType(int type, byte[] b, int at, int end, long wireEnd) {
        if (type == ETHERTYPE_IPV4) {
            ip.ipv4(b, at, end, wireEnd, 0);
        } else if (type == ETHERTYPE_IPV6) {
            ip.ipv6(b, at, end, wireEnd, 0);
        }
        // Anything else (ARP, LLDP, ...) carries no IKE.
    }

    private void rawIp(byte[] b, int at, int end, long wireEnd) {
        if (at >= end) {
            frame.malformed("raw-ip", "an empty raw-IP frame");
            return;
        }
        switch ((b[at] & 0xFF) >> 4) {
            case 4 -> ip.ipv4(b, at, end, wireEnd, 0);
            case 6 -> ip.ipv6(b, at, end, wireEnd, 0);
            default -> frame.malformed("raw-ip", "a raw-IP frame is neither IPv4 nor IPv6");
        }
    }

    /** The address family of a loopback header at {@code at} (4 bytes there), in whichever byte order it was written. */
    static int loopbackFamily(byte[] b, int at) {
        int family = Bytes.i32(b, at);
        return (family & 0xFFFF) == 0 ? Integer.reverseBytes(family) : family;
    }

    /**
     * BSD NULL and OpenBSD LOOP: a 4-byte address family, in the capturing host's byte order (NULL) or network
     * order (LOOP); both orders are accepted for both. AF_INET is 2; AF_INET6 is 24, 28 or 30 depending on the BSD.
     */
    private void loopback(byte[] b, int at, int end, long wireEnd) {
        if (at + 4 > end) {
            frame.malformed("loopback", "a loopback header is cut short");
            return;
        }
        switch (loopbackFamily(b, at)) {
            case AF_INET -> ip.ipv4(b, at + 4, end, wireEnd, 0);
            case AF_INET6_NETBSD, AF_INET6_FREEBSD, AF_INET6_DARWIN -> ip.ipv6(b, at + 4, end, wireEnd, 0);
            default -> {
                // Not IP (or not a family we know); nothing to find.
            }
        }
    }
}
