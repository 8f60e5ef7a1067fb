package io.ikescope.diagnosis;

import io.ikescope.text.Decimals;
import io.ikescope.session.Exchange;
import io.ikescope.session.ExchangeNames;
import io.ikescope.session.MessageRecord;
import java.util.List;

/** "Capture too short": a message that expects an answer is the last thing seen, and the capture ends soon after. */
final class CaptureEndsEarly implements Rule {
    /** IKEv1 positions that expect an answer from the other side. */
    private static final List<String> V1_ASKING = List.of("MM1", "MM2", "MM3", "MM4", "MM5", "AM1", "AM2", "QM1", "QM2");

    @Override
    public String name() {
        return "capture ends early";
    }

    @Override
    public Verdict apply(Facts f) {
        MessageRecord pending = unansweredRequest(f);
        if (pending == null) {
            return null;
        }
        double quiet = f.quietAfter(f.lastMessage());
        return VerdictBuilder.inferred(VerdictCode.INCOMPLETE, f.isPhase1Exchange(f.exchange(pending.exchangeIndex()))
                        || pending.exchange().equals(ExchangeNames.IKE_AUTH) ? 1 : 2)
                .summary("The capture ends before the outcome: " + Facts.describe(pending) + " has no answer yet.")
                .explanation("The last message that expects an answer is " + Facts.describe(pending) + "; the capture"
                        + " ends " + Decimals.halfUp(quiet, 1) + " s later, before an answer or a retransmission"
                        + " could show what happened.")
                .fix("Capture for longer: start before the negotiation and stop after the tunnel carries traffic or"
                        + " the peers give up (about 30 s).")
                .evidence(pending.frame())
                .build();
    }

    /** The last original message that expects an answer and got none (nothing from the other side after it). */
    static MessageRecord unansweredRequest(Facts f) {
        MessageRecord candidate = null;
        for (MessageRecord m : f.n.messages()) {
            if (m.retransmission() || m.fragmentPart()) {
                continue;
            }
            if (candidate != null && m.from() == candidate.from().other()) {
                candidate = null;
            }
            if (asksForAnswer(f, m)) {
                candidate = m;
            }
        }
        if (candidate == null) {
            return null;
        }
        Exchange x = f.exchange(candidate.exchangeIndex());
        if (x == null) {
            return null;
        }
        for (MessageRecord m : f.after(candidate.frame())) {
            if (m.from() == candidate.from().other()) {
                return null;
            }
        }
        return candidate;
    }

    private static boolean asksForAnswer(Facts f, MessageRecord m) {
        if (f.v2) {
            return !m.response();
        }
        return V1_ASKING.contains(m.step()) || m.exchange().equals(ExchangeNames.TRANSACTION) && m.step().equals("request");
    }
}
