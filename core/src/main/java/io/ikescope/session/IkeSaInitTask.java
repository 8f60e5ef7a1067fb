package io.ikescope.session;

import io.ikescope.wire.KeyExchangePayload;
import io.ikescope.wire.SecurityAssociationPayload;

/**
 * IKEv2 IKE_SA_INIT: each initiator request is an attempt (its proposals, the groups they allow and the group of
 * its KE), the responder's SA is the choice.
 */
final class IkeSaInitTask implements ExchangeTask {
    private final Phase1Facts phase1;

    IkeSaInitTask(Phase1Facts phase1) {
        this.phase1 = phase1;
    }

    @Override
    public void read(MessageRecord r, ExchangeState e, MessageContent content) {
        phase1.exchange("ikev2");
        SecurityAssociationPayload sa = content.first(SecurityAssociationPayload.class);
        if (sa != null && r.from() == Role.INITIATOR && e.requester == Role.INITIATOR) {
            KeyExchangePayload ke = content.first(KeyExchangePayload.class);
            phase1.offered(new Phase1.Attempt(r.frame(), ProposalReader.ikeSa(2, sa), ProposalReader.ikev2Groups(sa),
                    ke != null ? ke.dhGroup() : null));
        } else if (sa != null && r.from() == Role.RESPONDER) {
            phase1.answered(ProposalReader.ikeSa(2, sa));
        }
    }
}
