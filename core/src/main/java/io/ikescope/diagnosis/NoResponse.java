package io.ikescope.diagnosis;

import io.ikescope.session.MessageRecord;
import io.ikescope.session.Role;
import java.util.List;

/** "No response": the responder never sent anything, although the initiator retried or waited long enough. */
final class NoResponse implements Rule {
    @Override
    public String name() {
        return "no response";
    }

    @Override
    public Verdict apply(Facts f) {
        List<MessageRecord> sent = f.n.messagesFrom(Role.INITIATOR);
        if (f.responderSpoke() || sent.isEmpty() || f.n.floated()) {
            return null;
        }
        MessageRecord first = sent.get(0);
        MessageRecord last = sent.get(sent.size() - 1);
        int copies = 0;
        for (MessageRecord m : sent) {
            if (m.frame() == first.frame() || first.frame() == (m.retransmissionOf() == null ? -1 : m.retransmissionOf())) {
                copies++;
            }
        }
        double waited = f.quietAfter(last);
        if (copies < 2 && waited < Facts.GIVE_UP_SECONDS) {
            return null;
        }
        String responder = f.n.responder().address();
        String span = String.format("%.1f", (last.epochNanos() - first.epochNanos()) / 1e9);
        return VerdictBuilder.inferred(VerdictCode.NO_RESPONSE, f.n.phase1().captured() ? 1 : null)
                .summary("The responder " + responder + " never answered: the initiator sent its " + Facts.stepName(first) + (copies > 1 ? " " + copies + " times" : "")
                        + " and got nothing back.")
                .explanation("The initiator " + f.n.initiator().address() + " sent " + Facts.describe(first)
                        + (copies > 1 ? " and " + (copies - 1) + " retransmission" + (copies > 2 ? "s" : "")
                        + " over " + span + " s" : "") + (sent.size() > 1 ? " (" + Facts.frames(Facts.framesOf(sent))
                        + ")" : "") + "; the capture"
                        + " holds no IKE message from " + responder + " (it continues "
                        + String.format("%.1f", waited) + " s after the last request). No key material would change"
                        + " this; a capture next to the responder shows whether the requests arrive (ikescope does not"
                        + " read ICMP yet: an ICMP port unreachable from the responder would mean no IKE daemon listens).")
                .fix("Check that " + responder + " runs an IKE daemon listening on UDP " + f.n.responder().port()
                        + ", that it is the right address, and that UDP 500 and 4500 are allowed between "
                        + f.n.initiator().address() + " and " + responder + " in both directions.")
                .evidence(Facts.framesOf(sent))
                .build();
    }
}
