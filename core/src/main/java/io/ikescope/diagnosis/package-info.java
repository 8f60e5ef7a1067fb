/**
 * Diagnosis: a verdict per negotiation ({@link io.ikescope.diagnosis.Diagnoser}), findings and phase statuses.
 *
 * <p><b>Order.</b> What a peer said wins: the first error notify (cleartext or decrypted) not overtaken by later
 * progress of its phase gives a <i>confirmed</i> verdict: INVALID_KE_PAYLOAD (DH group, or PFS in
 * CREATE_CHILD_SA), NO_PROPOSAL_CHOSEN (proposal; PFS when a rekey with KE is refused after the same child was
 * accepted without), authentication errors, TS_UNACCEPTABLE / Phase 2 INVALID-ID-INFORMATION, anything else as
 * PEER_ERROR. Otherwise patterns are tried, most specific first: XAUTH refused, REDIRECT, no response, NAT-T
 * blocked, fragments lost, IKEv1 Main Mode and Aggressive Mode authentication refused, IKEv2 IKE_AUTH answer too
 * small for AUTH, Phase 2 refused with the cause encrypted (UNDETERMINED), established, peer stopped answering,
 * capture ends early (INCOMPLETE), and UNDETERMINED.
 *
 * <p><b>Certainty.</b> Confirmed only when a cleartext or decrypted message says so (for ESTABLISHED: every phase
 * answer read, or ESP both ways on the negotiated child SPIs). Everything read from timing, sizes,
 * retransmissions or which messages were sent is <i>inferred</i>, and its explanation names the key material
 * that would confirm it (or says that none would). Without keys, an encrypted success is inferred from the
 * complete sequence plus ESP both ways (IKEv2 needs the ESP, or later answered exchanges, since an IKE_AUTH
 * answer alone could carry a refusal); an encrypted refusal whose cause is hidden stays UNDETERMINED.
 *
 * <p><b>Thresholds</b> (in {@code Facts}): 10 s of silence after an unanswered request counts as giving up; an
 * IKEv2 IKE_AUTH answer needs room for 33 bytes (IDr and AUTH) and 84 more for a CHILD_SA; a CREATE_CHILD_SA
 * answer that creates an SA needs 56.
 */
package io.ikescope.diagnosis;
