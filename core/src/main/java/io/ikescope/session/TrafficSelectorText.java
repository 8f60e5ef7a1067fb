package io.ikescope.session;

import io.ikescope.wire.Addresses;
import io.ikescope.wire.Bytes;
import io.ikescope.wire.IdentificationPayload;
import io.ikescope.wire.IdentityText;
import io.ikescope.wire.TrafficSelector;

/**
 * Traffic selectors as administrators write them: "203.0.113.0/28", a single host as "/32" or "/128", other ranges
 * "a-b"; a protocol or port restriction follows in brackets as strongSwan prints it: "10.0.0.0/24[6/443]".
 */
final class TrafficSelectorText {
    private TrafficSelectorText() {
    }

    /** IKEv2 TS; null for selector types without addresses. */
    static String ikev2(TrafficSelector ts) {
        if (ts.startAddress() == null || ts.endAddress() == null) {
            return null;
        }
        String range = range(ts.startAddress(), ts.endAddress());
        int protocol = ts.ipProtocol() == null ? 0 : ts.ipProtocol();
        int start = ts.startPort() == null ? 0 : ts.startPort();
        int end = ts.endPort() == null ? 65535 : ts.endPort();
        return range + restriction(protocol, start == 0 && end == 65535 ? null : start == end ? "" + start
                : start + "-" + end);
    }

    /** IKEv1 Quick Mode identity (IDci/IDcr). */
    static String ikev1(IdentificationPayload id) {
        String text = IdentityText.render(1, id.idType(), id.data());
        // A single address in a Quick Mode ID is a host selector.
        if (id.idType() == 1) {
            text = text + "/32";
        } else if (id.idType() == 5) {
            text = text + "/128";
        }
        int protocol = id.protocolId() == null ? 0 : id.protocolId();
        int port = id.port() == null ? 0 : id.port();
        return text + restriction(protocol, port == 0 ? null : Integer.toString(port));
    }

    private static String restriction(int protocol, String ports) {
        if (protocol == 0 && ports == null) {
            return "";
        }
        return "[" + protocol + (ports == null ? "" : "/" + ports) + "]";
    }

    /** "a/len" when start..end is one prefix, else "a-b". */
    static String range(Bytes start, Bytes end) {
        String a = Addresses.format(start);
        String b = Addresses.format(end);
        if (a == null || b == null || start.length() != end.length()) {
            return start.hex() + "-" + end.hex();
        }
        int bits = start.length() * 8;
        int prefix = bits;
        // The longest prefix where start has zeros and end has ones beyond it.
        for (int len = 0; len <= bits; len++) {
            if (isPrefix(start, end, len)) {
                prefix = len;
                break;
            }
        }
        if (isPrefix(start, end, prefix)) {
            return a + "/" + prefix;
        }
        return a + "-" + b;
    }

    private static boolean isPrefix(Bytes start, Bytes end, int len) {
        int bits = start.length() * 8;
        for (int i = 0; i < bits; i++) {
            int s = (start.get(i / 8) >> (7 - i % 8)) & 1;
            int e = (end.get(i / 8) >> (7 - i % 8)) & 1;
            if (i < len ? s != e : s != 0 || e != 1) {
                return false;
            }
        }
        return true;
    }
}
