package io.ikescope.diagnosis.evidence;

import io.ikescope.session.IcmpError;
import io.ikescope.session.MessageRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * One request and what became of it: every copy sent (the original and its retransmissions), the answer, the
 * peer's reactions to the copies, ICMP errors quoting them.
 *
 * @param copies      the original first, then its retransmissions (a fragmented message once, by its record)
 * @param answers     messages of the exchange that answer it (IKEv2 the response; IKEv1 the next step of the peer)
 * @param reactions   the peer's other messages that followed a copy within the reaction window
 * @param refusals    ICMP errors quoting a copy
 * @param quietAfter  seconds of capture after the last copy
 */
public record RequestFate(List<MessageRecord> copies, List<MessageRecord> answers, List<MessageRecord> reactions,
                          List<IcmpError> refusals, Reception reception, double quietAfter) {
    public RequestFate {
        copies = List.copyOf(copies);
        answers = List.copyOf(answers);
        reactions = List.copyOf(reactions);
        refusals = List.copyOf(refusals);
    }

    public MessageRecord request() {
        return copies.get(0);
    }

    public MessageRecord lastCopy() {
        return copies.get(copies.size() - 1);
    }

    /** True when any copy travelled on UDP/TCP 4500. */
    public boolean onNatTraversalPort() {
        for (MessageRecord m : copies) {
            if (m.onNatTraversalPort()) {
                return true;
            }
        }
        return false;
    }

    /** The frames that show the reception: answers, reactions or ICMP errors. */
    public List<Long> receptionFrames() {
        List<Long> out = new ArrayList<>();
        answers.forEach(m -> out.add(m.frame()));
        reactions.forEach(m -> out.add(m.frame()));
        refusals.forEach(e -> out.add(e.frame()));
        return out;
    }

    public List<Long> copyFrames() {
        List<Long> out = new ArrayList<>(copies.size());
        copies.forEach(m -> out.add(m.frame()));
        return out;
    }
}
