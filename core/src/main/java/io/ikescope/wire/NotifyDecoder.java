package io.ikescope.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Decodes notification data for the notify types with a known layout; null when unknown or not as defined. */
final class NotifyDecoder {
    private NotifyDecoder() {
    }

    // IKEv2 notify types whose data is empty by definition (RFC 7296 and extensions)
    private static final Set<Integer> V2_NO_DATA = Set.of(4, 5, 7, 14, 24, 34, 35, 36, 37, 38, 43, 44, 47, 16384,
            16386, 16391, 16392, 16394, 16395, 16396, 16404, 16406, 16418, 16430, 16435, 16438);
    // IKEv1: INITIAL-CONTACT
    private static final Set<Integer> V1_NO_DATA = Set.of(24578);

    static NotifyDetail detail(int version, int protocol, int type, Bytes spi, Bytes data) {
        return version == 1 ? ikev1(type, data) : ikev2(protocol, type, spi, data);
    }

    private static NotifyDetail ikev1(int type, Bytes data) {
        if (V1_NO_DATA.contains(type) && data.isEmpty()) {
            return new NotifyDetail.NoData();
        }
        return switch (type) {
            case 36136, 36137 -> data.length() == 4 ? new NotifyDetail.DpdSequence(data.unsignedValue()) : null;
            case 24576 -> lifetime(data);
            default -> null;
        };
    }

    private static NotifyDetail lifetime(Bytes data) {
        byte[] raw = data.toArray();
        try {
            return new NotifyDetail.ResponderLifetime(
                    PayloadBodyDecoder.attributes(true, new WireReader(raw, 0, raw.length)));
        } catch (MalformedException e) {
            return null;
        }
    }

    private static NotifyDetail ikev2(int protocol, int type, Bytes spi, Bytes data) {
        if (V2_NO_DATA.contains(type) && data.isEmpty()) {
            return new NotifyDetail.NoData();
        }
        return switch (type) {
            case 17 -> data.length() == 2 ? new NotifyDetail.AcceptedGroup((int) data.unsignedValue()) : null;
            case 9 -> data.length() == 4 ? new NotifyDetail.Number("messageId", data.unsignedValue()) : null;
            case 16385 -> data.length() == 4 ? new NotifyDetail.Number("windowSize", data.unsignedValue()) : null;
            case 16403 -> data.length() == 4 ? new NotifyDetail.Number("lifetimeSeconds", data.unsignedValue()) : null;
            case 16387 -> data.length() == 3
                    ? new NotifyDetail.IpComp((data.get(0) << 8) | data.get(1), data.get(2)) : null;
            case 16388, 16389 -> data.isEmpty() ? null : new NotifyDetail.NatDetectionHash(data);
            case 16390 -> data.isEmpty() ? null : new NotifyDetail.Cookie(data);
            case 16393 -> data.isEmpty() ? new NotifyDetail.RekeySa(protocol, spi) : null;
            case 16407, 16408 -> redirect(data);
            case 16431 -> hashAlgorithms(data);
            default -> null;
        };
    }

    private static NotifyDetail hashAlgorithms(Bytes data) {
        if (data.length() % 2 != 0) {
            return null;
        }
        List<Integer> algorithms = new ArrayList<>();
        for (int i = 0; i < data.length(); i += 2) {
            algorithms.add((data.get(i) << 8) | data.get(i + 1));
        }
        return new NotifyDetail.HashAlgorithms(algorithms);
    }

    /** RFC 5685: gateway identity type (1 IPv4, 2 IPv6, 3 FQDN), its length, the identity, then an optional nonce. */
    private static NotifyDetail redirect(Bytes data) {
        if (data.length() < 2) {
            return null;
        }
        int gwType = data.get(0);
        int gwLength = data.get(1);
        if (2 + gwLength > data.length()) {
            return null;
        }
        byte[] raw = data.toArray();
        Bytes gw = Bytes.copyOf(raw, 2, gwLength);
        String text = switch (gwType) {
            case 1, 2 -> Addresses.format(gw);
            case 3 -> IdentityText.string(gw);
            default -> null;
        };
        Bytes nonce = Bytes.copyOf(raw, 2 + gwLength, raw.length - 2 - gwLength);
        return new NotifyDetail.Redirect(gwType, text != null ? text : gw.hex(), nonce);
    }
}
