/**
 * {@code ikescope check}: simulates the IKE negotiation between two peers' configurations
 * ({@link io.ikescope.config.PeerConfig}) in both directions, as each responder's implementation would answer
 * (proposal order, key exchange retry, identities and pre-shared key digests, traffic selector narrowing, PFS in
 * IKE_AUTH versus at the first rekey), and says per phase and child which verdict code of the contract the
 * daemons would end with and which lines to change. Implementation differences live in one small
 * {@code Behaviour} per implementation; vendors get a conservative one (exact selectors, own policy order).
 * Depends only on the configuration model and the verdict codes.
 */
package io.ikescope.check;
