package io.ikescope.annotate;

import io.ikescope.correlation.CaptureCorrelation;
import io.ikescope.crypto.DecryptionStatus;
import io.ikescope.diagnosis.Alternative;
import io.ikescope.diagnosis.Diagnosis;
import io.ikescope.diagnosis.Finding;
import io.ikescope.diagnosis.Verdict;
import io.ikescope.session.IcmpError;
import io.ikescope.session.MessageRecord;
import io.ikescope.session.Negotiation;
import io.ikescope.session.Role;
import java.util.ArrayList;
import java.util.List;

/** The words of the annotated copy's comments (see {@link CaptureAnnotations}). */
final class FrameNoteText {
    private FrameNoteText() {
    }

    /**
     * "ikescope negotiation 2: MM5, initiator 198.51.100.1:500 -> responder 198.51.100.2:500; retransmission of frame
     * 5; encrypted, decrypted; verdict AUTH_FAILED (phase 1, confirmed); evidence for the verdict".
     *
     * @param verdictFrames whether the frame numbers of the verdict and findings are this capture's
     */
    static String of(Negotiation n, Diagnosis d, MessageRecord m, boolean verdictFrames) {
        List<String> parts = new ArrayList<>();
        Role to = m.from() == Role.INITIATOR ? Role.RESPONDER : Role.INITIATOR;
        parts.add("ikescope negotiation " + n.id() + ": " + m.stepName() + ", " + m.from().jsonName() + " "
                + m.source() + " -> " + to.jsonName() + " " + m.destination());
        if (m.retransmission()) {
            parts.add("retransmission of frame " + m.retransmissionOf());
        }
        if (m.fragmentPart()) {
            parts.add("fragment of the message at frame " + m.partOf());
        } else if (m.fragment() != null) {
            parts.add("fragmented message");
        }
        if (m.encrypted()) {
            parts.add("encrypted, " + decryption(m));
        }
        parts.add(verdict(d.verdict()));
        if (verdictFrames) {
            parts.addAll(roles(d, m.frame()));
        }
        return String.join("; ", parts);
    }

    /**
     * "ikescope negotiation 1: ICMP destination unreachable (...) from 198.51.100.34, refusing the initiator's datagram
     * of frame 1; verdict NO_RESPONSE (phase 1, confirmed); evidence for the verdict".
     */
    static String of(Negotiation n, Diagnosis d, IcmpError e) {
        List<String> parts = new ArrayList<>();
        parts.add("ikescope negotiation " + n.id() + ": ICMP " + e.icmp().meaning() + " from " + e.icmp().sender()
                + ", refusing the " + e.refused().jsonName() + "'s datagram"
                + (e.quotedFrame() != null ? " of frame " + e.quotedFrame() : "") + " to UDP " + e.icmp().quotedDstPort());
        parts.add(verdict(d.verdict()));
        parts.addAll(roles(d, e.frame()));
        return String.join("; ", parts);
    }

    private static String verdict(Verdict v) {
        return "verdict " + v.code() + (v.phase() != null ? " (phase " + v.phase() + ", " : " (")
                + v.certainty().jsonName() + ")";
    }

    private static String decryption(MessageRecord m) {
        DecryptionStatus s = m.decryption();
        if (s == DecryptionStatus.OK) {
            return "decrypted";
        }
        if (s == DecryptionStatus.FAILED) {
            return "decryption failed" + (m.decryptionFailure() != null ? " (" + m.decryptionFailure() + ")" : "");
        }
        return "not decrypted (no keys for it)";
    }

    /** What the frame is to the diagnosis: evidence of the verdict, of a cause ruled out or left open, a finding. */
    private static List<String> roles(Diagnosis d, long frame) {
        List<String> out = new ArrayList<>();
        if (d.verdict().evidence().contains(frame)) {
            out.add("evidence for the verdict");
        }
        for (Alternative a : d.alternatives()) {
            if (a.frames().contains(frame)) {
                out.add((a.ruledOut() ? "evidence ruling out " : "evidence that also fits ") + a.code());
            }
        }
        for (Finding f : d.findings()) {
            if (f.frames().contains(frame)) {
                out.add("finding " + f.code());
            }
        }
        return out;
    }

    /**
     * "ikescope negotiation 2 (IKEv1 main mode, 198.51.100.1 -> 198.51.100.2, frames 1-9): AUTH_FAILED, phase 1: SUMMARY
     * Fix: FIX"; for one capture of several, which negotiation it is there.
     */
    static String section(Negotiation n, Diagnosis d, CaptureCorrelation.CapturePointView view) {
        Verdict v = d.verdict();
        String where = view == null ? "frames " + n.firstFrame() + "-" + n.lastFrame()
                : "here negotiation " + view.negotiationId() + ", " + view.messages() + " message(s)";
        String version = n.ikeVersion() == 1 ? "IKEv1 " + n.exchangeMode() + " mode" : "IKEv2";
        return "ikescope negotiation " + n.id() + " (" + version + ", "
                + n.initiator().address() + " -> " + n.responder().address() + ", " + where + "): " + v.code()
                + (v.phase() != null ? ", phase " + v.phase() : "") + " (" + v.certainty().jsonName() + "): "
                + v.summary() + (v.fix() != null && !v.fix().isBlank() ? " Fix: " + v.fix() : "");
    }
}
