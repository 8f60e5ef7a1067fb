package io.ikescope.net;

/**
 * Renders IP addresses the way tshark does: IPv4 dotted quad; IPv6 per RFC 5952 (lowercase, no leading zeros,
 * the longest run of two or more zero groups - the first one on a tie - written as {@code ::}), with the
 * IPv4-mapped and IPv4-compatible forms ending in a dotted quad as glibc's {@code inet_ntop} writes them.
 */
public final class AddressText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private AddressText() {
    }

    public static String ipv4(byte[] b, int at) {
        StringBuilder s = new StringBuilder(15);
        for (int i = 0; i < 4; i++) {
            if (i > 0) {
                s.append('.');
            }
            s.append(b[at + i] & 0xFF);
        }
        return s.toString();
    }

    public static String ipv6(byte[] b, int at) {
        int[] words = new int[8];
        for (int i = 0; i < 8; i++) {
            words[i] = ((b[at + 2 * i] & 0xFF) << 8) | (b[at + 2 * i + 1] & 0xFF);
        }
        int bestStart = -1;
        int bestLength = 0;
        for (int i = 0; i < 8; ) {
            if (words[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && words[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        if (bestLength < 2) {
            bestStart = -1;
        }
        boolean embeddedIpv4 = bestStart == 0 && (bestLength == 6 || (bestLength == 5 && words[5] == 0xFFFF));
        StringBuilder s = new StringBuilder(39);
        int last = embeddedIpv4 ? 6 : 8;
        for (int i = 0; i < last; i++) {
            if (i == bestStart) {
                s.append("::");
                i += bestLength - 1;
                continue;
            }
            if (s.length() > 0 && s.charAt(s.length() - 1) != ':') {
                s.append(':');
            }
            appendHex(s, words[i]);
        }
        if (embeddedIpv4) {
            if (s.charAt(s.length() - 1) != ':') {
                s.append(':');
            }
            s.append(ipv4(b, at + 12));
        }
        return s.toString();
    }

    private static void appendHex(StringBuilder s, int word) {
        boolean started = false;
        for (int shift = 12; shift >= 0; shift -= 4) {
            int nibble = (word >> shift) & 0xF;
            if (nibble != 0 || started || shift == 0) {
                s.append(HEX[nibble]);
                started = true;
            }
        }
    }
}
