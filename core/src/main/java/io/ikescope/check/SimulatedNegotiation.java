package io.ikescope.check;

import io.ikescope.diagnosis.VerdictCode;
import java.util.List;

/**
 * One direction of one pair of connections: {@code initiator}'s connection starts, the other side's answers.
 *
 * @param notInitiated why the initiator cannot start this direction (no remote address), else null; then
 *                     {@code phase1} is null and nothing was simulated
 * @param children     the initiator's children in the order it starts them (the first in IKE_AUTH with IKEv2)
 */
public record SimulatedNegotiation(Side initiator, String initiatorConnection, String responderConnection,
                                   String notInitiated, PhaseResult phase1, List<ChildResult> children,
                                   List<CheckFinding> findings) {

    public SimulatedNegotiation {
        children = List.copyOf(children);
        findings = List.copyOf(findings);
    }

    public boolean simulated() {
        return notInitiated == null;
    }

    /**
     * Every phase and child established, with no failure waiting at a rekey. A direction that cannot be initiated is
     * not counted here (see {@link CheckReport#established()}).
     */
    public boolean established() {
        return simulated() && phase1.outcome().established() && children.stream().allMatch(ChildResult::lasting);
    }

    /** The verdict of the whole: Phase 1's when it failed, else the first failing child's, else a latent one's. */
    public VerdictCode verdict() {
        if (!simulated()) {
            return null;
        }
        if (!phase1.outcome().established()) {
            return phase1.outcome().code();
        }
        for (ChildResult c : children) {
            if (!c.outcome().established()) {
                return c.outcome().code();
            }
        }
        for (ChildResult c : children) {
            if (c.latent() != null) {
                return c.latent().code();
            }
        }
        return VerdictCode.ESTABLISHED;
    }
}
