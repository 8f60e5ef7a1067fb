package io.ikescope.probe.ikev1;

import io.ikescope.wire.registry.VendorIds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The vendor IDs an MM1 or AM1 carries, taken from core's vendor table by name. A responder names the
 * capabilities it shares with the initiator in its answer (NAT-T method, DPD, IKE fragmentation), and some add
 * their own product ID, so sending these makes the answer tell more.
 */
final class ProbeVendorIds {
    private ProbeVendorIds() {
    }

    /** RFC 3947 NAT-T and the drafts that preceded it (responders still answer them). */
    private static final List<String> NAT_T = List.of("RFC 3947 Negotiation of NAT-Traversal in the IKE",
            "draft-ietf-ipsec-nat-t-ike-03", "draft-ietf-ipsec-nat-t-ike-02\\n", "draft-ietf-ipsec-nat-t-ike-02",
            "draft-ietf-ipsec-nat-t-ike-00");
    private static final String DPD = "RFC 3706 DPD (Dead Peer Detection)";
    /** RFC 3706 7: the DPD vendor ID ends in the protocol's major and minor version, 1.0. */
    private static final byte[] DPD_VERSION_1_0 = {1, 0};
    private static final String FRAGMENTATION = "Cisco Fragmentation";

    static final List<byte[]> ALL = build();

    private static List<byte[]> build() {
        List<byte[]> ids = new ArrayList<>();
        for (String n : NAT_T) {
            ids.add(VendorIds.valuesOf(n).get(0));
        }
        byte[] dpdPrefix = VendorIds.valuesOf(DPD).get(0);
        byte[] dpd = new byte[dpdPrefix.length + DPD_VERSION_1_0.length];
        System.arraycopy(dpdPrefix, 0, dpd, 0, dpdPrefix.length);
        System.arraycopy(DPD_VERSION_1_0, 0, dpd, dpdPrefix.length, DPD_VERSION_1_0.length);
        ids.add(dpd);
        // the form with the capability word after the MD5 is the one strongSwan and Cisco send
        ids.add(VendorIds.valuesOf(FRAGMENTATION).stream().max(Comparator.comparingInt(v -> v.length))
                .orElseThrow());
        return List.copyOf(ids);
    }

    /** Bytes the vendor ID payloads take, payload headers included. */
    static int length() {
        return ALL.stream().mapToInt(v -> v.length + 4).sum();
    }
}
