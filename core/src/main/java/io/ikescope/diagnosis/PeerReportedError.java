package io.ikescope.diagnosis;

import java.util.Map;

/** Any other error notify that ended the negotiation: reported by name, with a hint for the common ones. */
final class PeerReportedError implements NotifyRule {
    /** Hints keyed by notify name: what an administrator changes when a peer sends it. */
    static final Map<String, String> HINTS = Map.of(
            "INTERNAL_ADDRESS_FAILURE", "The responder could not assign a virtual IP: check its address pool"
                    + " (strongSwan pools, libreswan addresspool) and that it is not exhausted.",
            "FAILED_CP_REQUIRED", "The responder requires the initiator to request a virtual IP (configuration"
                    + " payload): configure vips = 0.0.0.0 (strongSwan) or leftmodecfgclient (libreswan).",
            "SINGLE_PAIR_REQUIRED", "The peer accepts only one subnet pair per child: split the traffic selectors"
                    + " into one child per pair.",
            "NO_ADDITIONAL_SAS", "The peer refuses more CHILD_SAs on this IKE SA: check its limits or use fewer children.",
            "TEMPORARY_FAILURE", "The peer is busy with a concurrent exchange (e.g. a rekey collision); it usually"
                    + " succeeds on retry.",
            "INVALID_MAJOR_VERSION", "The peers speak different IKE versions: configure both for IKEv1 or both"
                    + " for IKEv2.",
            "UNSUPPORTED_CRITICAL_PAYLOAD", "The peer does not implement a payload marked critical: disable the"
                    + " feature that adds it on the sender.",
            "INVALID_SYNTAX", "The peer could not parse a message: an interoperability bug, or corruption on the way;"
                    + " its log names the payload.");

    @Override
    public String name() {
        return "peer error";
    }

    @Override
    public boolean handles(ErrorSeen error, Facts facts) {
        return true;
    }

    @Override
    public Verdict verdict(ErrorSeen error, Facts f) {
        String name = error.notice().name();
        String hint = HINTS.get(error.name());
        return VerdictBuilder.confirmed(VerdictCode.PEER_ERROR, error.phase())
                .child(error.child() == null ? null : error.child().index())
                .summary("The " + ProposalRefused.sender(error) + " reported " + name + " ("
                        + (error.phase() == 1 ? "Phase 1" : "Phase 2") + ").")
                .explanation("The " + ProposalRefused.sender(error) + " sent the error notify " + name + " "
                        + error.how() + " in " + Facts.describe(error.message()) + " and the negotiation did not"
                        + " recover afterwards.")
                .fix(hint != null ? hint : "Read the " + ProposalRefused.sender(error) + "'s log around the time of "
                        + Facts.frame(error.message()) + ": it says why it sent " + name + ".")
                .evidence(error.message().frame())
                .build();
    }
}
