package io.ikescope.session;

import java.util.ArrayList;
import java.util.List;

/**
 * What a negotiation's Phase 1 showed so far (IKEv1 Main or Aggressive Mode; IKEv2 IKE_SA_INIT and IKE_AUTH):
 * written by the tasks of those exchanges, read by the others (the chosen proposal sizes the cipher overhead and
 * names the NAT-D hash). Becomes the negotiation's {@link Phase1}.
 */
final class Phase1Facts {
    private boolean seen;
    private String exchangeMode;
    private final List<Phase1.Attempt> attempts = new ArrayList<>();
    private IkeProposal chosen;
    private String ikev2AuthMethod;

    /** Phase 1 is (at least partly) in the capture. */
    void seen() {
        seen = true;
    }

    boolean wasSeen() {
        return seen;
    }

    /** A Phase 1 exchange was read; the first one names the mode. */
    void exchange(String mode) {
        seen = true;
        if (exchangeMode == null) {
            exchangeMode = mode;
        }
    }

    /** IKEv1: "main" or "aggressive", null when no Phase 1 exchange was read. */
    String exchangeMode() {
        return exchangeMode;
    }

    /** The initiator's proposals of one attempt (an IKEv2 retry after INVALID_KE_PAYLOAD or COOKIE is another). */
    void offered(Phase1.Attempt attempt) {
        attempts.add(attempt);
    }

    /** The responder's answer; its first proposal is the choice. */
    void answered(List<IkeProposal> answer) {
        if (!answer.isEmpty()) {
            chosen = answer.get(0);
        }
    }

    IkeProposal chosen() {
        return chosen;
    }

    boolean authMethodKnown() {
        return ikev2AuthMethod != null;
    }

    /** IKEv2: the AUTH method of the initiator's IKE_AUTH request (IKEv1 names it in the proposal). */
    void authMethod(String name) {
        ikev2AuthMethod = name;
    }

    Phase1 build() {
        List<IkeProposal> offered = attempts.isEmpty() ? null : attempts.get(attempts.size() - 1).offered();
        IkeProposal finalChoice = chosen;
        if (finalChoice != null && ikev2AuthMethod != null) {
            finalChoice = finalChoice.withAuthMethod(ikev2AuthMethod);
        }
        return new Phase1(seen, offered, finalChoice, attempts);
    }
}
