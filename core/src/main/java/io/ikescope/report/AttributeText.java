package io.ikescope.report;

import io.ikescope.wire.Addresses;
import io.ikescope.wire.Attribute;
import io.ikescope.wire.Bytes;
import io.ikescope.wire.IdentityText;

/** Readable text for configuration (CP / mode-config / XAUTH) attribute values, or null when there is none. */
final class AttributeText {
    private AttributeText() {
    }

    // types shared by IKEv2 CP and IKEv1 mode-config (RFC 7296 3.15.1, draft-dukes-ike-mode-cfg)
    private static final int INTERNAL_IP4_ADDRESS = 1;
    private static final int INTERNAL_IP4_DHCP = 6;
    private static final int INTERNAL_IP6_ADDRESS = 8;
    private static final int INTERNAL_IP6_DNS = 10;
    private static final int INTERNAL_IP6_NBNS = 11;
    private static final int INTERNAL_IP4_SUBNET = 13;
    private static final int INTERNAL_IP6_SUBNET = 15;
    private static final int APPLICATION_VERSION = 7;
    /** IKEv1 XAUTH attributes (16520-16531) and Cisco/Unity strings above them carry text or numbers. */
    private static final int XAUTH_FIRST = 16520;

    static String render(int ikeVersion, Attribute a) {
        if (a.tv()) {
            return null;
        }
        Bytes v = a.value();
        int t = a.type();
        if (t >= INTERNAL_IP4_ADDRESS && t <= INTERNAL_IP4_DHCP && t != 5 && v.length() == 4) {
            return Addresses.format(v);
        }
        if ((t == INTERNAL_IP6_ADDRESS || t == INTERNAL_IP6_SUBNET) && v.length() == 17) {
            byte[] raw = v.toArray();
            return Addresses.format(Bytes.copyOf(raw, 0, 16)) + "/" + (raw[16] & 0xff);
        }
        if ((t == INTERNAL_IP6_DNS || t == INTERNAL_IP6_NBNS || t == 12) && v.length() == 16) {
            return Addresses.format(v);
        }
        if (t == INTERNAL_IP4_SUBNET && v.length() == 8) {
            byte[] raw = v.toArray();
            return Addresses.subnet(Bytes.copyOf(raw, 0, 4), Bytes.copyOf(raw, 4, 4));
        }
        if ((t == APPLICATION_VERSION || ikeVersion == 1 && t >= XAUTH_FIRST) && printable(v)) {
            return IdentityText.string(v);
        }
        return null;
    }

    static boolean printable(Bytes v) {
        if (v.isEmpty()) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            int b = v.get(i);
            if (b < 0x20 || b > 0x7e) {
                return false;
            }
        }
        return true;
    }
}
