/**
 * Reconstruction: IKE messages grouped into negotiations, exchanges and phases, streaming and bounded.
 *
 * <p><b>Input.</b> {@link io.ikescope.session.SessionTracker} consumes one
 * {@link io.ikescope.session.MessageObservation} per IKE datagram: the datagram, the decoded message (decrypted
 * where keys allowed) and the decryption status. {@link io.ikescope.session.MessageSource} makes them; it is the
 * seam where decryption plugs in ({@code MessageSource.withoutKeys()} only decodes). ESP packets and IP datagrams
 * that never reassembled ({@code PacketSink.onIncompleteDatagram}) are tied to the live negotiation between the
 * same two addresses.
 *
 * <p><b>Grouping.</b> A negotiation is one IKE SA: IKEv1 messages sharing the initiator cookie, IKEv2 messages
 * sharing the initiator's SPI. The responder's SPI is taken from the initial response; an IKE_SA_INIT retried
 * after INVALID_KE_PAYLOAD or COOKIE keeps SPIi with SPIr zero and stays in the same negotiation (a second
 * attempt). An IKEv2 IKE SA created by a rekey has new SPIs and is its own negotiation whose Phase 1 was not
 * captured. The initiator is the IKEv2 I-flag sender, for IKEv1 the sender of the first message.
 *
 * <p><b>Exchanges.</b> IKEv2: request and response by message ID, requester and the R flag (a new request on an
 * answered message ID is a retry, hence a new exchange). IKEv1: the messages of one exchange type and message
 * ID, numbered by position: MM1-MM6, AM1-AM3, QM1-QM3 (the k-th distinct message of the side that started it
 * is 2k-1, of the other side 2k). A retransmission is a message whose bytes equal an earlier one from the same
 * side. A fragmented message (RFC 7383 SKF, IKEv1 payload 132) is one message: every fragment stays a record,
 * and the one that completed it stands for it (until then its first fragment does; see
 * {@link io.ikescope.session.MessageRecord#partOf()}). Its content is read there: with keys, the reassembled
 * decrypted payloads (IKEv2 in the completing SKF payload; IKEv1 the decryptor's reassembled message, observed in
 * place of the completing fragment); a message that never completes adds no phase facts. A piece of an encrypted
 * IKEv1 message counts as encrypted, decrypted once its message is.
 *
 * <p><b>NAT.</b> The move to UDP 4500 is the first message on port 4500 after messages on 500. NAT discovery
 * hashes are recomputed from the addresses and ports the capture shows (IKEv2 SHA-1(SPIi | SPIr | IP | port),
 * IKEv1 the Phase 1 hash over CKY-I | CKY-R | IP | port; the first IKEv1 NAT-D is the destination): a source
 * hash that differs puts the sender behind a NAT, a destination hash the receiver; null when nothing could be
 * recomputed.
 *
 * <p><b>Phases.</b> Offered and chosen proposals are read from the SA payloads (an IKEv2 proposal expands to one
 * entry per combination of its transforms, at most {@link io.ikescope.session.ProposalReader#MAX_COMBINATIONS});
 * names follow {@link io.ikescope.session.AlgorithmNames}. Children: each Quick Mode, the child of IKE_AUTH (a
 * placeholder while its SA is encrypted), each CREATE_CHILD_SA. Their proposals, traffic selectors and SPIs come
 * from decrypted messages; ESP on known SPIs is counted per child and direction, all ESP between the peers per
 * negotiation. For an encrypted IKEv2 message the room left for inner payloads is bounded from the negotiated
 * cipher's IV and ICV, so that rules can tell an answer that cannot hold an AUTH payload.
 *
 * <p><b>Shape.</b> Each live negotiation is a {@link io.ikescope.session.NegotiationState} that only routes: it
 * files a message in its exchange ({@code ExchangeLog}) and fragmented message ({@code FragmentTracker}), turns
 * it into a record, and hands its content ({@code MessageContent}) to the task of its exchange kind, as strongSwan
 * drives an IKE SA through one task per exchange: {@code IkeSaInitTask}, {@code IkeAuthTask},
 * {@code CreateChildSaTask} (IKEv2), {@code Ikev1Phase1Task} (Main and Aggressive Mode), {@code QuickModeTask}
 * (IKEv1), chosen by {@code ExchangeTasks}. Tasks record into the shared state ({@code Phase1Facts},
 * {@code ChildSas}, {@code RekeyTrail}); NAT, TTL and fingerprint evidence is gathered from every message.
 *
 * <p><b>Memory.</b> No frame bytes are kept: a message becomes a {@link io.ikescope.session.MessageRecord}.
 * A negotiation is closed after an hour of capture time without traffic, when too many are live (least recently
 * active first, with a warning) or at the end; messages and children per negotiation are capped (counted past
 * the cap). Closed negotiations are released in first-message order, holding at most a bounded number back.
 */
package io.ikescope.session;
