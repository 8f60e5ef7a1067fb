package io.ikescope.probe.ikev2;

import io.ikescope.probe.Outcomes;
import io.ikescope.probe.fingerprint.Fingerprint;
import io.ikescope.probe.fingerprint.VendorIdSeen;
import java.util.List;

/**
 * What an IKEv2 probe learnt.
 *
 * @param answered       the target answered at least one IKE_SA_INIT
 * @param accepted       full proposals (one value per type) the peer accepts, each tested on its own
 * @param refused        proposals it refused: full ones, and one-type ones whose other types are null ("any accepted")
 * @param additionalKeyExchange RFC 9370 ADDKE1 methods (ML-KEM) offered with everything accepted; empty lists
 *                       when the peer ignores the transform type (its answer would not tell)
 * @param preferred      what it chose from an offer of everything it accepts (null when no full exchange was made)
 * @param cookie         it demanded a COOKIE (RFC 7296 2.6) before answering
 * @param notifies       every notify type seen in its answers, in order of first appearance ("NAME (type)")
 * @param complete       every candidate was tested and answered clearly
 * @param probes         IKE_SA_INIT requests built (a re-send or a cookie retry is not another)
 */
public record Ikev2Result(boolean answered, List<Ikev2Suite> accepted, List<Ikev2Suite> refused,
                          Outcomes<Ikev2Transform> encryption, Outcomes<Integer> prf, Outcomes<Integer> integrity,
                          Outcomes<Integer> groups, Outcomes<Integer> additionalKeyExchange,
                          Ikev2Suite preferred, boolean cookie, boolean fragmentation,
                          List<String> signatureHashAlgorithms, String redirect, List<NotifySeen> notifies,
                          List<VendorIdSeen> vendorIds, boolean certificateRequest, Fingerprint fingerprint,
                          boolean complete, int probes, List<String> problems) {
    public Ikev2Result {
        accepted = List.copyOf(accepted);
        refused = List.copyOf(refused);
        signatureHashAlgorithms = List.copyOf(signatureHashAlgorithms);
        notifies = List.copyOf(notifies);
        vendorIds = List.copyOf(vendorIds);
        problems = List.copyOf(problems);
    }

    /** A notify type the target sent, with the registry's name. */
    public record NotifySeen(int type, String name) {
    }
}
