package io.ikescope.diagnosis;

import io.ikescope.session.ChildProposal;
import io.ikescope.session.ChildSa;
import io.ikescope.session.Exchange;
import io.ikescope.session.IkeProposal;
import io.ikescope.session.MessageRecord;
import io.ikescope.session.Role;
import java.util.ArrayList;
import java.util.List;

/** "No proposal chosen": the responder found nothing acceptable in the offer (Phase 1 or Phase 2). */
final class ProposalRefused implements NotifyRule {
    @Override
    public String name() {
        return "proposal refused";
    }

    @Override
    public boolean handles(ErrorSeen error, Facts facts) {
        return error.is(NotifyNames.NO_PROPOSAL_CHOSEN);
    }

    @Override
    public Verdict verdict(ErrorSeen error, Facts f) {
        return error.phase() == 1 ? phase1(error, f) : phase2(error, f);
    }

    private static Verdict phase1(ErrorSeen error, Facts f) {
        int v = f.n.ikeVersion();
        List<IkeProposal> offered = f.n.phase1().offered();
        MessageRecord offer = offerBefore(error, f);
        String phase = v == 2 ? "IKE SA" : "Phase 1";
        String offerText = offered == null || offered.isEmpty() ? "(the offer was not captured)"
                : ProposalText.ikeList(v, offered);
        VerdictBuilder b = VerdictBuilder.confirmed(VerdictCode.PROPOSAL_MISMATCH, 1)
                .summary("The responder accepted none of the initiator's " + phase + " proposals (" + error.notice().name()
                        + ").")
                .explanation((offer != null ? "In " + Facts.describe(offer) + " the initiator offered " : "The initiator offered ")
                        + offerText + ". The " + sender(error) + " answered with " + error.notice().name() + " "
                        + error.how() + " in " + Facts.describe(error.message()) + ". The notify does not say which"
                        + " attribute failed to match; the responder's log does (strongSwan: 'no acceptable"
                        + " ENCRYPTION_ALGORITHM found', libreswan: 'no local proposal matches').")
                .fix("Give both peers at least one common " + phase + " proposal: add " + (offered == null
                        || offered.isEmpty() ? "the initiator's proposal" : ProposalText.ike(v, offered.get(0)))
                        + " to the responder's proposals, or configure the initiator with one the responder allows"
                        + " (compare encryption and key length, " + (v == 2 ? "integrity, PRF" : "hash")
                        + " and DH group).")
                .evidence(error.message().frame());
        if (offer != null) {
            b.evidence(offer.frame());
        }
        return b.build();
    }

    private static Verdict phase2(ErrorSeen error, Facts f) {
        int v = f.n.ikeVersion();
        ChildSa child = error.child();
        Exchange x = child == null ? null : f.exchange(child.exchangeIndex());
        Verdict pfs = pfsOnly(error, f, child, x);
        if (pfs != null) {
            return pfs;
        }
        String offered = child == null || child.offered() == null ? null : ProposalText.childList(v, child.offered());
        VerdictBuilder b = VerdictBuilder.confirmed(VerdictCode.PROPOSAL_MISMATCH, 2)
                .child(child == null ? null : child.index())
                .summary("Phase 2 refused: the peer accepted none of the offered IPsec (ESP/AH) proposals ("
                        + error.notice().name() + ").")
                .explanation((x != null ? "In " + Facts.describe(x.first()) + " the " + x.requester().jsonName()
                        + (offered != null ? " offered " + offered : " offered IPsec proposals") + ". " : "")
                        + "The " + sender(error) + " answered with " + error.notice().name() + " " + error.how()
                        + " in " + Facts.describe(error.message()) + "." + (v == 1
                        ? " In Quick Mode this also covers a PFS difference (one side wants a DH group, or another one):"
                        + " the notify does not say which attribute failed." : ""))
                .fix("Give both peers a common ESP/AH proposal: same encryption and key length, integrity and PFS"
                        + " group (strongSwan esp_proposals, libreswan esp=/phase2alg= and pfs=)"
                        + (offered != null ? "; the offer was " + offered : "") + ".")
                .evidence(error.message().frame());
        if (x != null) {
            b.evidence(x.first().frame());
        }
        return b.build();
    }

    /**
     * IKEv2 with keys: a CREATE_CHILD_SA that carries a KE is refused although the same child was accepted without
     * one in IKE_AUTH: only PFS differs.
     */
    private static Verdict pfsOnly(ErrorSeen error, Facts f, ChildSa child, Exchange x) {
        if (!f.v2 || child == null || x == null || !"create_child_sa".equals(child.exchange())
                || !Boolean.TRUE.equals(child.requestHasKe()) || child.offered() == null) {
            return null;
        }
        ChildSa first = f.ikeAuthChild();
        if (first == null || first.chosen() == null) {
            return null;
        }
        ChildProposal accepted = first.chosen();
        List<String> groups = new ArrayList<>();
        boolean sameOtherwise = false;
        for (ChildProposal p : child.offered()) {
            if (p.dhGroup() != null && !groups.contains(p.dhGroup().toString())) {
                groups.add(p.dhGroup().toString());
            }
            sameOtherwise |= java.util.Objects.equals(p.encryption(), accepted.encryption())
                    && java.util.Objects.equals(p.integrity(), accepted.integrity())
                    && java.util.Objects.equals(p.protocol(), accepted.protocol());
        }
        if (!sameOtherwise) {
            return null;
        }
        return VerdictBuilder.confirmed(VerdictCode.PFS_MISMATCH, 2)
                .child(child.index())
                .summary("Phase 2 rekey refused: the initiator wants PFS (DH group " + String.join("/", groups)
                        + ") and the responder has no PFS for this child.")
                .explanation("The child was accepted without a key exchange in IKE_AUTH ("
                        + Facts.frames(f.exchange(first.exchangeIndex()).frames()) + "). The CREATE_CHILD_SA request ("
                        + Facts.frame(x.first()) + ") offers the same algorithms with a KE payload (PFS), and the "
                        + sender(error) + " refuses it with " + error.notice().name() + " in "
                        + Facts.describe(error.message()) + ": only PFS differs.")
                .fix("Configure PFS the same on both peers: add DH group " + String.join("/", groups)
                        + " to the responder's ESP proposal (strongSwan esp_proposals = ...-modpXXXX, libreswan"
                        + " pfs=yes), or remove it from the initiator's.")
                .mismatch(new Mismatch("dhGroup", groups, "none"))
                .evidence(x.first().frame(), error.message().frame())
                .build();
    }

    static MessageRecord offerBefore(ErrorSeen error, Facts f) {
        MessageRecord offer = null;
        for (Exchange e : f.phase1Exchanges()) {
            for (MessageRecord m : e.messages()) {
                if (m.from() == Role.INITIATOR && m.frame() < error.message().frame() && !m.retransmission()
                        && m.payloads().contains("SA")) {
                    offer = m;
                }
            }
        }
        return offer;
    }

    static String sender(ErrorSeen error) {
        return error.message().from().jsonName();
    }
}
