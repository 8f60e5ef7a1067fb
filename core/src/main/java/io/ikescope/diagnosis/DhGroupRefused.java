package io.ikescope.diagnosis;

import io.ikescope.session.AlgorithmNames;
import io.ikescope.session.MessageRecord;
import io.ikescope.session.Phase1;
import io.ikescope.wire.NotifyDetail;
import java.util.ArrayList;
import java.util.List;

/**
 * "Invalid KE payload" that no retry fixed: the responder wants another Diffie-Hellman group. In IKE_SA_INIT a DH
 * group mismatch; in CREATE_CHILD_SA a PFS group mismatch.
 */
final class DhGroupRefused implements NotifyRule {
    @Override
    public String name() {
        return "DH group refused";
    }

    @Override
    public boolean handles(ErrorSeen error, Facts facts) {
        return error.is(NotifyNames.INVALID_KE_PAYLOAD);
    }

    @Override
    public Verdict verdict(ErrorSeen error, Facts f) {
        int v = f.n.ikeVersion();
        Integer wanted = error.notice().detail() instanceof NotifyDetail.AcceptedGroup g ? g.dhGroup() : null;
        Phase1.Attempt attempt = attemptBefore(error.message(), f);
        List<String> offered = new ArrayList<>();
        Integer sent = null;
        if (attempt != null) {
            for (Integer g : attempt.offeredGroups()) {
                offered.add(g.toString());
            }
            sent = attempt.keGroup();
        }
        String wantedText = wanted == null ? "another group" : "DH group " + wanted + " ("
                + AlgorithmNames.groupName(v, wanted) + ")";
        String sentText = sent == null ? "the initiator's group" : "group " + sent + " (" + AlgorithmNames.groupName(v, sent)
                + ")";
        boolean phase2 = error.phase() == 2;
        boolean offeredWanted = wanted != null && offered.contains(wanted.toString());
        VerdictBuilder b = VerdictBuilder.confirmed(phase2 ? VerdictCode.PFS_MISMATCH : VerdictCode.DH_GROUP_MISMATCH,
                        phase2 ? 2 : 1)
                .child(error.child() == null ? null : error.child().index())
                .summary("The " + ProposalRefused.sender(error) + " refuses the key exchange with " + sentText
                        + " and asks for " + wantedText + (attempt == null ? "" : offeredWanted
                        ? "; the initiator offers it but never retried" : "; the initiator does not offer it") + ".")
                .explanation((attempt != null ? "The request (frame " + attempt.frame() + ") offers DH group" + (offered.size() == 1 ? " " : "s ") + String.join(", ", offered)
                        + " and carries a key exchange for " + sentText + ". " : "")
                        + "The " + ProposalRefused.sender(error) + " answered with INVALID_KE_PAYLOAD " + error.how()
                        + " naming " + wantedText + " in " + Facts.describe(error.message()) + ", and no later"
                        + " attempt with that group succeeded in the capture.")
                .fix(wanted == null ? "Use the same DH group on both peers."
                        : attempt == null ? "Offer DH group " + wanted + " (" + AlgorithmNames.groupName(v, wanted)
                        + ") from the initiator, or allow the initiator's group on the responder."
                        : offeredWanted ? "The initiator offers group " + wanted + " but did not retry with it: put it"
                        + " first in the initiator's proposal so its first key exchange uses it, and check why it gave up"
                        + " (its log)."
                        : "The responder wants DH group " + wanted + " (" + AlgorithmNames.groupName(v, wanted)
                        + "): add it to the initiator's " + (phase2 ? "ESP (PFS) proposal" : "IKE proposal")
                        + (sent != null ? ", or allow group " + sent + " (" + AlgorithmNames.groupName(v, sent)
                        + ") on the responder" : "") + ".")
                .evidence(error.message().frame());
        if (attempt != null) {
            b.evidence(attempt.frame());
        }
        if (wanted != null) {
            b.mismatch(new Mismatch("dhGroup", offered, wanted.toString()));
        }
        return b.build();
    }

    static Phase1.Attempt attemptBefore(MessageRecord m, Facts f) {
        Phase1.Attempt found = null;
        for (Phase1.Attempt a : f.n.phase1().attempts()) {
            if (a.frame() < m.frame()) {
                found = a;
            }
        }
        return found;
    }
}
