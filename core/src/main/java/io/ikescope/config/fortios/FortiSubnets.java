package io.ikescope.config.fortios;

import java.util.List;

/** FortiOS writes IPv4 subnets as address and dotted mask ("10.1.0.0 255.255.255.0"); the model takes prefixes. */
final class FortiSubnets {
    private FortiSubnets() {
    }

    /**
     * "10.1.0.0/24" from {@code ["10.1.0.0", "255.255.255.0"]} (or from one word already in prefix form).
     *
     * @throws IllegalArgumentException for a mask that is not contiguous or not a mask
     */
    static String prefix(List<String> values) {
        if (values.size() == 1 && values.get(0).contains("/")) {
            String[] parts = values.get(0).split("/", 2);
            return parts[0] + "/" + (parts[1].contains(".") ? bits(parts[1]) : Integer.parseInt(parts[1]));
        }
        if (values.size() != 2) {
            throw new IllegalArgumentException("expected an address and a mask (A.B.C.D M.M.M.M)");
        }
        return values.get(0) + "/" + bits(values.get(1));
    }

    private static int bits(String mask) {
        String[] octets = mask.split("\\.", -1);
        if (octets.length != 4) {
            throw new IllegalArgumentException("not a netmask: " + mask);
        }
        long value = 0;
        for (String octet : octets) {
            int o;
            try {
                o = Integer.parseInt(octet);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a netmask: " + mask);
            }
            if (o < 0 || o > 255) {
                throw new IllegalArgumentException("not a netmask: " + mask);
            }
            value = value << 8 | o;
        }
        int bits = Long.bitCount(value);
        long expected = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
        if (value != expected) {
            throw new IllegalArgumentException("netmask is not contiguous: " + mask);
        }
        return bits;
    }
}
