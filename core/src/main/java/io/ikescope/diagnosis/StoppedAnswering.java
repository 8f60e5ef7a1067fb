package io.ikescope.diagnosis;

import io.ikescope.text.Decimals;
import io.ikescope.session.ExchangeNames;
import io.ikescope.session.MessageRecord;
import java.util.ArrayList;
import java.util.List;

/** "Peer stopped answering": a request that expects an answer was retransmitted, or waited long, and nothing came. */
final class StoppedAnswering implements Rule {
    @Override
    public String name() {
        return "peer stopped answering";
    }

    @Override
    public Verdict apply(Facts f) {
        MessageRecord pending = CaptureEndsEarly.unansweredRequest(f);
        if (pending == null) {
            return null;
        }
        List<MessageRecord> copies = new ArrayList<>();
        for (MessageRecord m : f.n.messages()) {
            if (m.frame() == pending.frame() || Long.valueOf(pending.frame()).equals(m.retransmissionOf())) {
                copies.add(m);
            }
        }
        MessageRecord last = copies.get(copies.size() - 1);
        if (copies.size() < 2 && f.quietAfter(last) < Facts.GIVE_UP_SECONDS) {
            return null;
        }
        String receiver = pending.from().other().jsonName();
        boolean phase1 = f.isPhase1Exchange(f.exchange(pending.exchangeIndex()))
                || pending.exchange().equals(ExchangeNames.IKE_AUTH);
        return VerdictBuilder.inferred(VerdictCode.NO_RESPONSE, phase1 ? 1 : 2)
                .summary("The " + receiver + " stopped answering: " + Facts.describe(pending) + " was "
                        + (copies.size() > 1 ? "sent " + copies.size() + " times" : "sent") + " and never answered.")
                .explanation("The " + receiver + " had answered earlier messages, then sent nothing in reply to "
                        + Facts.describe(pending) + " (" + Facts.frames(Facts.framesOf(copies)) + "); the capture"
                        + " continues " + Decimals.halfUp(f.quietAfter(last), 1) + " s after the last copy. The"
                        + " message may not reach the " + receiver + " (a filter, a size limit) or the " + receiver
                        + " drops it silently. " + (pending.opaque() ? capitalize(f.keyMaterial().replace(
                        "confirm it", "show what the message asked")) + "." : ""))
                .fix("Look at the " + receiver + "'s log at the time of " + Facts.frame(pending)
                        + " and check the path between the peers for filters on UDP 500/4500 or on large datagrams.")
                .evidence(Facts.framesOf(copies))
                .build();
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
