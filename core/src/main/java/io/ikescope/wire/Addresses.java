package io.ikescope.wire;

/** IP address text: dotted IPv4, RFC 5952 IPv6, and netmask-to-prefix conversion. */
public final class Addresses {
    private Addresses() {
    }

    /** IPv4 dotted quad for 4 bytes, RFC 5952 text for 16 bytes, else null. */
    public static String format(Bytes address) {
        if (address.length() == 4) {
            return address.get(0) + "." + address.get(1) + "." + address.get(2) + "." + address.get(3);
        }
        if (address.length() == 16) {
            return ipv6(address);
        }
        return null;
    }

    private static String ipv6(Bytes a) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (a.get(2 * i) << 8) | a.get(2 * i + 1);
        }
        // RFC 5952: compress the longest run (first on ties) of at least two zero groups
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (groups[i] == 0) {
                int j = i;
                while (j < 8 && groups[j] == 0) {
                    j++;
                }
                if (j - i > bestLen) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        if (bestLen < 2) {
            bestStart = -1;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString();
    }

    /** The prefix length of a contiguous netmask, or -1 when the mask has holes. */
    public static int prefixLength(Bytes mask) {
        int prefix = 0;
        boolean ended = false;
        for (int i = 0; i < mask.length(); i++) {
            for (int bit = 7; bit >= 0; bit--) {
                boolean set = (mask.get(i) >> bit & 1) != 0;
                if (set && ended) {
                    return -1;
                }
                if (set) {
                    prefix++;
                } else {
                    ended = true;
                }
            }
        }
        return prefix;
    }

    /** "addr/prefix" for a contiguous mask, else "addr/mask". */
    public static String subnet(Bytes address, Bytes mask) {
        int prefix = prefixLength(mask);
        return format(address) + "/" + (prefix >= 0 ? Integer.toString(prefix) : format(mask));
    }
}
