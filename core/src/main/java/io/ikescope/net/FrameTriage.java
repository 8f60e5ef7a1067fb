package io.ikescope.net;

import io.ikescope.capture.Bytes;
import io.ikescope.capture.Frame;

/**
 * Says of a frame, from its first headers, whether {@link PacketDecoder#accept} could do anything with it but count
 * it: so that a reader splitting a large capture over several cores ships only the frames that may matter to the
 * one decoder, and tells it of the rest with {@link PacketDecoder#skip}.
 *
 * <p>It mirrors the decoder's layers and is conservative: a frame is ruled out only on a path where the decoder
 * would find nothing and change nothing (no counter but the frame count, no warning, no fragment or TCP state):
 * an ordinary Ethernet, VLAN, Linux cooked, raw-IP or loopback frame carrying a non-IP protocol, or an unfragmented
 * IPv4 packet, or an IPv6 packet without extension headers, whose transport is UDP off the IKE and NAT-T ports, TCP
 * off the RFC 8229 ports, or a protocol that carries no IKE. Everything else (IKE ports, ESP, AH, ICMP, fragments,
 * extension headers, any header that is cut short or invalid, unknown link types) may matter. Thread-safe: the
 * port tables are only read.
 */
public final class FrameTriage {
    private final IkePorts ikePorts;
    private final boolean[] tcpPorts = new boolean[65_536];

    public FrameTriage(DecoderOptions options) {
        this.ikePorts = new IkePorts(options);
        for (int port : options.tcpPorts()) {
            tcpPorts[port] = true;
        }
    }

    /** False only when the decoder would do nothing with {@code frame} but count it. */
    public boolean mayMatter(Frame frame) {
        int at = frame.offset();
        int end = at + frame.capturedLength();
        long wireEnd = at + (long) Math.max(frame.originalLength(), frame.capturedLength());
        return mayMatter(frame.linkType(), frame.data(), at, end, wireEnd);
    }

    private boolean mayMatter(int linkType, byte[] b, int at, int end, long wireEnd) {
        switch (linkType) {
            case LinkLayer.LINKTYPE_ETHERNET -> {
                return ethernet(b, at, end, wireEnd);
            }
            case LinkLayer.LINKTYPE_LINUX_SLL -> {
                return linuxCooked(b, at, end, wireEnd, LinkLayer.SLL_HEADER, LinkLayer.SLL_PROTOCOL_AT);
            }
            case LinkLayer.LINKTYPE_LINUX_SLL2 -> {
                return linuxCooked(b, at, end, wireEnd, LinkLayer.SLL2_HEADER, LinkLayer.SLL2_PROTOCOL_AT);
            }
            case LinkLayer.LINKTYPE_RAW, LinkLayer.LINKTYPE_RAW_BSDOS, LinkLayer.LINKTYPE_RAW_OPENBSD -> {
                if (at >= end) {
                    return true;
                }
                int version = (b[at] & 0xFF) >> 4;
                return version == 4 ? ipv4(b, at, end, wireEnd) : version != 6 || ipv6(b, at, end, wireEnd);
            }
            case LinkLayer.LINKTYPE_IPV4 -> {
                return ipv4(b, at, end, wireEnd);
            }
            case LinkLayer.LINKTYPE_IPV6 -> {
                return ipv6(b, at, end, wireEnd);
            }
            case LinkLayer.LINKTYPE_NULL, LinkLayer.LINKTYPE_LOOP -> {
                return loopback(b, at, end, wireEnd);
            }
            default -> {
                return true; // counted and warned about by the link layer
            }
        }
    }

    private boolean ethernet(byte[] b, int at, int end, long wireEnd) {
        int p = LinkLayer.etherTypeAt(b, at, end);
        return p < 0 || etherType(Bytes.u16(b, p), b, p + 2, end, wireEnd);
    }

    private boolean linuxCooked(byte[] b, int at, int end, long wireEnd, int headerLength, int protocolAt) {
        if (at + headerLength > end) {
            return true;
        }
        return etherType(Bytes.u16(b, at + protocolAt), b, at + headerLength, end, wireEnd);
    }

    private boolean etherType(int type, byte[] b, int at, int end, long wireEnd) {
        if (type == LinkLayer.ETHERTYPE_IPV4) {
            return ipv4(b, at, end, wireEnd);
        }
        return type == LinkLayer.ETHERTYPE_IPV6 && ipv6(b, at, end, wireEnd);
    }

    private boolean loopback(byte[] b, int at, int end, long wireEnd) {
        if (at + 4 > end) {
            return true;
        }
        return switch (LinkLayer.loopbackFamily(b, at)) {
            case LinkLayer.AF_INET -> ipv4(b, at + 4, end, wireEnd);
            case LinkLayer.AF_INET6_NETBSD, LinkLayer.AF_INET6_FREEBSD, LinkLayer.AF_INET6_DARWIN ->
                    ipv6(b, at + 4, end, wireEnd);
            default -> false;
        };
    }

    private boolean ipv4(byte[] b, int at, int end, long wireEnd) {
        if (at + 20 > end || (b[at] & 0xF0) != 0x40) {
            return true;
        }
        int headerLength = (b[at] & 0x0F) * 4;
        int totalLength = Bytes.u16(b, at + 2);
        if (headerLength < 20 || at + headerLength > end || totalLength != 0 && totalLength < headerLength) {
            return true;
        }
        if ((Bytes.u16(b, at + 6) & 0x3FFF) != 0) {
            return true; // a fragment (more-fragments flag or an offset): reassembly may need it
        }
        long datagramEnd = totalLength == 0 ? wireEnd : Math.min(wireEnd, at + (long) totalLength);
        return transport(b[at + 9] & 0xFF, b, at + headerLength, (int) Math.min(end, datagramEnd));
    }

    private boolean ipv6(byte[] b, int at, int end, long wireEnd) {
        if (at + 40 > end || (b[at] & 0xF0) != 0x60) {
            return true;
        }
        int payloadLength = Bytes.u16(b, at + 4);
        long datagramEnd = payloadLength == 0 ? wireEnd : Math.min(wireEnd, at + 40L + payloadLength);
        int next = b[at + 6] & 0xFF;
        return switch (next) {
            // extension headers are walked (and a fragment reassembled) only by the decoder itself
            case IpLayer.PROTO_HOP_BY_HOP, IpLayer.PROTO_ROUTING, IpLayer.PROTO_DEST_OPTS, IpLayer.PROTO_FRAGMENT -> true;
            default -> transport(next, b, at + 40, (int) Math.min(end, datagramEnd));
        };
    }

    private boolean transport(int protocol, byte[] b, int at, int capturedEnd) {
        if (at > capturedEnd) {
            return true;
        }
        return switch (protocol) {
            case IpLayer.PROTO_UDP -> at + 8 > capturedEnd
                    || ikePorts.reading(Bytes.u16(b, at), Bytes.u16(b, at + 2)) != IkePorts.NONE;
            case IpLayer.PROTO_TCP -> at + 20 > capturedEnd || tcpPorts[Bytes.u16(b, at)]
                    || tcpPorts[Bytes.u16(b, at + 2)];
            case IpLayer.PROTO_ESP, IpLayer.PROTO_AH, IpLayer.PROTO_ICMP, IpLayer.PROTO_ICMPV6 -> true;
            default -> false;
        };
    }
}
