package io.ikescope.report;

import io.ikescope.correlation.CaptureCorrelation;
import io.ikescope.diagnosis.Diagnosis;
import io.ikescope.diagnosis.Finding;
import io.ikescope.diagnosis.Mismatch;
import io.ikescope.diagnosis.ProposalText;
import io.ikescope.diagnosis.Alternative;
import io.ikescope.diagnosis.Verdict;
import io.ikescope.session.ChildProposal;
import io.ikescope.session.ChildSa;
import io.ikescope.session.Fingerprint;
import io.ikescope.session.IkeProposal;
import io.ikescope.session.IcmpError;
import io.ikescope.session.MessageRecord;
import io.ikescope.session.NatAssessment;
import io.ikescope.session.Negotiation;
import io.ikescope.session.Role;
import io.ikescope.text.Columns;
import io.ikescope.text.Decimals;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code diagnose} for people: per negotiation the verdict and fix first, then a ladder of the messages between the
 * two peers with frame numbers, the parameters of each phase (offered next to chosen) and the findings. Written as
 * negotiations finish; a one-line summary per capture at the end. Peer-supplied text is escaped.
 */
public final class DiagnoseTextWriter implements DiagnoseWriter {
    private static final int LADDER_WIDTH = 64;
    private static final int WRAP = 100;
    private static final int FRAME_WIDTH = 6;
    private static final int TIME_WIDTH = 9;

    private final PrintWriter out;
    private final Writer target;
    private final List<InputSummary> inputs = new ArrayList<>();
    private int negotiations;
    private int established;

    public DiagnoseTextWriter(Writer out) {
        this.out = new PrintWriter(out, false);
        this.target = out;
    }

    public DiagnoseTextWriter(OutputStream out) {
        this(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    }

    @Override
    public void negotiation(Negotiation n, Diagnosis d) throws IOException {
        negotiation(n, d, null);
    }

    @Override
    public void negotiation(Negotiation n, Diagnosis d, CaptureCorrelation correlation) throws IOException {
        negotiations++;
        if (d.established()) {
            established++;
        }
        header(n);
        verdict(d.verdict(), d.alternatives());
        if (correlation != null) {
            CorrelationText.write(out, correlation, this::wrap);
        }
        ladder(n);
        phases(n, d);
        findings(d.findings());
        out.println();
        out.flush();
        if (out.checkError()) {
            target.flush(); // PrintWriter swallows the cause (e.g. a closed pipe): let it surface
            throw new IOException("cannot write the report");
        }
    }

    @Override
    public void input(InputSummary input) {
        inputs.add(input);
    }

    @Override
    public void close() throws IOException {
        for (InputSummary i : inputs) {
            out.println("Capture " + esc(i.path()) + " (" + i.format() + "): " + i.packets() + " packets, "
                    + i.ikeMessages() + " IKE messages" + (i.series() == null ? "" : ", frames " + i.seriesFirstFrame()
                    + ".." + (i.seriesFirstFrame() + i.packets() - 1) + " of the series " + esc(i.series())));
            for (String w : i.warnings()) {
                out.println("  warning: " + esc(w));
            }
        }
        if (negotiations == 0) {
            out.println("No IKE negotiation found.");
        } else {
            out.println(negotiations + " negotiation" + (negotiations > 1 ? "s" : "") + ", " + established
                    + " established.");
        }
        out.flush();
        if (out.checkError()) {
            target.flush(); // PrintWriter swallows the cause (e.g. a closed pipe): let it surface
            throw new IOException("cannot write the report");
        }
    }

    private void header(Negotiation n) {
        String mode = n.ikeVersion() == 2 ? "IKEv2" : "IKEv1 " + (n.exchangeMode() == null ? "(Phase 1 not captured)"
                : n.exchangeMode().equals("main") ? "Main Mode" : "Aggressive Mode");
        out.println("=== Negotiation " + n.id() + ": " + mode + "  " + n.initiator() + " (initiator) <-> "
                + n.responder() + " (responder)");
        out.println("    SPIs " + n.spiI() + " / " + (n.spiR() == null ? "-" : n.spiR()) + ", frames " + n.firstFrame()
                + "-" + n.lastFrame() + ", " + Timestamps.iso(n.startNanos()) + " ("
                + Timestamps.seconds(n.endNanos() - n.startNanos()) + " s), capture "
                + esc(n.input()));
        out.println("    NAT-T: " + (n.floated() ? "moved to UDP 4500 at frame " + n.natTraversalFrame() : "no move to"
                + " UDP 4500") + "; NAT detected: " + (n.natDetected() == null ? "unknown" : n.natDetected())
                + (n.nat().summary() == null ? "" : " (" + n.nat().summary() + ")") + "; decryption: "
                + n.decryption());
        for (Role role : Role.values()) {
            NatAssessment.PeerNat p = n.nat().of(role);
            if (p != null && (Boolean.FALSE.equals(p.sourceHashMatches()) || Boolean.TRUE.equals(p.behindNat()))) {
                wrap("      " + role.jsonName() + ": ", p.explanation());
            }
        }
        out.println("    Capture point: " + n.capturePoint().describe());
        if (n.initiatorImplementation() != null || n.responderImplementation() != null) {
            out.println("    Implementations: initiator " + implementation(n.initiatorImplementation()) + "; responder "
                    + implementation(n.responderImplementation()));
        }
        if (n.rekeyOf() != null) {
            out.println("    Created by rekeying negotiation " + n.rekeyOf().id() + " (CREATE_CHILD_SA, frames "
                    + join(n.rekeyOf().frames()) + (n.rekeyOf().inferred() ? "; inferred from timing and addresses)"
                    : ")"));
        }
        out.println();
    }

    private static String implementation(Fingerprint f) {
        if (f == null) {
            return "unknown";
        }
        return f.name() == null ? "unknown (" + esc(f.evidence().get(0)) + ")" : esc(f.describe());
    }

    private void verdict(Verdict v, List<Alternative> alternatives) {
        out.println("  VERDICT  " + v.code() + " (" + v.certainty().jsonName() + ")"
                + (v.phase() != null ? ", phase " + v.phase() : ""));
        wrap("  ", v.summary());
        out.println();
        wrap("  Why: ", v.explanation());
        if (v.fix() != null) {
            wrap("  Fix: ", v.fix());
        }
        if (v.mismatch() != null) {
            for (Mismatch m : v.mismatch()) {
                out.println("  Differs: " + m.attribute() + ": offered " + String.join(", ", m.offered()) + "; wanted "
                        + (m.wanted() == null ? "?" : m.wanted()));
            }
        }
        out.println("  Evidence: frames " + join(v.evidence()));
        for (Alternative a : alternatives) {
            if (a.candidate() && a.ruledOut()) { // a rival left standing is named in the explanation
                wrap("  Ruled out: ", a.code() + ": " + a.reason() + ".");
            }
        }
        out.println();
    }

    private void ladder(Negotiation n) {
        String left = "initiator " + n.initiator().address();
        String right = "responder " + n.responder().address();
        out.println("  Messages");
        StringBuilder head = Columns.right(new StringBuilder("  "), "frame", FRAME_WIDTH).append(' ');
        Columns.right(head, "time", TIME_WIDTH).append("  ");
        Columns.left(head, left, LADDER_WIDTH / 2);
        out.println(Columns.right(head, right, LADDER_WIDTH / 2));
        long t0 = n.startNanos();
        int icmp = 0;
        for (MessageRecord m : n.messages()) {
            for (; icmp < n.icmpErrors().size() && n.icmpErrors().get(icmp).frame() < m.frame(); icmp++) {
                icmpLine(n.icmpErrors().get(icmp), t0);
            }
            String arrow = arrow(LadderText.label(m), m.from() == Role.INITIATOR);
            StringBuilder line = ladderStart(m.frame(), m.epochNanos() - t0, arrow);
            line.append(LadderText.payloads(m));
            if (m.purpose() != null) {
                line.append("  <").append(m.purpose()).append('>');
            }
            if (m.retransmission()) {
                line.append("  (retransmission of ").append(m.retransmissionOf()).append(')');
            }
            if (m.onNatTraversalPort()) {
                line.append("  udp/4500");
            }
            out.println(line);
        }
        for (; icmp < n.icmpErrors().size(); icmp++) {
            icmpLine(n.icmpErrors().get(icmp), t0);
        }
        if (n.omittedMessages() > 0) {
            out.println("  ... " + n.omittedMessages() + " more messages not kept");
        }
        if (n.esp().toResponder() + n.esp().toInitiator() > 0) {
            out.println("  ESP between the peers: " + n.esp().toResponder() + " packets initiator -> responder (first"
                    + " frame " + n.esp().firstToResponderFrame() + "), " + n.esp().toInitiator() + " responder ->"
                    + " initiator (first frame " + n.esp().firstToInitiatorFrame() + ")");
        }
        if (n.ah().toResponder() + n.ah().toInitiator() > 0) {
            out.println("  AH between the peers: " + n.ah().toResponder() + " packets initiator -> responder (first"
                    + " frame " + n.ah().firstToResponderFrame() + "), " + n.ah().toInitiator() + " responder ->"
                    + " initiator (first frame " + n.ah().firstToInitiatorFrame() + ")");
        }
        if (!n.lostFragments().isEmpty()) {
            out.println("  IP datagrams that never reassembled: " + n.lostFragments().size() + " (first fragments at frames "
                    + join(n.lostFragments().stream().map(l -> l.firstFrame()).toList()) + ")");
        }
        out.println();
    }

    /** An ICMP error in the ladder, pointing at the peer whose datagram it refused. */
    private void icmpLine(IcmpError e, long t0) {
        String arrow = arrow("ICMP " + e.icmp().meaning(), e.refused() == Role.RESPONDER);
        out.println(ladderStart(e.frame(), e.icmp().epochNanos() - t0, arrow).append("from ").append(e.icmp().sender())
                .append(e.quotedFrame() != null ? ", quoting frame " + e.quotedFrame() : ""));
    }

    /** A ladder line up to its payloads: frame, seconds since the negotiation's first message, the arrow. */
    private static StringBuilder ladderStart(long frame, long nanosSinceStart, String arrow) {
        StringBuilder line = Columns.right(new StringBuilder("  "), Long.toString(frame), FRAME_WIDTH).append(' ');
        Columns.right(line, Decimals.signedHalfUp(nanosSinceStart / 1e9, 3), TIME_WIDTH);
        return line.append("  ").append(arrow).append("  ");
    }

    private static String arrow(String label, boolean toRight) {
        int dashes = Math.max(2, LADDER_WIDTH - label.length() - 4);
        String line = "-".repeat(dashes / 2);
        String rest = "-".repeat(dashes - dashes / 2);
        return toRight ? "|" + line + " " + label + " " + rest + ">|" : "|<" + line + " " + label + " " + rest + "|";
    }

    private void phases(Negotiation n, Diagnosis d) {
        int v = n.ikeVersion();
        out.println("  Phase 1: " + status(d.phase1Status()));
        IkeProposal chosen = n.phase1().chosen();
        sideBySide(n.phase1().offered() == null ? null : lines(ProposalText.ikeList(v, n.phase1().offered())),
                chosen == null ? null : ProposalText.ike(v, chosen));
        for (int i = 0; i < n.children().size(); i++) {
            ChildSa c = n.children().get(i);
            String status = i < d.phase2Status().size() ? d.phase2Status().get(i) : null;
            out.println("  Phase 2 #" + (i + 1) + " (" + c.exchange() + ", started by the " + c.initiatedBy().jsonName()
                    + (Boolean.TRUE.equals(c.ikeRekey()) ? ", IKE SA rekey" : "") + "): " + status(status)
                    + (c.contentHidden() ? "  [contents encrypted]" : ""));
            if (!c.contentHidden()) {
                ChildProposal cc = c.chosen();
                sideBySide(c.offered() == null ? null : lines(ProposalText.childList(v, c.offered())),
                        cc == null ? null : ProposalText.child(v, cc));
            }
            if (c.trafficSelectorsInitiator() != null || c.trafficSelectorsResponder() != null) {
                out.println("    traffic: " + esc(String.join(", ", orDash(c.trafficSelectorsInitiator()))) + " === "
                        + esc(String.join(", ", orDash(c.trafficSelectorsResponder())))
                        + "  (initiator side === responder side)");
            }
            if (c.spiInitiator() != null || c.spiResponder() != null) {
                out.println("    SPIs:    initiator " + orDash(c.spiInitiator()) + ", responder "
                        + orDash(c.spiResponder()) + "; ESP " + orDash(c.espToResponder()) + " to the responder, "
                        + orDash(c.espToInitiator()) + " to the initiator" + (c.ahSeen() ? "; AH "
                        + c.ahToResponder() + " to the responder, " + c.ahToInitiator() + " to the initiator" : ""));
            }
        }
        out.println();
    }

    /** Offered combinations in the left column, the chosen one on the first row of the right column. */
    private void sideBySide(List<String> offered, String chosen) {
        List<String> left = offered == null ? List.of("(not seen)") : offered;
        int width = 8;
        for (String l : left) {
            width = Math.max(width, l.length());
        }
        out.println(Columns.left(new StringBuilder("    "), "offered", width).append("   chosen"));
        for (int i = 0; i < left.size(); i++) {
            out.println(Columns.left(new StringBuilder("    "), left.get(i), width).append("   ")
                    .append(i == 0 ? (chosen == null ? "-" : chosen) : ""));
        }
    }

    private static List<String> lines(String joined) {
        return List.of(joined.split("; "));
    }

    private void findings(List<Finding> findings) {
        if (findings.isEmpty()) {
            return;
        }
        out.println("  Findings");
        for (Finding f : findings) {
            wrap("    [" + f.severity() + "] " + f.code() + ": ", f.message());
        }
    }

    private static String status(String s) {
        return s == null ? "unknown (encrypted)" : s.replace('_', ' ');
    }

    private static List<String> orDash(List<String> values) {
        return values == null ? List.of("?") : values;
    }

    private static String orDash(Object value) {
        return value == null ? "?" : value.toString();
    }

    private static String join(List<Long> values) {
        StringBuilder s = new StringBuilder();
        for (Long v : values) {
            if (s.length() > 0) {
                s.append(", ");
            }
            s.append(v);
        }
        return s.toString();
    }

    /** Prints {@code text} after {@code prefix}, wrapped at word boundaries, continuation lines indented. */
    private void wrap(String prefix, String text) {
        String indent = " ".repeat(prefix.length());
        StringBuilder line = new StringBuilder(prefix);
        for (String word : esc(text).split(" ")) {
            if (line.length() + word.length() + 1 > WRAP && line.length() > prefix.length()) {
                out.println(line);
                line = new StringBuilder(indent);
            }
            if (line.length() > indent.length() && !line.toString().endsWith(" ")) {
                line.append(' ');
            }
            line.append(word);
        }
        out.println(line);
    }

    private static String esc(String s) {
        return TextEscaper.escape(s);
    }
}
