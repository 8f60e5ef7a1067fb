package io.ikescope.session;

import io.ikescope.wire.SecurityAssociationPayload;
import java.util.ArrayList;
import java.util.List;

/**
 * IKEv1 Main Mode or Aggressive Mode: the initiator's SA offers, the responder's SA is the choice. The two modes
 * differ in how many messages they take and what travels encrypted, not in what a passive reader learns from
 * their SA payloads; one task serves both, naming the mode.
 */
final class Ikev1Phase1Task implements ExchangeTask {
    private final Phase1Facts phase1;
    private final String mode;

    /** {@code mode}: "main" or "aggressive". */
    Ikev1Phase1Task(Phase1Facts phase1, String mode) {
        this.phase1 = phase1;
        this.mode = mode;
    }

    @Override
    public void read(MessageRecord r, ExchangeState e, MessageContent content) {
        phase1.exchange(mode);
        SecurityAssociationPayload sa = content.first(SecurityAssociationPayload.class);
        if (sa != null && r.from() == Role.INITIATOR && e.requester == Role.INITIATOR) {
            phase1.offered(new Phase1.Attempt(r.frame(), ProposalReader.ikeSa(1, sa), groups(sa), null));
        } else if (sa != null && r.from() == Role.RESPONDER) {
            phase1.answered(ProposalReader.ikeSa(1, sa));
        }
    }

    /** The DH groups the proposals name, each once, in order. */
    private static List<Integer> groups(SecurityAssociationPayload sa) {
        List<Integer> groups = new ArrayList<>();
        for (IkeProposal p : ProposalReader.ikeSa(1, sa)) {
            if (p.dhGroup() != null && !groups.contains(p.dhGroup())) {
                groups.add(p.dhGroup());
            }
        }
        return groups;
    }
}
