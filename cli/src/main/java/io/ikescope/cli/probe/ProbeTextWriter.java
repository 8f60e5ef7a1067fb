package io.ikescope.cli.probe;

import io.ikescope.probe.Outcomes;
import io.ikescope.probe.ProbeReport;
import io.ikescope.probe.against.AgainstReport;
import io.ikescope.probe.against.ConnectionFit;
import io.ikescope.probe.fingerprint.Fingerprint;
import io.ikescope.probe.fingerprint.VendorIdSeen;
import io.ikescope.probe.ikev2.Ikev2Result;
import io.ikescope.probe.ikev2.Ikev2Suite;
import io.ikescope.probe.ikev2.Ikev2Transform;
import io.ikescope.report.TextEscaper;
import io.ikescope.session.AlgorithmNames;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** {@code probe} as text: per version what the target accepts, refuses and announces, and what went wrong. */
public final class ProbeTextWriter {
    private static final int LABEL = 13;
    /** Refused values are listed by name up to this many. */
    private static final int SHORT_LIST = 6;

    private ProbeTextWriter() {
    }

    public static void write(ProbeReport r, AgainstReport against, PrintWriter out) {
        out.printf(Locale.ROOT, "Probe of %s from %s: %d packets sent, %d received, %.1f s%n", r.target().text(),
                r.source().getAddress().getHostAddress() + ":" + r.source().getPort(), r.packetsSent(),
                r.packetsReceived(), r.durationSeconds());
        if (r.ikev2() != null) {
            ikev2(r.ikev2(), out);
        }
        Ikev1Text.write(r, out);
        if (against != null) {
            against(against, out);
        }
    }

    private static void against(AgainstReport a, PrintWriter out) {
        out.println();
        out.println("Against " + String.join(", ", a.files()) + " (" + a.note() + "):");
        if (a.connections().isEmpty()) {
            out.println("  no connections");
        }
        for (ConnectionFit c : a.connections()) {
            String verdict = switch (c.verdict()) {
                case NEGOTIATES -> "would negotiate Phase 1";
                case FAILS -> "would NOT negotiate Phase 1";
                case NOT_PROBED -> "not weighed";
            };
            out.println("  " + TextEscaper.escape(c.connection()) + " (IKEv" + c.ikeVersion() + "): " + verdict
                    + (c.inferred() ? " (inferred from per-type results)" : ""));
            if (!c.matching().isEmpty()) {
                out.println("    accepted: " + c.matching().get(0) + (c.matching().size() > 1
                        ? " (and " + (c.matching().size() - 1) + " more)" : ""));
            }
            for (String change : c.changes()) {
                out.println("    " + TextEscaper.escape(change));
            }
        }
    }

    private static void ikev2(Ikev2Result r, PrintWriter out) {
        out.println();
        out.println("IKEv2: " + (r.answered() ? "answers IKE_SA_INIT" : "no answer") + (r.complete() ? ""
                : r.answered() ? " (incomplete: see problems)" : ""));
        if (r.answered()) {
            outcomes(out, "encryption", r.encryption(), Ikev2Transform::name);
            outcomes(out, "PRF", r.prf(), id -> Ikev2Transform.prf(id).name());
            outcomes(out, "integrity", r.integrity(), id -> Ikev2Transform.integrity(id).name());
            outcomes(out, "DH groups", r.groups(), ProbeTextWriter::group);
            if (!r.additionalKeyExchange().accepted().isEmpty() || !r.additionalKeyExchange().refused().isEmpty()) {
                outcomes(out, "ADDKE1", r.additionalKeyExchange(), ProbeTextWriter::group);
                line(out, "", "(RFC 9370 additional key exchange with everything accepted: post-quantum ML-KEM)");
            }
            int combos = (int) r.refused().stream().filter(s -> s.encryption() != null && s.prf() != null
                    && s.group() != null).count() + r.accepted().size();
            line(out, "proposals", r.accepted().size() + " of " + combos + " full combinations accepted"
                    + (r.accepted().isEmpty() ? "" : ":"));
            for (Ikev2Suite s : r.accepted()) {
                out.println(" ".repeat(LABEL + 2) + suite(s));
            }
            line(out, "prefers", r.preferred() == null ? "(no full exchange made)" : suite(r.preferred()));
            line(out, "cookie", r.cookie() ? "demanded (RFC 7296 2.6: the peer is under load or always asks)"
                    : "not demanded");
            line(out, "fragmentation", r.fragmentation() ? "supported (RFC 7383)" : "not announced");
            if (!r.signatureHashAlgorithms().isEmpty()) {
                line(out, "signatures", "hash algorithms " + String.join(", ", r.signatureHashAlgorithms())
                        + " (RFC 7427)");
            }
            if (r.redirect() != null) {
                line(out, "redirect", "to " + TextEscaper.escape(r.redirect()) + " (RFC 5685)");
            }
            line(out, "announces", r.notifies().isEmpty() ? "no status notifies"
                    : String.join(", ", r.notifies().stream().map(Ikev2Result.NotifySeen::name).toList()));
            if (r.certificateRequest()) {
                line(out, "", "asks for certificates (CERTREQ)");
            }
            vendorIds(out, r.vendorIds());
            fingerprint(out, r.fingerprint());
        }
        problems(out, r.problems());
    }

    static <T> void outcomes(PrintWriter out, String label, Outcomes<T> o, Function<T, String> name) {
        line(out, label, "accepted: " + list(o.accepted(), name));
        if (!o.refused().isEmpty()) {
            // the accepted few matter; the refused are most of the registry, listed in full in the JSON
            line(out, "", "refused:  " + (o.refused().size() <= SHORT_LIST ? list(o.refused(), name)
                    : "the other " + o.refused().size() + " tested (--format json lists them)"));
        }
        if (!o.unclear().isEmpty()) {
            line(out, "", "unclear:  " + list(o.unclear(), name));
        }
    }

    static String group(int id) {
        return group(2, id);
    }

    /** "14 (modp2048)", or the registry's name alone when it is only a number. */
    static String group(int ikeVersion, int id) {
        String n = AlgorithmNames.groupName(ikeVersion, id);
        return n.equals("group " + id) ? n : id + " (" + n + ")";
    }

    private static String suite(Ikev2Suite s) {
        return s.encryptionName() + " / " + s.prfName() + (s.integrity() == null ? "" : " / " + s.integrityName())
                + " / " + group(s.group());
    }

    static <T> String list(List<T> values, Function<T, String> name) {
        return values.isEmpty() ? "none" : String.join(", ", values.stream().map(name).toList());
    }

    static void vendorIds(PrintWriter out, List<VendorIdSeen> vendorIds) {
        if (vendorIds.isEmpty()) {
            line(out, "vendor IDs", "none sent");
        }
        for (int i = 0; i < vendorIds.size(); i++) {
            VendorIdSeen v = vendorIds.get(i);
            line(out, i == 0 ? "vendor IDs" : "", (v.name() == null ? "unknown" : v.name()) + " (" + v.hex() + ")");
        }
    }

    static void fingerprint(PrintWriter out, Fingerprint f) {
        if (f == null || f.implementation() == null) {
            line(out, "fingerprint", "unknown" + (f == null || f.evidence().isEmpty() ? ""
                    : ": " + String.join("; ", f.evidence())));
            return;
        }
        line(out, "fingerprint", f.implementation() + (f.inferred() ? " (inferred from " + f.basis() + ")"
                : " (" + f.basis() + ")") + ": " + String.join("; ", f.evidence()));
    }

    static void problems(PrintWriter out, List<String> problems) {
        for (int i = 0; i < problems.size(); i++) {
            line(out, i == 0 ? "problems" : "", TextEscaper.escape(problems.get(i)));
        }
    }

    static void line(PrintWriter out, String label, String text) {
        out.println("  " + label + " ".repeat(Math.max(1, LABEL - label.length())) + text);
    }
}
