package io.ikescope.diagnosis;

import io.ikescope.session.MessageRecord;
import io.ikescope.session.NotifySeen;
import io.ikescope.session.Role;
import io.ikescope.wire.NotifyDetail;

/**
 * "Redirected" (RFC 5685): the responder sent REDIRECT naming another gateway and did not set up the SA itself. Not
 * an error notify, but the peer's own statement of why this negotiation ends: reported as PEER_ERROR naming it.
 */
final class Redirected implements Rule {
    static final String REDIRECT = "REDIRECT";

    @Override
    public String name() {
        return "redirected";
    }

    @Override
    public Verdict apply(Facts f) {
        for (MessageRecord m : f.n.messages()) {
            if (m.from() != Role.RESPONDER || m.retransmission()) {
                continue;
            }
            for (NotifySeen n : m.notifies()) {
                if (!n.is(REDIRECT)) {
                    continue;
                }
                String gateway = n.detail() instanceof NotifyDetail.Redirect r ? r.gateway() : "another gateway";
                return VerdictBuilder.confirmed(VerdictCode.PEER_ERROR, 1)
                        .summary("The responder redirected the initiator to " + gateway + " (REDIRECT): it does not"
                                + " set up this IKE SA itself.")
                        .explanation("The responder answered " + Facts.describe(m) + " with a REDIRECT notify "
                                + (n.inCleartext() ? "in cleartext" : "in decrypted content") + " naming " + gateway
                                + " (RFC 5685). The initiator is expected to start over with that gateway; that"
                                + " negotiation, if captured, is reported separately.")
                        .fix("Nothing to fix if the redirect is intended (load balancing): follow the negotiation with "
                                + gateway + ". Otherwise check the responder's redirect configuration.")
                        .evidence(m.frame())
                        .build();
            }
        }
        return null;
    }
}
