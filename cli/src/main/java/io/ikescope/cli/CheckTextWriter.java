package io.ikescope.cli;

import io.ikescope.check.Change;
import io.ikescope.check.CheckFinding;
import io.ikescope.check.CheckReport;
import io.ikescope.check.ChildResult;
import io.ikescope.check.ChosenChild;
import io.ikescope.check.ChosenIke;
import io.ikescope.check.LatentFailure;
import io.ikescope.check.Outcome;
import io.ikescope.check.PeerSummary;
import io.ikescope.check.PhaseResult;
import io.ikescope.check.SimulatedNegotiation;
import io.ikescope.check.Unpaired;
import io.ikescope.config.ConfigWarning;
import io.ikescope.report.TextEscaper;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** {@code check --format text}: per simulated negotiation the verdict first, then per phase and child, then fixes. */
final class CheckTextWriter {

    private CheckTextWriter() {
    }

    static void write(CheckReport report, PrintWriter out) {
        peer(out, report.a());
        peer(out, report.b());
        for (SimulatedNegotiation n : report.negotiations()) {
            out.println();
            negotiation(out, n);
        }
        for (Unpaired u : report.unpaired()) {
            out.println();
            out.println(u.side() + " " + s(u.connection()) + ": NOT PAIRED: " + s(u.reason()) + " ("
                    + s(u.origin().toString()) + ")");
        }
        long simulated = report.negotiations().stream().filter(SimulatedNegotiation::simulated).count();
        long up = report.negotiations().stream().filter(SimulatedNegotiation::established).count();
        out.println();
        out.println((report.established() ? "OK: " : "FAILED: ") + up + " of " + simulated
                + " simulated negotiations establish and last" + (report.unpaired().isEmpty() ? ""
                : "; " + report.unpaired().size() + " connection(s) without a partner"));
    }

    private static void peer(PrintWriter out, PeerSummary p) {
        out.println(p.side() + ": " + p.implementation().displayName() + " (" + s(String.join(", ", p.files()))
                + "; defaults of " + s(p.defaultsOf()) + ")");
        for (ConfigWarning w : p.warnings()) {
            out.println("  warning: " + s(w.toString()));
        }
    }

    private static void negotiation(PrintWriter out, SimulatedNegotiation n) {
        String head = n.initiator() + " initiates " + s(n.initiatorConnection()) + " -> " + n.initiator().other() + " "
                + s(n.responderConnection());
        if (!n.simulated()) {
            out.println(head + ": NOT INITIATED: " + s(n.notInitiated()));
            return;
        }
        String verdict = n.verdict().name();
        LatentFailure latent = n.children().stream().map(ChildResult::latent).filter(l -> l != null).findFirst()
                .orElse(null);
        if (latent != null && n.phase1().outcome().established()
                && n.children().stream().allMatch(c -> c.outcome().established())) {
            verdict = "ESTABLISHED, then " + latent.code() + " at the " + latent.event() + " ("
                    + latent.earliestSeconds() + "-" + latent.latestSeconds() + " s)";
        }
        out.println(head + ": " + verdict);
        PhaseResult p = n.phase1();
        String mode = switch (p.exchange()) {
            case "main" -> ", Main Mode";
            case "aggressive" -> ", Aggressive Mode";
            default -> "";
        };
        out.println("  Phase 1 (IKEv" + p.ikeVersion() + mode + "): " + p.outcome().code()
                + chosen(p.chosen()));
        outcome(out, p.outcome(), "    ");
        for (ChildResult c : n.children()) {
            out.println("  child " + s(c.initiatorChild()) + (c.responderChild() == null ? ""
                    : " -> " + s(c.responderChild())) + " (" + c.exchange() + "): " + c.outcome().code()
                    + chosen(c.chosen()));
            outcome(out, c.outcome(), "    ");
            if (c.latent() != null) {
                out.println("    then " + c.latent().code() + " at the " + c.latent().event() + ", "
                        + c.latent().earliestSeconds() + "-" + c.latent().latestSeconds() + " s after it is made ("
                        + s(c.latent().timing().toString()) + ")");
                out.println("    " + s(c.latent().explanation()));
                changes(out, c.latent().changes(), "    ");
            }
        }
        for (CheckFinding f : n.findings()) {
            out.println("  " + f.severity() + " " + f.code() + ": " + s(f.message()));
        }
    }

    private static void outcome(PrintWriter out, Outcome o, String indent) {
        out.println(indent + s(o.explanation()));
        changes(out, o.changes(), indent);
    }

    private static void changes(PrintWriter out, List<Change> changes, String indent) {
        for (Change c : changes) {
            out.println(indent + "change " + c.side() + " " + s(c.origin().toString()) + " (" + s(c.setting()) + "): "
                    + s(c.now())
                    + " -> " + s(c.to()));
        }
    }

    private static String chosen(ChosenIke c) {
        if (c == null) {
            return "";
        }
        return "  " + s(join(c.encryption(), c.integrity(), c.prf(), c.hash(),
                c.dhGroup() == null ? null : "DH " + c.dhGroup()));
    }

    private static String chosen(ChosenChild c) {
        if (c == null) {
            return "";
        }
        return "  " + s(join(c.protocol(), c.encryption(), c.integrity(), c.dhGroup() == null ? "no PFS"
                : "PFS " + c.dhGroup(), Boolean.TRUE.equals(c.esn()) ? "ESN" : null));
    }

    private static String join(String... parts) {
        List<String> out = new ArrayList<>();
        for (String p : parts) {
            if (p != null) {
                out.add(p);
            }
        }
        return String.join("/", out);
    }

    /** Configuration text (names, identities) can hold anything: never a raw control character to a terminal. */
    private static String s(String text) {
        return text == null ? "" : TextEscaper.escape(text);
    }
}
