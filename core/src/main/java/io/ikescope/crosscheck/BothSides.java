package io.ikescope.crosscheck;

import io.ikescope.check.Change;
import io.ikescope.check.CheckFinding;
import io.ikescope.check.CheckReport;
import io.ikescope.check.CheckSimulator;
import io.ikescope.check.Side;
import io.ikescope.check.SimulatedNegotiation;
import io.ikescope.diagnosis.Alternative;
import io.ikescope.diagnosis.Certainty;
import io.ikescope.diagnosis.Diagnosis;
import io.ikescope.diagnosis.Verdict;
import io.ikescope.diagnosis.VerdictCode;
import java.util.List;
import java.util.Set;

/**
 * Both peers' configurations: the simulation of the direction the capture shows (its initiator's configuration as
 * the initiator), compared with the capture's verdict. The capture is the evidence; the configurations name the
 * setting behind it, refine a code the capture cannot tell apart, or are reported as disagreeing with it.
 */
final class BothSides {
    private static final Set<VerdictCode> ON_THE_PATH = Set.of(VerdictCode.NO_RESPONSE, VerdictCode.NAT_T_BLOCKED,
            VerdictCode.FRAGMENTATION_LOSS);
    private static final Set<VerdictCode> REFINES_PROPOSAL = Set.of(VerdictCode.DH_GROUP_MISMATCH,
            VerdictCode.PFS_MISMATCH);

    /** The comparison's result: the diagnosis as refined, and what the configurations predicted. */
    record Outcome(Diagnosis diagnosis, Prediction prediction, boolean agrees) {
    }

    private BothSides() {
    }

    /** Null when the simulation pairs nothing (the connections do not fit each other at all). */
    static SimulatedNegotiation simulate(PeerMatch ini, PeerMatch res) {
        CheckReport report = CheckSimulator.check(ini.alone(), res.alone(), null);
        return report.negotiations().stream().filter(s -> s.initiator() == Side.A && s.simulated()).findFirst()
                .orElse(null);
    }

    static Outcome compare(Diagnosis d, SimulatedNegotiation sim, PeerMatch ini, PeerMatch res) {
        Prediction p = Prediction.of(sim).withoutFinalStop();
        Verdict v = d.verdict();
        VerdictEdit edit = new VerdictEdit(d);
        String files = "the configurations (A: " + ini.file() + ", the initiator; B: " + res.file()
                + ", the responder)";
        if (p.latent() != null && (v.code() == VerdictCode.ESTABLISHED || firstChildEstablished(d))) {
            String when = "at the first rekey, " + p.latent().earliestSeconds() + " to " + p.latent().latestSeconds()
                    + " s after the child is made (" + p.latent().timing() + ")";
            String text = files + " predict a latent " + p.code() + " " + when + ": " + p.explanation();
            edit.explain("The configurations show a failure still to come: " + text + ".");
            edit.finding("LATENT_" + p.code(), text + fixText(p.changes(), ini, res));
            return new Outcome(edit.build(), p, true);
        }
        if (v.code() == p.code()) {
            edit.explain(files + " show it too: " + p.explanation() + ".");
            edit.fix(fix(p.changes(), ini, res));
            return new Outcome(edit.build(), p, true);
        }
        if (v.code() == VerdictCode.PROPOSAL_MISMATCH && REFINES_PROPOSAL.contains(p.code())
                && samePhase(v, p)) {
            edit.recode(p.code(), v.certainty(), summary(p.code(), v.phase()))
                    .explain("PROPOSAL_MISMATCH refined to " + p.code() + ": the capture shows the refusal, " + files
                            + " show which attribute: " + p.explanation() + ".")
                    .fix(fix(p.changes(), ini, res));
            return new Outcome(edit.build(), p, true);
        }
        if (v.code() == VerdictCode.UNDETERMINED && !p.establishes() && samePhase(v, p)
                && !ruledOut(d.alternatives(), p.code())) {
            edit.recode(p.code(), Certainty.INFERRED, summary(p.code(), v.phase()))
                    .explain("The capture shows the refusal, the configurations show the cause: " + files
                            + " predict " + p.code() + ": " + p.explanation() + ".")
                    .fix(fix(p.changes(), ini, res));
            return new Outcome(edit.build(), p, true);
        }
        if (v.code() == VerdictCode.UNDETERMINED && p.establishes()
                && !ruledOut(d.alternatives(), VerdictCode.ESTABLISHED)) {
            edit.recode(VerdictCode.ESTABLISHED, Certainty.INFERRED, "Established, as far as the capture shows:"
                            + " the outcome is encrypted, and the configurations agree on everything")
                    .explain("The capture does not show the outcome and rules out no success; " + files
                            + " predict that the negotiation establishes: " + p.explanation() + ".");
            return new Outcome(edit.build(), p, true);
        }
        if (ON_THE_PATH.contains(v.code()) && p.establishes()) {
            edit.explain(files + " agree with each other and would establish, so the cause is on the path between"
                    + " the peers, not in their configurations.");
            return new Outcome(edit.build(), p, true);
        }
        if (v.code() == VerdictCode.AUTH_FAILED && p.establishes() && certificatesUnchecked(sim)) {
            edit.explain(files + " agree on everything they show; certificate trust is not in them, so it is the"
                    + " likely cause.");
            return new Outcome(edit.build(), p, true);
        }
        String predicted = p.establishes() ? "the negotiation to establish" : p.code() + " (" + p.explanation() + ")";
        edit.finding("CONFIG_DISAGREES", "The capture shows " + v.code() + " but " + files + " predict " + predicted
                + ": the files given may not be what the peers ran (another version, a reload that never happened,"
                + " another connection), or the capture's peers are others.");
        return new Outcome(edit.build(), p, false);
    }

    /** The child of IKE_AUTH was established and the capture ends before anything else is known. */
    private static boolean firstChildEstablished(Diagnosis d) {
        return "established".equals(d.phase1Status()) && !d.phase2Status().isEmpty()
                && "established".equals(d.phase2Status().get(0)) && d.verdict().code() == VerdictCode.INCOMPLETE;
    }

    private static boolean samePhase(Verdict v, Prediction p) {
        return v.phase() == null || p.phase() == null || v.phase().equals(p.phase());
    }

    private static boolean ruledOut(List<Alternative> alternatives, VerdictCode code) {
        return alternatives.stream().anyMatch(a -> a.code() == code && a.ruledOut());
    }

    private static boolean certificatesUnchecked(SimulatedNegotiation sim) {
        return sim.findings().stream().map(CheckFinding::code).anyMatch("CERTIFICATES_NOT_CHECKED"::equals);
    }

    private static String summary(VerdictCode code, Integer phase) {
        String where = phase == null ? "" : phase == 1 ? "Phase 1 " : "Phase 2 ";
        return switch (code) {
            case DH_GROUP_MISMATCH -> where + "failed: the peers allow no common Diffie-Hellman group";
            case PFS_MISMATCH -> where + "failed: the peers disagree on PFS (one wants a DH group, or another one)";
            case TS_MISMATCH -> where + "failed: the traffic selectors do not fit";
            case PROPOSAL_MISMATCH -> where + "failed: no proposal of the initiator is acceptable to the responder";
            case AUTH_FAILED -> where + "failed: authentication was refused";
            default -> where + "failed: " + code;
        };
    }

    /** The fix naming each setting to change by file and line; null when the simulation names none. */
    static String fix(List<Change> changes, PeerMatch ini, PeerMatch res) {
        String text = fixText(changes, ini, res);
        return text.isEmpty() ? null : "C" + text.substring(3) + ".";
    }

    /** "; change ... or ..." naming each setting by file and line, the capture's role for each side. */
    static String fixText(List<Change> changes, PeerMatch ini, PeerMatch res) {
        StringBuilder s = new StringBuilder();
        for (Change c : changes) {
            s.append(s.length() == 0 ? "; change " : ", or ");
            s.append("the ").append(role(c.side())).append("'s ").append(c.setting()).append(" (")
                    .append(c.origin()).append(", now ").append(c.now()).append(") to ").append(c.to());
        }
        return s.toString();
    }

    static String role(Side side) {
        return side == Side.A ? "initiator" : "responder";
    }
}
