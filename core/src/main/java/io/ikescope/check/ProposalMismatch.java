package io.ikescope.check;

import io.ikescope.diagnosis.VerdictCode;
import java.util.ArrayList;
import java.util.List;

/** Words and changes for proposals that do not match: which attribute of which side's proposal, with its line. */
final class ProposalMismatch {

    private ProposalMismatch() {
    }

    static Outcome outcome(VerdictCode code, End ini, End res, Proposal.Nearest n, List<String> differing,
                           String setting, String phase) {
        List<Change> changes = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        for (String kind : differing) {
            String offered = Proposal.render(kind, n.initiator().values(kind));
            String accepted = Proposal.render(kind, n.responder().values(kind));
            parts.add(label(kind) + ": " + ini.side() + " offers " + blank(offered) + " (" + n.initiator().origin()
                    + "), " + res.side() + " accepts " + blank(accepted) + " (" + n.responder().origin() + ")");
        }
        if (differing.size() == 1) {
            String kind = differing.get(0);
            changes.add(new Change(res.side(), n.responder().origin(), setting, n.responder().text(),
                    "also accept " + blank(Proposal.render(kind, n.initiator().values(kind))) + " (" + label(kind)
                            + ")"));
            changes.add(new Change(ini.side(), n.initiator().origin(), setting, n.initiator().text(),
                    "also offer " + blank(Proposal.render(kind, n.responder().values(kind))) + " (" + label(kind)
                            + ")"));
        } else {
            // several kinds apart (an AEAD cipher against cipher and integrity): the whole proposal is the change
            changes.add(new Change(res.side(), n.responder().origin(), setting, n.responder().text(),
                    "also accept the proposal " + n.initiator().text()));
            changes.add(new Change(ini.side(), n.initiator().origin(), setting, n.initiator().text(),
                    "also offer the proposal " + n.responder().text()));
        }
        String head = switch (code) {
            case DH_GROUP_MISMATCH -> phase + ": the proposals agree except for the Diffie-Hellman group, which they"
                    + " have none in common; ";
            case PFS_MISMATCH -> phase + ": the proposals agree except for PFS; ";
            default -> phase + ": " + res.side() + " accepts none of " + ini.side() + "'s proposals; nearest: ";
        };
        return Outcome.failed(code, head + String.join("; ", parts) + ".", differing, changes);
    }

    static String label(String kind) {
        return switch (kind) {
            case "dhGroup" -> "DH group";
            case "pfsGroup" -> "PFS group";
            case "esn" -> "ESN";
            default -> kind;
        };
    }

    private static String blank(String s) {
        return s.isEmpty() ? "nothing" : s;
    }
}
