package io.ikescope.session;

/**
 * Addresses that only exist behind a NAT: RFC 1918 (10/8, 172.16/12, 192.168/16), shared address space
 * (RFC 6598, 100.64/10) and IPv6 unique local addresses (RFC 4193, fc00::/7).
 */
final class PrivateAddresses {
    private static final int SHARED_SPACE_FIRST = 100;
    private static final int SHARED_SPACE_SECOND_MASK = 0xC0;
    private static final int SHARED_SPACE_SECOND = 64;
    private static final int UNIQUE_LOCAL_MASK = 0xFE;
    private static final int UNIQUE_LOCAL = 0xFC;

    private PrivateAddresses() {
    }

    static boolean isPrivate(String address) {
        byte[] a = NatDetection.literal(address);
        if (a == null) {
            return false;
        }
        if (a.length == 16) {
            return (a[0] & UNIQUE_LOCAL_MASK) == UNIQUE_LOCAL;
        }
        int first = a[0] & 0xFF;
        int second = a[1] & 0xFF;
        return first == 10
                || first == 172 && (second & 0xF0) == 16
                || first == 192 && second == 168
                || first == SHARED_SPACE_FIRST && (second & SHARED_SPACE_SECOND_MASK) == SHARED_SPACE_SECOND;
    }
}
