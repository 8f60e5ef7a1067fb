package io.ikescope.check;

/**
 * Phase 1 (IKEv1 Main/Aggressive Mode, IKEv2 IKE_SA_INIT + IKE_AUTH) of a simulated negotiation.
 *
 * @param ikeVersion 1 or 2, as the initiator starts it
 * @param exchange   "main", "aggressive" or "ikev2" (the contract's exchangeMode)
 * @param chosen     the proposal the responder chooses; null when none
 */
public record PhaseResult(int ikeVersion, String exchange, Outcome outcome, ChosenIke chosen, Lifetimes lifetimes) {
}
