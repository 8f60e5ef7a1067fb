package io.ikescope.cli.probe;

import io.ikescope.probe.ProbeReport;
import io.ikescope.probe.ikev1.Ikev1Result;
import io.ikescope.probe.ikev1.Ikev1Suite;
import java.io.PrintWriter;

/** The IKEv1 part of {@code probe}'s text. */
final class Ikev1Text {
    private Ikev1Text() {
    }

    static void write(ProbeReport report, PrintWriter out) {
        Ikev1Result r = report.ikev1();
        if (r == null) {
            return;
        }
        out.println();
        boolean mainMode = !r.accepted().isEmpty() || !r.refused().isEmpty() || !r.encryption().unclear().isEmpty();
        String answers = !r.answered() ? "no answer" : mainMode ? "answers Main Mode" : "answers Aggressive Mode only";
        out.println("IKEv1: " + answers + (r.complete() || !r.answered() ? "" : " (incomplete: see problems)"));
        if (r.answered()) {
            ProbeTextWriter.outcomes(out, "encryption", r.encryption(), x -> x);
            ProbeTextWriter.outcomes(out, "hash", r.hash(), x -> x);
            ProbeTextWriter.outcomes(out, "auth method", r.authMethod(), x -> x);
            ProbeTextWriter.outcomes(out, "DH groups", r.groups(), Ikev1Text::group);
            ProbeTextWriter.line(out, "suites", r.accepted().size() + " accepted" + (r.accepted().isEmpty() ? ""
                    : ":"));
            for (Ikev1Suite s : r.accepted()) {
                out.println(" ".repeat(15) + s.encryptionName() + " / " + s.hashName() + " / " + s.authMethodName()
                        + " / " + group(s.group()));
            }
            if (r.accepted().stream().anyMatch(s -> "RSA-SIG".equals(s.authMethodName()))) {
                ProbeTextWriter.line(out, "", "(a responder may accept a method in MM2 and check it only at MM5:"
                        + " strongSwan does)");
            }
            aggressive(r.aggressiveMode(), out);
            ProbeTextWriter.vendorIds(out, r.vendorIds());
            ProbeTextWriter.fingerprint(out, r.fingerprint());
        }
        ProbeTextWriter.problems(out, r.problems());
    }

    private static void aggressive(Ikev1Result.AggressiveMode am, PrintWriter out) {
        if (am == null) {
            return;
        }
        String text;
        if (!am.answered()) {
            text = "no answer to the AM1";
        } else if (am.proposal() != null) {
            text = "answers: " + am.proposal().text();
        } else {
            text = "refused" + (am.notifyName() == null ? "" : " with " + am.notifyName());
        }
        ProbeTextWriter.line(out, "aggressive", text);
        if (am.warning() != null) {
            ProbeTextWriter.line(out, "", "WARNING: " + am.warning());
        }
    }

    private static String group(int id) {
        return ProbeTextWriter.group(1, id);
    }
}
