package io.ikescope.bench;

/**
 * Makes a copied IKE frame belong to a different negotiation: xors a pass number into the initiator and responder
 * SPIs of its IKE header (a zero responder SPI stays zero: it means "not chosen yet"). Handles Ethernet/IPv4
 * frames whose UDP port 500 or 4500 (after the non-ESP marker) carries IKE; other frames, and IP fragments after
 * the first, are left as they are. The UDP checksum of a changed IPv4 datagram is set to 0 (no checksum), which
 * IPv4 allows; nothing else needs recomputing for a reader without keys.
 */
final class IkeSpiRewriter {
    private static final int ETHERNET_HEADER = 14;
    private static final int UDP = 17;

    private IkeSpiRewriter() {
    }

    /** Rewrites {@code frame[0, length)} in place; returns whether an IKE header was changed. */
    static boolean rewrite(byte[] frame, int length, long pass) {
        if (pass == 0 || length < ETHERNET_HEADER + 20 || u16(frame, 12) != 0x0800) {
            return false;
        }
        int ip = ETHERNET_HEADER;
        int headerLength = (frame[ip] & 0x0F) * 4;
        boolean firstFragment = (u16(frame, ip + 6) & 0x1FFF) == 0;
        if (frame[ip + 9] != UDP || !firstFragment || headerLength < 20) {
            return false;
        }
        int udp = ip + headerLength;
        if (udp + 8 > length) {
            return false;
        }
        int sport = u16(frame, udp);
        int dport = u16(frame, udp + 2);
        int ike = udp + 8;
        if (sport == 4500 || dport == 4500) {
            if (ike + 4 > length || frame[ike] != 0 || frame[ike + 1] != 0 || frame[ike + 2] != 0
                    || frame[ike + 3] != 0) {
                return false; // ESP in UDP, or a keepalive
            }
            ike += 4;
        } else if (sport != 500 && dport != 500) {
            return false;
        }
        if (ike + 28 > length) {
            return false;
        }
        xorSpi(frame, ike, pass);
        if (!isZero(frame, ike + 8)) {
            xorSpi(frame, ike + 8, pass);
        }
        frame[udp + 6] = 0;
        frame[udp + 7] = 0;
        return true;
    }

    private static void xorSpi(byte[] b, int at, long pass) {
        for (int i = 0; i < 8; i++) {
            b[at + 7 - i] ^= (byte) (pass >>> (8 * i));
        }
    }

    private static boolean isZero(byte[] b, int at) {
        for (int i = 0; i < 8; i++) {
            if (b[at + i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }
}
