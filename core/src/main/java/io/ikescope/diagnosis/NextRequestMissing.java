package io.ikescope.diagnosis;

import io.ikescope.text.Decimals;
import io.ikescope.session.ExchangeNames;
import io.ikescope.session.MessageRecord;
import io.ikescope.session.Role;
import java.util.List;

/**
 * "NAT-T blocked", seen from the responder's side: the responder answered the key exchange, the initiator's next
 * request would travel on UDP 4500, and nothing more of the initiator reached this capture point. An initiator
 * sends that request as soon as it has processed the answer (milliseconds), so {@link #NEXT_REQUEST_SECONDS} of
 * capture after the answer without it (the capture shows it went on: the responder re-sent its answer, or later
 * packets) is not a capture cut short. A capture taken at the responder (or at a router past the filter) shows
 * this; at the initiator the unanswered requests on 4500 show it ({@link NatTraversalBlocked}).
 */
final class NextRequestMissing implements Rule {
    /** Far longer than any initiator takes to process an answer and send its next request. */
    static final double NEXT_REQUEST_SECONDS = 1.0;
    private static final String NAT_SOURCE = "NAT_DETECTION_SOURCE_IP";
    private static final String NAT_D = "NAT-D";

    @Override
    public String name() {
        return "next request missing";
    }

    @Override
    public Verdict apply(Facts f) {
        MessageRecord last = answerLeftWaiting(f);
        if (last == null || last.firstError() != null || last.encrypted()) {
            return null;
        }
        String next = nextRequest(f, last);
        if (next == null) {
            return null;
        }
        if (f.quietAfter(last) < NEXT_REQUEST_SECONDS) {
            return tooShortToTell(f, last, next);
        }
        List<MessageRecord> initiator = f.n.messagesFrom(Role.INITIATOR);
        return VerdictBuilder.inferred(VerdictCode.NAT_T_BLOCKED, 1)
                .summary("After " + Facts.describe(last) + " nothing more of the initiator arrived: its " + next
                        + " goes to UDP 4500, which most likely does not get through to this capture point.")
                .explanation("The responder answered on UDP 500 (" + Facts.frames(Facts.framesOf(
                        f.n.messagesFrom(Role.RESPONDER))) + "). " + (f.v2 ? "Both peers announced NAT traversal"
                        + " (NAT_DETECTION notifies), and IKEv2 initiators move to UDP 4500 for IKE_AUTH then (strongSwan"
                        + " always does, others when a NAT is detected)" : "The NAT discovery hashes ("
                        + f.n.natDetected() + ") make the initiator move to UDP 4500 for " + next) + ". No message of"
                        + " the initiator follows in the " + Decimals.halfUp(f.quietAfter(last), 1) + " s the capture"
                        + " goes on after it" + resent(f, last) + ", although an initiator sends it as soon as it has"
                        + " read the answer: the " + next + " does not reach"
                        + " this capture point (" + f.n.responder().address() + "'s side of the path). Inferred: a"
                        + " large " + next + " lost as IP fragments, or an initiator that gave up on its own (its log"
                        + " says), would look the same; a capture at the initiator shows the requests on UDP 4500.")
                .fix("Allow UDP 4500 in both directions between " + f.n.initiator().address() + " and "
                        + f.n.responder().address() + " on every firewall and NAT device in between (ESP-in-UDP uses it"
                        + " too).")
                .evidence(Facts.framesOf(initiator))
                .evidence(Facts.framesOf(f.n.messagesFrom(Role.RESPONDER)))
                .build();
    }

    /**
     * The responder's last answer, when nothing but its own re-sends of it follows: the initiator went silent after
     * it. Null when the last message is the initiator's.
     */
    private static MessageRecord answerLeftWaiting(Facts f) {
        MessageRecord last = f.lastMessage();
        if (last == null || last.from() != Role.RESPONDER) {
            return null;
        }
        MessageRecord answer = last;
        for (MessageRecord m : f.n.messages()) {
            if (last.retransmission() && m.frame() == last.retransmissionOf()) {
                answer = m;
            }
        }
        if (answer.retransmission()) {
            return null;
        }
        for (MessageRecord m : f.after(answer.frame())) {
            if (m.from() == Role.INITIATOR) {
                return null; // the initiator did go on
            }
        }
        return answer;
    }

    /** " (the responder re-sent it at frames 5, 6 and 7)", or nothing. */
    private static String resent(Facts f, MessageRecord answer) {
        List<Long> copies = new java.util.ArrayList<>();
        for (MessageRecord m : f.n.messages()) {
            if (m.retransmissionOf() != null && m.retransmissionOf() == answer.frame()) {
                copies.add(m.frame());
            }
        }
        return copies.isEmpty() ? "" : " (the responder re-sent it: " + Facts.frames(copies) + ")";
    }

    /** The capture ends too soon after the answer to tell a lost request from a capture stopped early. */
    private static Verdict tooShortToTell(Facts f, MessageRecord last, String next) {
        return VerdictBuilder.inferred(VerdictCode.UNDETERMINED, 1)
                .summary("The capture ends " + Decimals.halfUp(f.quietAfter(last), 1) + " s after "
                        + Facts.describe(last) + ": the initiator's " + next + ", which goes to UDP 4500, never shows.")
                .explanation("The responder answered on UDP 500; the initiator's next message, the " + next
                        + ", travels on UDP 4500 and is not in this capture. The candidates: UDP 4500 blocked before this"
                        + " capture point (NAT_T_BLOCKED), the " + next + " lost as IP fragments (FRAGMENTATION_LOSS),"
                        + " or a capture stopped before it came (INCOMPLETE). A capture that goes on for a second"
                        + " more, or one at the initiator, tells them apart.")
                .fix("Capture longer, or at the initiator, and check that UDP 4500 is allowed between "
                        + f.n.initiator().address() + " and " + f.n.responder().address() + ".")
                .evidence(Facts.framesOf(f.n.messages()))
                .build();
    }

    /** The request the initiator sends next, on UDP 4500, after this answer; null when it would stay on 500. */
    private static String nextRequest(Facts f, MessageRecord answer) {
        if (answer.onNatTraversalPort()) {
            return null;
        }
        if (f.v2) {
            boolean natT = answer.exchange().equals(ExchangeNames.IKE_SA_INIT) && answer.hasNotify(NAT_SOURCE)
                    && answer.payloads().contains("SA")
                    && f.n.messagesFrom(Role.INITIATOR).stream().anyMatch(m -> m.hasNotify(NAT_SOURCE));
            return natT ? "IKE_AUTH request" : null;
        }
        String nat = f.n.natDetected();
        if (nat == null || nat.equals("none") || !answer.payloads().contains(NAT_D)) {
            return null;
        }
        return "MM4".equals(answer.step()) ? "MM5" : "AM2".equals(answer.step()) ? "AM3" : null;
    }
}
