package io.ikescope.crosscheck;

import io.ikescope.config.ChildConfig;
import io.ikescope.config.ChildProposalConfig;
import io.ikescope.config.ConnectionConfig;
import io.ikescope.config.IkeProposalConfig;
import io.ikescope.config.Origin;
import io.ikescope.diagnosis.Diagnosis;
import io.ikescope.diagnosis.Verdict;
import io.ikescope.diagnosis.VerdictCode;
import io.ikescope.session.ChildProposal;
import io.ikescope.session.ChildSa;
import io.ikescope.session.IkeProposal;
import io.ikescope.session.Negotiation;
import io.ikescope.session.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * One peer's configuration: what the capture shows that peer sending (the initiator's offers, the responder's choice)
 * must be what its file holds; a difference is {@code CONFIG_DISAGREES}. For a refusal seen with the responder's
 * file, the attribute of the initiator's offers the responder's proposals miss is named with its line, and a
 * PROPOSAL_MISMATCH whose only missing attribute is the (PFS) group becomes DH_GROUP_MISMATCH or PFS_MISMATCH.
 */
final class OneSide {

    record Outcome(Diagnosis diagnosis, Boolean agrees) {
    }

    private OneSide() {
    }

    static Outcome compare(Negotiation n, Diagnosis d, PeerMatch m) {
        VerdictEdit edit = new VerdictEdit(d);
        List<String> disagreements = m.role() == Role.INITIATOR ? initiatorSent(n, m.connection())
                : responderChose(n, m.connection());
        Boolean agrees = null;
        if (!disagreements.isEmpty()) {
            edit.finding("CONFIG_DISAGREES", "The capture does not show what " + m.file() + " (connection "
                    + m.connection().name() + ", the " + m.role().jsonName() + ") configures: "
                    + String.join("; ", disagreements) + ". The file may not be what the peer ran.");
            agrees = false;
        }
        Verdict v = d.verdict();
        if (m.role() == Role.RESPONDER && v.code() == VerdictCode.PROPOSAL_MISMATCH && disagreements.isEmpty()) {
            agrees = refusal(n, v, m, edit);
        } else if (agrees == null && hasShown(n, m.role())) {
            agrees = true;
        }
        return new Outcome(edit.build(), agrees);
    }

    private static boolean hasShown(Negotiation n, Role role) {
        return n.phase1() != null && (role == Role.INITIATOR ? n.phase1().offered() != null
                : n.phase1().chosen() != null);
    }

    /** The initiator's offers in the capture, each one its file must hold. */
    private static List<String> initiatorSent(Negotiation n, ConnectionConfig c) {
        List<String> out = new ArrayList<>();
        if (n.phase1() != null && n.phase1().offered() != null) {
            for (IkeProposal p : n.phase1().offered()) {
                List<String> missing = ProposalFit.missingIke(n.ikeVersion(), c.ikeProposals().value(), p);
                if (!missing.isEmpty()) {
                    out.add("it offers " + describe(n, p, missing) + ", which its IKE proposals ("
                            + c.ikeProposals().origin() + ") do not hold");
                    break;
                }
            }
        }
        ChildSa first = firstChild(n);
        if (first != null && first.initiatedBy() == Role.INITIATOR && first.offered() != null
                && !first.offered().isEmpty() && !anyChildHolds(n, c, first, first.offered().get(0))) {
            out.add("its first Phase 2 offer " + describeChild(n, first.offered().get(0))
                    + " is in none of its children's proposals");
        }
        return out;
    }

    /** The responder's choice in the capture, which its file must allow. */
    private static List<String> responderChose(Negotiation n, ConnectionConfig c) {
        List<String> out = new ArrayList<>();
        if (n.phase1() != null && n.phase1().chosen() != null) {
            List<String> missing = ProposalFit.missingIke(n.ikeVersion(), c.ikeProposals().value(),
                    n.phase1().chosen());
            if (!missing.isEmpty()) {
                out.add("it chose " + describe(n, n.phase1().chosen(), missing) + ", which its IKE proposals ("
                        + c.ikeProposals().origin() + ") do not allow");
            }
        }
        ChildSa first = firstChild(n);
        if (first != null && first.initiatedBy() == Role.INITIATOR && first.chosen() != null
                && !anyChildHolds(n, c, first, first.chosen())) {
            out.add("it chose " + describeChild(n, first.chosen()) + " for the first child, which none of its"
                    + " children's proposals allow");
        }
        return out;
    }

    /**
     * The responder's file and a refusal: which attribute of every offer its proposals miss. Returns whether the file
     * agrees with the refusal (false: it would have accepted an offer).
     */
    private static boolean refusal(Negotiation n, Verdict v, PeerMatch m, VerdictEdit edit) {
        ConnectionConfig c = m.connection();
        if (v.phase() != null && v.phase() == 1 && n.phase1() != null && n.phase1().offered() != null
                && !n.phase1().offered().isEmpty()) {
            List<IkeProposal> offers = n.phase1().offered();
            List<String> missing = common(offers.stream()
                    .map(p -> ProposalFit.missingIke(n.ikeVersion(), c.ikeProposals().value(), p)).toList());
            if (missing == null) {
                disagree(edit, m, "its IKE proposals (" + c.ikeProposals().origin() + ") accept an offer the capture"
                        + " shows refused");
                return false;
            }
            List<IkeProposalConfig> configured = c.ikeProposals().value();
            StringBuilder s = new StringBuilder();
            for (String a : missing) {
                s.append(s.length() == 0 ? "" : "; ").append("the responder's proposals (")
                        .append(c.ikeProposals().origin()).append(") allow only ")
                        .append(String.join(", ", ProposalFit.allowedIke(n.ikeVersion(), configured, a)))
                        .append(" (").append(a).append("); the initiator offers ")
                        .append(String.join(", ", offers.stream()
                                .map(p -> ProposalFit.seenIke(n.ikeVersion(), p, a)).distinct().toList()));
            }
            refine(edit, v, missing, "dhGroup", VerdictCode.DH_GROUP_MISMATCH, s.toString(),
                    c.ikeProposals().origin());
            return true;
        }
        ChildSa child = v.childIndex() != null && v.childIndex() < n.children().size()
                ? n.children().get(v.childIndex()) : firstChild(n);
        if (child == null || child.offered() == null || child.offered().isEmpty() || c.children().isEmpty()) {
            return true;
        }
        boolean withPfs = withPfs(n, child);
        ChildConfig best = c.children().get(0);
        List<String> missing = common(child.offered().stream()
                .map(p -> ProposalFit.missingChild(best.proposals().value(), p, withPfs)).toList());
        if (missing == null) {
            disagree(edit, m, "its child " + best.name() + " (" + best.proposals().origin() + ") accepts an offer"
                    + " the capture shows refused");
            return false;
        }
        List<ChildProposalConfig> configured = best.proposals().value();
        StringBuilder s = new StringBuilder();
        for (String a : missing) {
            s.append(s.length() == 0 ? "" : "; ").append("the responder's child proposals (")
                    .append(best.proposals().origin()).append(") allow only ")
                    .append(String.join(", ", ProposalFit.allowedChild(n.ikeVersion(), configured, a)))
                    .append(" (").append(a).append("); the initiator offers ")
                    .append(String.join(", ", child.offered().stream()
                            .map(p -> ProposalFit.seenChild(n.ikeVersion(), p, a)).distinct().toList()));
        }
        refine(edit, v, missing, "pfsGroup", VerdictCode.PFS_MISMATCH, s.toString(), best.proposals().origin());
        return true;
    }

    private static void refine(VerdictEdit edit, Verdict v, List<String> missing, String groupAttribute,
                               VerdictCode refined, String text, Origin where) {
        if (missing.equals(List.of(groupAttribute))) {
            edit.recode(refined, v.certainty(), v.summary())
                    .explain("PROPOSAL_MISMATCH refined to " + refined + ": the capture shows the refusal, the"
                            + " responder's configuration shows which attribute: " + text + ".");
        } else {
            edit.explain("The responder's configuration shows why: " + text + ".");
        }
        edit.fix("Change the responder's proposals (" + where + ") or the initiator's offers so that they share "
                + String.join(" and ", missing) + ": " + text + ".");
    }

    private static void disagree(VerdictEdit edit, PeerMatch m, String what) {
        edit.finding("CONFIG_DISAGREES", m.file() + " (connection " + m.connection().name() + ", the responder): "
                + what + ": the file may not be what the peer ran.");
    }

    /** The attributes every offer misses; null when some offer misses nothing (the file would accept it). */
    private static List<String> common(List<List<String>> missingPerOffer) {
        List<String> out = null;
        for (List<String> m : missingPerOffer) {
            if (m.isEmpty()) {
                return null;
            }
            if (out == null) {
                out = new ArrayList<>(m);
            } else {
                out.retainAll(m);
            }
        }
        return out == null || out.isEmpty() ? List.of("combination") : out;
    }

    private static boolean anyChildHolds(Negotiation n, ConnectionConfig c, ChildSa child, ChildProposal p) {
        if (c.children().isEmpty()) {
            return true;
        }
        for (ChildConfig cc : c.children()) {
            if (ProposalFit.missingChild(cc.proposals().value(), p, withPfs(n, child)).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** IKEv2's IKE_AUTH child has no KE payload: the configured PFS groups do not apply to it. */
    private static boolean withPfs(Negotiation n, ChildSa child) {
        return n.ikeVersion() == 1 || !"ike_auth".equals(child.exchange());
    }

    private static ChildSa firstChild(Negotiation n) {
        return n.children().isEmpty() ? null : n.children().get(0);
    }

    private static String describe(Negotiation n, IkeProposal p, List<String> missing) {
        return String.join(", ", missing.stream().map(a -> a + " " + ProposalFit.seenIke(n.ikeVersion(), p, a))
                .toList());
    }

    private static String describeChild(Negotiation n, ChildProposal p) {
        return p.protocol() + "/" + p.encryption() + (p.integrity() == null ? "" : "/" + p.integrity())
                + (p.dhGroup() == null ? "" : "/" + ProposalFit.group(n.ikeVersion(), p.dhGroup()));
    }
}
