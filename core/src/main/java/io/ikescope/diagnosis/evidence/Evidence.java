package io.ikescope.diagnosis.evidence;

import io.ikescope.session.Exchange;
import io.ikescope.session.ExchangeNames;
import io.ikescope.session.IcmpError;
import io.ikescope.session.MessageRecord;
import io.ikescope.session.Negotiation;
import io.ikescope.session.RetransmissionSchedule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a negotiation's capture says about each request, read the same way for every implementation: was it
 * answered, did the peer react to it, did ICMP refuse it, or was it met with silence? Built once per negotiation;
 * every candidate cause is checked against it.
 */
public final class Evidence {
    /** Silence after an unanswered request that counts as "no answer is coming" even without retransmissions. */
    public static final double GIVE_UP_SECONDS = 10.0;
    /** The reaction window when no request was answered, so no round trip is known. */
    static final double DEFAULT_REACTION_SECONDS = 1.0;
    /** A reaction comes within this many round trips (processing included) of the request. */
    static final double ROUND_TRIPS_PER_REACTION = 4.0;
    static final double MIN_REACTION_SECONDS = 0.05;
    /** Below the first retransmission of any implementation we know (libreswan's 0.5 s is the shortest) x 4. */
    static final double MAX_REACTION_SECONDS = 2.0;

    /** IKEv1 steps that expect an answer, and the answer's step. */
    private static final Map<String, String> V1_ANSWER = Map.of("MM1", "MM2", "MM3", "MM4", "MM5", "MM6",
            "AM1", "AM2", "QM1", "QM2");

    private final Negotiation negotiation;
    private final List<RequestFate> fates;
    private final Double roundTripSeconds;
    private final double reactionWindowSeconds;

    private Evidence(Negotiation n, List<RequestFate> fates, Double roundTrip, double window) {
        this.negotiation = n;
        this.fates = List.copyOf(fates);
        this.roundTripSeconds = roundTrip;
        this.reactionWindowSeconds = window;
    }

    public static Evidence of(Negotiation n) {
        List<List<MessageRecord>> requests = new ArrayList<>();
        List<List<MessageRecord>> answers = new ArrayList<>();
        for (Exchange x : n.exchanges()) {
            collect(n, x, requests, answers);
        }
        Double roundTrip = null;
        for (int i = 0; i < requests.size(); i++) {
            Double rtt = roundTrip(requests.get(i), answers.get(i));
            if (rtt != null && (roundTrip == null || rtt > roundTrip)) {
                roundTrip = rtt;
            }
        }
        double window = roundTrip == null ? DEFAULT_REACTION_SECONDS
                : Math.min(MAX_REACTION_SECONDS, Math.max(MIN_REACTION_SECONDS, roundTrip * ROUND_TRIPS_PER_REACTION));
        List<RequestFate> fates = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            fates.add(fate(n, requests.get(i), answers.get(i), window));
        }
        return new Evidence(n, fates, roundTrip, window);
    }

    /** The requests of one exchange with their copies, and their answers. */
    private static void collect(Negotiation n, Exchange x, List<List<MessageRecord>> requests,
                                List<List<MessageRecord>> answers) {
        boolean v1 = n.ikeVersion() == 1;
        if (!v1) {
            List<MessageRecord> copies = x.from(x.requester());
            if (!copies.isEmpty()) {
                requests.add(copies);
                answers.add(x.responses());
            }
            return;
        }
        for (MessageRecord original : x.originalsFrom(x.requester())) {
            String answerStep = V1_ANSWER.get(original.step());
            if (answerStep == null) {
                continue; // AM3, QM3, notifications: nothing answers them
            }
            List<MessageRecord> copies = new ArrayList<>();
            for (MessageRecord m : x.from(x.requester())) {
                if (m.step().equals(original.step())) {
                    copies.add(m);
                }
            }
            List<MessageRecord> replies = new ArrayList<>();
            for (MessageRecord m : x.from(x.requester().other())) {
                if (m.step().equals(answerStep)) {
                    replies.add(m);
                }
            }
            requests.add(copies);
            answers.add(replies);
        }
    }

    /** Seconds from the last copy sent before the first answer to that answer; null when unanswered. */
    private static Double roundTrip(List<MessageRecord> copies, List<MessageRecord> answers) {
        if (answers.isEmpty()) {
            return null;
        }
        MessageRecord answer = answers.get(0);
        MessageRecord sent = null;
        for (MessageRecord c : copies) {
            if (c.frame() < answer.frame()) {
                sent = c;
            }
        }
        return sent == null ? null : (answer.epochNanos() - sent.epochNanos()) / 1e9;
    }

    private static RequestFate fate(Negotiation n, List<MessageRecord> copies, List<MessageRecord> answers,
                                    double window) {
        MessageRecord last = copies.get(copies.size() - 1);
        double quiet = (n.watchedUntilNanos() - last.epochNanos()) / 1e9;
        List<MessageRecord> reactions = answers.isEmpty() ? reactions(n, copies, window) : List.of();
        List<IcmpError> refusals = new ArrayList<>();
        for (IcmpError e : n.icmpErrors()) {
            for (MessageRecord c : copies) {
                if (e.quotedFrame() != null && e.quotedFrame() == c.frame()) {
                    refusals.add(e);
                    break;
                }
            }
        }
        Reception reception;
        if (!answers.isEmpty()) {
            reception = Reception.ANSWERED;
        } else if (!reactions.isEmpty()) {
            reception = Reception.REACTED;
        } else if (!refusals.isEmpty()) {
            reception = Reception.REFUSED_BY_ICMP;
        } else if (copies.size() > 1 || quiet >= GIVE_UP_SECONDS) {
            reception = Reception.UNANSWERED;
        } else {
            reception = Reception.PENDING;
        }
        return new RequestFate(copies, answers, reactions, refusals, reception, quiet);
    }

    /**
     * The peer's messages that follow a copy within the window and answer no other request: a reaction to this one.
     * A message the peer sends on its own retransmission timer can land inside the window by chance (libreswan's
     * 0.5 s doubling timer meets a 1 s one), but not after most copies: a reaction must follow at least half of
     * them.
     */
    private static List<MessageRecord> reactions(Negotiation n, List<MessageRecord> copies, double window) {
        List<MessageRecord> out = new ArrayList<>();
        MessageRecord request = copies.get(0);
        long windowNanos = (long) (window * 1e9);
        int copiesReacted = 0;
        List<MessageRecord> peer = n.messagesFrom(request.from().other());
        for (MessageRecord c : copies) {
            boolean reacted = false;
            for (MessageRecord m : peer) {
                if (n.ikeVersion() == 2 && m.response() && m.exchangeIndex() != request.exchangeIndex()) {
                    continue; // the answer to another request of ours
                }
                long delay = m.epochNanos() - c.epochNanos();
                if (m.frame() > c.frame() && delay <= windowNanos) {
                    reacted = true;
                    if (!containsSame(out, m)) {
                        out.add(m);
                    }
                }
            }
            copiesReacted += reacted ? 1 : 0;
        }
        if (copiesReacted * 2 < copies.size() || out.stream().allMatch(m -> ownTimer(n, m))) {
            return List.of();
        }
        return out;
    }

    /**
     * Whether {@code m} itself is in {@code list}: the same message, not an equal record (whose generated equals, of
     * 26 components, is linked at its first call: milliseconds of a short run).
     */
    private static boolean containsSame(List<MessageRecord> list, MessageRecord m) {
        for (MessageRecord r : list) {
            if (r == m) {
                return true;
            }
        }
        return false;
    }

    /**
     * A re-sent earlier message whose copies, counted from its original, fit a retransmission timer by themselves:
     * the peer's own timer explains it. When both peers run the same timer and started it within a millisecond
     * (libreswan on both sides: MM4 and MM5 re-sent at 1, 2, 4 s), its copies follow each of ours as a reaction
     * would, whether or not ours arrived.
     */
    private static boolean ownTimer(Negotiation n, MessageRecord m) {
        if (!m.retransmission()) {
            return false;
        }
        Long original = m.retransmissionOf();
        List<Long> times = new ArrayList<>();
        for (MessageRecord other : n.messagesFrom(m.from())) {
            if (other.frame() == original || original.equals(other.retransmissionOf())) {
                times.add(other.epochNanos());
            }
        }
        return RetransmissionSchedule.fitsTimer(times);
    }

    public Negotiation negotiation() {
        return negotiation;
    }

    /** Every request with an answer expected, in the order their exchanges began. */
    public List<RequestFate> fates() {
        return fates;
    }

    /** The longest round trip of an answered request (processing included), or null when nothing was answered. */
    public Double roundTripSeconds() {
        return roundTripSeconds;
    }

    public double reactionWindowSeconds() {
        return reactionWindowSeconds;
    }

    /** The fate of the request one of whose copies is this message, or null. */
    public RequestFate fateOf(MessageRecord m) {
        for (RequestFate f : fates) {
            for (MessageRecord c : f.copies()) {
                if (c.frame() == m.frame()) {
                    return f;
                }
            }
        }
        return null;
    }

    /** Requests of which some copy went over UDP/TCP 4500. */
    public List<RequestFate> onNatTraversalPort() {
        List<RequestFate> out = new ArrayList<>();
        for (RequestFate f : fates) {
            if (f.onNatTraversalPort()) {
                out.add(f);
            }
        }
        return out;
    }

    /** Requests the peer evidently received (answered or reacted to). */
    public List<RequestFate> received(List<RequestFate> among) {
        List<RequestFate> out = new ArrayList<>();
        for (RequestFate f : among) {
            if (f.reception().received()) {
                out.add(f);
            }
        }
        return out;
    }

    /** The Phase 1 exchange names of this negotiation's IKE version. */
    public boolean isPhase1(String exchange) {
        return negotiation.ikeVersion() == 2 ? exchange.equals(ExchangeNames.IKE_SA_INIT)
                || exchange.equals(ExchangeNames.IKE_AUTH)
                : exchange.equals(ExchangeNames.MAIN_MODE) || exchange.equals(ExchangeNames.AGGRESSIVE);
    }
}
