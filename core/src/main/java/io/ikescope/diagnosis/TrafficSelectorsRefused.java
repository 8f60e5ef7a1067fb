package io.ikescope.diagnosis;

import io.ikescope.session.ChildSa;
import io.ikescope.session.Exchange;

/** "TS unacceptable": the peer has no policy for the networks proposed for Phase 2. */
final class TrafficSelectorsRefused implements NotifyRule {
    @Override
    public String name() {
        return "traffic selectors refused";
    }

    @Override
    public boolean handles(ErrorSeen error, Facts facts) {
        return error.is(NotifyNames.TS_UNACCEPTABLE) || error.phase() == 2 && error.is(NotifyNames.INVALID_ID_INFORMATION);
    }

    @Override
    public Verdict verdict(ErrorSeen error, Facts f) {
        ChildSa child = error.child();
        Exchange x = child == null ? null : f.exchange(child.exchangeIndex());
        String proposed = child == null || child.trafficSelectorsInitiator() == null
                ? null : String.join(", ", child.trafficSelectorsInitiator()) + " === "
                + String.join(", ", child.trafficSelectorsResponder() == null ? java.util.List.of("?")
                : child.trafficSelectorsResponder());
        VerdictBuilder b = VerdictBuilder.confirmed(VerdictCode.TS_MISMATCH, 2)
                .child(child == null ? null : child.index())
                .summary("Phase 2 refused: the " + ProposalRefused.sender(error) + " does not accept the proposed"
                        + " traffic selectors (" + error.notice().name() + ")"
                        + (proposed != null ? ": " + proposed : "") + ".")
                .explanation((x != null ? "In " + Facts.describe(x.first()) + " the " + x.requester().jsonName()
                        + " proposed " + (proposed != null ? proposed + " (initiator side === responder side)"
                        : "its traffic selectors (encrypted)") + ". " : "")
                        + "The " + ProposalRefused.sender(error) + " answered with " + error.notice().name() + " "
                        + error.how() + " in " + Facts.describe(error.message()) + ": none of its policies covers"
                        + " these networks.")
                .fix("Make the protected networks agree on both peers"
                        + (proposed != null ? " (" + proposed + ")" : "")
                        + ": the local subnet of one must be the remote subnet of the other (strongSwan"
                        + " local_ts/remote_ts, libreswan leftsubnet/rightsubnet), or narrow the initiator's to what"
                        + " the responder protects.")
                .evidence(error.message().frame());
        if (x != null) {
            b.evidence(x.first().frame());
        }
        return b.build();
    }
}
