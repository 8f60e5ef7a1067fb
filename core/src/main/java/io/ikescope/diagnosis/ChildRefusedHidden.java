package io.ikescope.diagnosis;

import io.ikescope.session.ChildSa;
import io.ikescope.session.Exchange;
import io.ikescope.session.ExchangeNames;
import io.ikescope.session.MessageRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * A Phase 2 negotiation refused for a reason the capture hides: IKEv1 QM1 answered by an encrypted informational
 * instead of QM2; an IKEv2 CREATE_CHILD_SA answered by a message too small to hold an SA; an IKE_AUTH answer with
 * room for AUTH but not for a CHILD_SA, and no ESP. The verdict is UNDETERMINED: the refusal is visible, its cause
 * (proposal, PFS or traffic selectors) is encrypted.
 */
final class ChildRefusedHidden implements Rule {
    @Override
    public String name() {
        return "Phase 2 refused (cause encrypted)";
    }

    @Override
    public Verdict apply(Facts f) {
        return f.v2 ? ikev2(f) : quickMode(f);
    }

    private static Verdict quickMode(Facts f) {
        for (Exchange x : f.n.exchanges(ExchangeNames.QUICK_MODE)) {
            MessageRecord qm1 = Facts.step(x, "QM1");
            if (qm1 == null || Facts.step(x, "QM2") != null) {
                continue;
            }
            List<MessageRecord> refusals = new ArrayList<>();
            for (MessageRecord m : f.after(qm1.frame())) {
                if (m.from() == x.requester().other() && m.exchange().equals(ExchangeNames.INFORMATIONAL_V1)
                        && m.opaque()) {
                    refusals.add(m);
                    break;
                }
            }
            if (refusals.isEmpty()) {
                continue;
            }
            ChildSa child = f.childOfExchange(x.index());
            return VerdictBuilder.inferred(VerdictCode.UNDETERMINED, 2)
                    .child(child == null ? null : child.index())
                    .summary("Phase 2 (Quick Mode) was refused; the reason is in an encrypted message: most likely"
                            + " NO-PROPOSAL-CHOSEN (ESP proposal or PFS differs) or INVALID-ID-INFORMATION (traffic"
                            + " selectors differ).")
                    .explanation("Phase 1 completed. The " + x.requester().jsonName() + "'s QM1 ("
                            + Facts.frame(qm1) + ") was answered by an encrypted Informational message ("
                            + Facts.frames(Facts.framesOf(refusals)) + ") instead of QM2: the "
                            + x.requester().other().jsonName() + " refused the Quick Mode. Which notify it sent is"
                            + " encrypted; " + f.keyMaterial().replace("confirm it", "show it") + ".")
                    .fix("Compare the Phase 2 settings of both peers: ESP proposal (encryption, integrity), PFS group"
                            + " and the protected subnets; or run again with the keys (-k) to see the notify.")
                    .evidence(qm1.frame())
                    .evidence(Facts.framesOf(refusals))
                    .build();
        }
        return null;
    }

    private static Verdict ikev2(Facts f) {
        for (Exchange x : f.n.exchanges(ExchangeNames.CREATE_CHILD_SA)) {
            if (!x.answered()) {
                continue;
            }
            MessageRecord response = x.responses().get(0);
            Integer room = response.payloadRoom();
            if (response.decrypted() || room == null || room >= Facts.MIN_CREATE_CHILD_ROOM) {
                continue;
            }
            ChildSa child = f.childOfExchange(x.index());
            return VerdictBuilder.inferred(VerdictCode.UNDETERMINED, 2)
                    .child(child == null ? null : child.index())
                    .summary("A CREATE_CHILD_SA exchange (a new or rekeyed CHILD_SA) was refused; the reason is"
                            + " encrypted: most likely NO_PROPOSAL_CHOSEN or INVALID_KE_PAYLOAD (PFS differs) or"
                            + " TS_UNACCEPTABLE.")
                    .explanation("The CREATE_CHILD_SA request (" + Facts.frame(x.first()) + ") was answered by "
                            + Facts.describe(response) + " that leaves at most " + room + " bytes for payloads, too"
                            + " few for an SA and a nonce (" + Facts.MIN_CREATE_CHILD_ROOM + "): it carries only a"
                            + " notify, i.e. a refusal. " + capitalize(f.keyMaterial().replace("confirm it",
                            "show which notify")) + ".")
                    .fix("Compare the CHILD_SA settings of both peers: ESP proposal, PFS (a DH group in the ESP"
                            + " proposal is required for rekeys with PFS) and traffic selectors; or run again with the"
                            + " keys (-k).")
                    .evidence(x.frames())
                    .build();
        }
        Exchange auth = f.last(ExchangeNames.IKE_AUTH);
        ChildSa child = f.ikeAuthChild();
        if (auth == null || !auth.answered() || child == null || !child.contentHidden()) {
            return null;
        }
        MessageRecord response = auth.responses().get(0);
        Integer room = response.payloadRoom();
        if (room == null || room < Facts.MIN_AUTH_ROOM || room >= Facts.MIN_AUTH_ROOM + Facts.MIN_CHILD_ROOM
                || f.n.ipsecBothWaysAfter(response.frame())) {
            return null;
        }
        return VerdictBuilder.inferred(VerdictCode.UNDETERMINED, 2)
                .child(child.index())
                .summary("The IKE SA was probably authenticated but no CHILD_SA was created: the IKE_AUTH answer has"
                        + " no room for one. Either none was requested (childless) or it was refused"
                        + " (TS_UNACCEPTABLE, NO_PROPOSAL_CHOSEN ...); the notify is encrypted.")
                .explanation("The IKE_AUTH response (" + Facts.frame(response) + ", " + response.length()
                        + " bytes) leaves at most " + room + " bytes for payloads: enough for the responder's"
                        + " identity and AUTH, too few for them plus a CHILD_SA (SA, TSi, TSr: at least "
                        + (Facts.MIN_AUTH_ROOM + Facts.MIN_CHILD_ROOM) + "), and no ESP follows. "
                        + capitalize(f.keyMaterial().replace("confirm it", "show which")) + ".")
                .fix("Run again with the keys (-k) to see the notify; meanwhile compare the traffic selectors"
                        + " (local_ts/remote_ts, leftsubnet/rightsubnet) and ESP proposals of both peers.")
                .evidence(auth.frames())
                .build();
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
