package io.ikescope.session;

import java.util.ArrayList;
import java.util.List;

/**
 * One reconstructed IKE SA negotiation: every message of one IKE SA (IKEv1 initiator cookie, IKEv2 initiator SPI;
 * IKE_SA_INIT retries included), grouped in exchanges, with its phases and what the capture showed around it.
 * Immutable; produced by {@link SessionTracker} when the negotiation is finished or the capture ends.
 *
 * @param input             the capture it came from (as the user named it)
 * @param exchangeMode      "main", "aggressive" or "ikev2"; null when IKEv1 Phase 1 was not captured
 * @param spiR              the responder's SPI (the last non-zero one an initial response carried), or null
 * @param natTraversalFrame first message on UDP 4500 after messages on UDP 500, or null when it never moved
 * @param natDetected       "none", "initiator", "responder", "both", or null when no NAT discovery hash could be
 *                          recomputed
 * @param decryption        "none", "ok", "partial", "failed" or "no_keys"
 * @param messages          the messages kept, capture order (at most the tracker's per-negotiation limit), every
 *                          fragment of a fragmented message included (see {@link MessageRecord#partOf()})
 * @param omittedMessages   messages past that limit: counted, not kept
 * @param esp               ESP between the peers while it was live
 * @param lostFragments     IP datagrams between the peers that never reassembled
 * @param watchedUntilNanos how far the capture was read when this negotiation was closed: its end, or the time an
 *                          idle negotiation was put aside
 * @param notes             limits hit while tracking it (messages not kept, evicted early ...)
 * @param rekeyOf           IKEv2: the negotiation whose CREATE_CHILD_SA created this IKE SA, or null
 * @param icmpErrors        ICMP destination unreachables quoting this negotiation's datagrams, capture order
 * @param ah                AH between the peers while it was live, counted as {@code esp} is
 * @param capturePoint      where the capture was taken, from the TTLs of each peer's datagrams (never null)
 * @param nat               what the NAT discovery hashes mean once the capture point and other evidence are weighed:
 *                          NAT or forced UDP encapsulation, per peer (never null; see {@link NatAssessment})
 * @param initiatorImplementation which implementation the initiator runs, with the evidence, or null when nothing
 *                          in the capture tells
 * @param responderImplementation the same for the responder
 */
public record Negotiation(String id, String input, int ikeVersion, String exchangeMode, Endpoint initiator,
                          Endpoint responder, String spiI, String spiR, long firstFrame, long lastFrame,
                          long startNanos, long endNanos, Long natTraversalFrame, String natDetected,
                          String decryption, Phase1 phase1, List<ChildSa> children, List<Exchange> exchanges,
                          List<MessageRecord> messages, int omittedMessages, EspTally esp,
                          List<LostFragments> lostFragments, long watchedUntilNanos, List<String> notes,
                          RekeyLink rekeyOf, List<IcmpError> icmpErrors, EspTally ah, CapturePoint capturePoint,
                          NatAssessment nat, Fingerprint initiatorImplementation,
                          Fingerprint responderImplementation) {
    public Negotiation {
        capturePoint = capturePoint == null ? CapturePoint.UNKNOWN : capturePoint;
        nat = nat == null ? NatAssessment.UNKNOWN : nat;
        icmpErrors = List.copyOf(icmpErrors);
        children = List.copyOf(children);
        exchanges = List.copyOf(exchanges);
        messages = List.copyOf(messages);
        lostFragments = List.copyOf(lostFragments);
        notes = List.copyOf(notes);
    }

    /** Without AH, the capture point, NAT assessment and fingerprints (a negotiation built by hand). */
    public Negotiation(String id, String input, int ikeVersion, String exchangeMode, Endpoint initiator,
                       Endpoint responder, String spiI, String spiR, long firstFrame, long lastFrame,
                       long startNanos, long endNanos, Long natTraversalFrame, String natDetected,
                       String decryption, Phase1 phase1, List<ChildSa> children, List<Exchange> exchanges,
                       List<MessageRecord> messages, int omittedMessages, EspTally esp,
                       List<LostFragments> lostFragments, long watchedUntilNanos, List<String> notes,
                       RekeyLink rekeyOf, List<IcmpError> icmpErrors) {
        this(id, input, ikeVersion, exchangeMode, initiator, responder, spiI, spiR, firstFrame, lastFrame, startNanos,
                endNanos, natTraversalFrame, natDetected, decryption, phase1, children, exchanges, messages,
                omittedMessages, esp, lostFragments, watchedUntilNanos, notes, rekeyOf, icmpErrors, EspTally.NONE, null,
                null, null, null);
    }

    /**
     * IPsec traffic (ESP, or AH) flowed both ways after {@code frame}, whichever SPIs it used: evidence that a
     * child SA set up by then is in use.
     */
    public boolean ipsecBothWaysAfter(long frame) {
        return esp.bothWaysAfter(frame) || ah.bothWaysAfter(frame);
    }

    /** Without ICMP errors (a capture without any, or a negotiation built by hand). */
    public Negotiation(String id, String input, int ikeVersion, String exchangeMode, Endpoint initiator,
                       Endpoint responder, String spiI, String spiR, long firstFrame, long lastFrame,
                       long startNanos, long endNanos, Long natTraversalFrame, String natDetected,
                       String decryption, Phase1 phase1, List<ChildSa> children, List<Exchange> exchanges,
                       List<MessageRecord> messages, int omittedMessages, EspTally esp,
                       List<LostFragments> lostFragments, long watchedUntilNanos, List<String> notes,
                       RekeyLink rekeyOf) {
        this(id, input, ikeVersion, exchangeMode, initiator, responder, spiI, spiR, firstFrame, lastFrame, startNanos,
                endNanos, natTraversalFrame, natDetected, decryption, phase1, children, exchanges, messages,
                omittedMessages, esp, lostFragments, watchedUntilNanos, notes, rekeyOf, List.of());
    }

    /**
     * This IKE SA was created by rekeying another one.
     *
     * @param id       the older negotiation
     * @param frames   its CREATE_CHILD_SA exchange
     * @param inferred false when the decrypted rekey named this SA's SPI; true when only the timing and the
     *                 addresses link them (a CREATE_CHILD_SA shortly before, between the same peers)
     */
    public record RekeyLink(String id, List<Long> frames, boolean inferred) {
        public RekeyLink {
            frames = List.copyOf(frames);
        }
    }

    /** The implementation of one peer, or null. */
    public Fingerprint implementation(Role role) {
        return role == Role.INITIATOR ? initiatorImplementation : responderImplementation;
    }

    public boolean floated() {
        return natTraversalFrame != null;
    }

    /** Exchanges of the given type name ("IKE_AUTH", "QUICK_MODE" ...), in order. */
    public List<Exchange> exchanges(String name) {
        List<Exchange> out = new ArrayList<>();
        for (Exchange e : exchanges) {
            if (name.equals(e.name())) {
                out.add(e);
            }
        }
        return out;
    }

    /** Messages sent by {@code role}, each fragmented message once (by the record standing for it). */
    public List<MessageRecord> messagesFrom(Role role) {
        List<MessageRecord> out = new ArrayList<>();
        for (MessageRecord m : messages) {
            if (m.from() == role && !m.fragmentPart()) {
                out.add(m);
            }
        }
        return out;
    }

    /** Seconds from the last message to the end of what was watched. */
    public double quietSecondsAtEnd() {
        return (watchedUntilNanos - endNanos) / 1e9;
    }
}
