package io.ikescope.check;

/**
 * One child SA of a simulated negotiation.
 *
 * @param responderChild the responder's child that takes the proposal; null when none does
 * @param exchange       "IKE_AUTH" (IKEv2, no KE), "CREATE_CHILD_SA" or "QUICK_MODE"
 * @param latent         a failure that comes later (at the first rekey), or null
 */
public record ChildResult(String initiatorChild, String responderChild, String exchange, Outcome outcome,
                          ChosenChild chosen, TrafficResult trafficSelectors, LatentFailure latent,
                          Lifetimes lifetimes) {

    /** Established now and at its rekeys. */
    public boolean lasting() {
        return outcome.established() && latent == null;
    }
}
