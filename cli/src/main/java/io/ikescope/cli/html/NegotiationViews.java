package io.ikescope.cli.html;

import io.ikescope.correlation.CaptureCorrelation;
import io.ikescope.crypto.DecryptionStatus;
import io.ikescope.diagnosis.Alternative;
import io.ikescope.diagnosis.Diagnosis;
import io.ikescope.diagnosis.Finding;
import io.ikescope.diagnosis.Mismatch;
import io.ikescope.diagnosis.Verdict;
import io.ikescope.diagnosis.VerdictCode;
import io.ikescope.report.InputSummary;
import io.ikescope.report.LadderText;
import io.ikescope.report.TextEscaper;
import io.ikescope.report.Timestamps;
import io.ikescope.session.ChildSa;
import io.ikescope.session.IcmpError;
import io.ikescope.session.MessageRecord;
import io.ikescope.session.Negotiation;
import io.ikescope.session.Role;
import io.ikescope.text.Decimals;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a negotiation and its diagnosis into the views the templates show: the same facts and words as the text
 * report ({@link LadderText} for the ladder, {@link ProposalTables} for the proposals), escaped for display.
 */
final class NegotiationViews {
    private NegotiationViews() {
    }

    /** "frame 3", "frames 1, 2 and 5", "frames 9/10": the numbers are group 1 (at most 9 digits each). */
    private static final Pattern FRAME_LIST = Pattern.compile("\\bframes? (\\d{1,9}(?:(?:, | and |/)\\d{1,9})*)");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,9}");

    static Views.SummaryRow summary(Negotiation n, Diagnosis d) {
        Verdict v = d.verdict();
        return new Views.SummaryRow(esc(n.id()), anchor(n), n.initiator().toString(), n.responder().toString(),
                protocol(n), v.code().name(), outcome(v.code()), v.certainty().jsonName(), esc(v.summary()));
    }

    static Views.Negotiation negotiation(Negotiation n, Diagnosis d) {
        return negotiation(n, d, null);
    }

    /** @param correlation what other captures of the same IKE SA show, or null */
    static Views.Negotiation negotiation(Negotiation n, Diagnosis d, CaptureCorrelation correlation) {
        Set<Long> laddered = new HashSet<>();
        for (MessageRecord m : n.messages()) {
            laddered.add(m.frame());
        }
        for (IcmpError e : n.icmpErrors()) {
            laddered.add(e.frame());
        }
        return new Views.Negotiation(esc(n.id()), anchor(n), protocol(n), n.initiator().toString(),
                n.responder().toString(), facts(n), verdict(n, d, laddered), ladder(n),
                correlation == null ? null : CorrelationViews.of(n, correlation, laddered), phases(n, d),
                findings(n, d.findings(), laddered), AuditViews.of(n));
    }

    static Views.Input input(InputSummary i) {
        String series = i.series() == null ? "" : "frames " + i.seriesFirstFrame() + ".."
                + (i.seriesFirstFrame() + i.packets() - 1) + " of the rotated series beginning with " + esc(i.series());
        return new Views.Input(esc(i.path()), i.format(), i.packets(), i.ikeMessages(),
                i.warnings().stream().map(NegotiationViews::esc).toList(), series);
    }

    /** "ok" for an established negotiation, "unknown" when the capture does not show the outcome, else "fail". */
    static String outcome(VerdictCode code) {
        return switch (code) {
            case ESTABLISHED -> "ok";
            case INCOMPLETE, UNDETERMINED -> "unknown";
            default -> "fail";
        };
    }

    private static String protocol(Negotiation n) {
        if (n.ikeVersion() == 2) {
            return "IKEv2";
        }
        return "IKEv1 " + (n.exchangeMode() == null ? "(Phase 1 not captured)"
                : n.exchangeMode().equals("main") ? "Main Mode" : "Aggressive Mode");
    }

    private static String anchor(Negotiation n) {
        return "negotiation-" + n.id();
    }

    static String frameAnchor(Negotiation n, long frame) {
        return anchor(n) + "-frame-" + frame;
    }

    private static List<Views.FrameLink> links(Negotiation n, List<Long> frames, Set<Long> laddered) {
        List<Views.FrameLink> links = new ArrayList<>();
        for (long f : frames) {
            links.add(new Views.FrameLink(f, laddered.contains(f) ? "#" + frameAnchor(n, f) : null));
        }
        return links;
    }

    /**
     * The text with the frame numbers it cites ("frame 3", "frames 1, 2 and 5", "frames 9/10") linked to their
     * ladder rows; numbers the ladder does not show stay text.
     */
    static List<Views.Span> citing(Negotiation n, String text, Set<Long> laddered) {
        List<Views.Span> spans = new ArrayList<>();
        if (text == null) {
            return spans;
        }
        int done = 0;
        Matcher cited = FRAME_LIST.matcher(text);
        while (cited.find()) {
            Matcher number = NUMBER.matcher(text).region(cited.start(1), cited.end(1));
            while (number.find()) {
                long frame = Long.parseLong(number.group());
                if (laddered.contains(frame)) {
                    if (number.start() > done) {
                        spans.add(new Views.Span(text.substring(done, number.start()), null));
                    }
                    spans.add(new Views.Span(number.group(), "#" + frameAnchor(n, frame)));
                    done = number.end();
                }
            }
        }
        if (done < text.length()) {
            spans.add(new Views.Span(text.substring(done), null));
        }
        return spans;
    }

    private static List<Views.Fact> facts(Negotiation n) {
        List<Views.Fact> facts = new ArrayList<>();
        facts.add(new Views.Fact("SPIs", n.spiI() + " / " + (n.spiR() == null ? "-" : n.spiR())));
        facts.add(new Views.Fact("Frames", n.firstFrame() + "-" + n.lastFrame()));
        facts.add(new Views.Fact("Start", Timestamps.iso(n.startNanos())));
        facts.add(new Views.Fact("Duration", seconds(n.endNanos() - n.startNanos()) + " s"));
        facts.add(new Views.Fact("Capture", esc(n.input())));
        facts.add(new Views.Fact("NAT-T", n.floated() ? "moved to UDP 4500 at frame " + n.natTraversalFrame()
                : "no move to UDP 4500"));
        facts.add(new Views.Fact("NAT detected", n.natDetected() == null ? "unknown" : n.natDetected()));
        facts.add(new Views.Fact("Decryption", n.decryption().replace('_', ' ')));
        if (n.rekeyOf() != null) {
            facts.add(new Views.Fact("Created by", "rekeying negotiation " + esc(n.rekeyOf().id())
                    + " (CREATE_CHILD_SA, frames " + join(n.rekeyOf().frames())
                    + (n.rekeyOf().inferred() ? "; inferred from timing and addresses)" : ")")));
        }
        return facts;
    }

    private static Views.Verdict verdict(Negotiation n, Diagnosis d, Set<Long> laddered) {
        Verdict v = d.verdict();
        List<Views.RuledOut> ruledOut = new ArrayList<>();
        for (Alternative a : d.alternatives()) {
            if (a.candidate() && a.ruledOut()) { // as in the text report: the contenders the evidence ruled out
                ruledOut.add(new Views.RuledOut(a.code().name(), citing(n, esc(a.reason()), laddered)));
            }
        }
        List<String> mismatches = new ArrayList<>();
        if (v.mismatch() != null) {
            for (Mismatch m : v.mismatch()) {
                mismatches.add(esc(m.attribute() + ": offered " + String.join(", ", m.offered()) + "; wanted "
                        + (m.wanted() == null ? "?" : m.wanted())));
            }
        }
        return new Views.Verdict(v.code().name(), outcome(v.code()), v.certainty().jsonName(),
                v.phase() == null ? null : "Phase " + v.phase(), esc(v.summary()),
                citing(n, esc(v.explanation()), laddered),
                esc(v.fix()), mismatches, links(n, v.evidence(), laddered), ruledOut);
    }

    private static Views.Ladder ladder(Negotiation n) {
        List<Views.MessageRow> rows = new ArrayList<>();
        int icmp = 0;
        for (MessageRecord m : n.messages()) {
            // ICMP errors take their place in frame order, as in the text report
            for (; icmp < n.icmpErrors().size() && n.icmpErrors().get(icmp).frame() < m.frame(); icmp++) {
                rows.add(icmpRow(n, n.icmpErrors().get(icmp)));
            }
            List<String> notes = new ArrayList<>();
            if (m.retransmission()) {
                notes.add("retransmission of frame " + m.retransmissionOf());
            }
            if (m.purpose() != null) {
                notes.add(m.purpose());
            }
            if (m.onNatTraversalPort()) {
                notes.add("udp/4500");
            }
            rows.add(new Views.MessageRow(m.frame(), frameAnchor(n, m.frame()),
                    Decimals.signedHalfUp((m.epochNanos() - n.startNanos()) / 1e9, 3),
                    m.from() == Role.INITIATOR, esc(LadderText.label(m)), esc(LadderText.payloads(m)),
                    m.retransmission(), decryption(m), state(m), notes));
        }
        for (; icmp < n.icmpErrors().size(); icmp++) {
            rows.add(icmpRow(n, n.icmpErrors().get(icmp)));
        }
        List<String> notes = new ArrayList<>();
        if (n.omittedMessages() > 0) {
            notes.add(n.omittedMessages() + " more messages not kept");
        }
        if (n.esp().toResponder() + n.esp().toInitiator() > 0) {
            notes.add("ESP between the peers: " + n.esp().toResponder() + " packets initiator -> responder (first frame "
                    + n.esp().firstToResponderFrame() + "), " + n.esp().toInitiator() + " responder -> initiator (first"
                    + " frame " + n.esp().firstToInitiatorFrame() + ")");
        }
        if (n.ah().toResponder() + n.ah().toInitiator() > 0) {
            notes.add("AH between the peers: " + n.ah().toResponder() + " packets initiator -> responder (first frame "
                    + n.ah().firstToResponderFrame() + "), " + n.ah().toInitiator() + " responder -> initiator (first"
                    + " frame " + n.ah().firstToInitiatorFrame() + ")");
        }
        if (!n.lostFragments().isEmpty()) {
            notes.add("IP datagrams that never reassembled: " + n.lostFragments().size() + " (first fragments at frames "
                    + join(n.lostFragments().stream().map(l -> l.firstFrame()).toList()) + ")");
        }
        return new Views.Ladder("initiator " + n.initiator().address(), "responder " + n.responder().address(), rows,
                notes);
    }

    /** An ICMP error as a ladder row: an arrow to the peer whose datagram it refused. */
    private static Views.MessageRow icmpRow(Negotiation n, IcmpError e) {
        String quoting = e.quotedFrame() != null ? ", quoting frame " + e.quotedFrame() : "";
        return new Views.MessageRow(e.frame(), frameAnchor(n, e.frame()),
                Decimals.signedHalfUp((e.icmp().epochNanos() - n.startNanos()) / 1e9, 3),
                e.refused() == Role.RESPONDER, esc("ICMP " + e.icmp().meaning()),
                esc("from " + e.icmp().sender() + quoting), false, "ICMP", "icmp", List.of());
    }

    private static String decryption(MessageRecord m) {
        if (!m.encrypted()) {
            return "cleartext";
        }
        return switch (m.decryption()) {
            case OK -> "decrypted";
            case FAILED -> "decryption failed" + (m.decryptionFailure() == null ? "" : ": " + esc(m.decryptionFailure()));
            case NO_KEYS, NONE -> "encrypted, no keys";
        };
    }

    private static String state(MessageRecord m) {
        if (!m.encrypted()) {
            return "clear";
        }
        return m.decryption() == DecryptionStatus.OK ? "decrypted"
                : m.decryption() == DecryptionStatus.FAILED ? "failed" : "hidden";
    }

    private static List<Views.Phase> phases(Negotiation n, Diagnosis d) {
        List<Views.Phase> phases = new ArrayList<>();
        Set<String> differs = new HashSet<>();
        if (d.verdict().mismatch() != null) {
            d.verdict().mismatch().forEach(m -> differs.add(m.attribute()));
        }
        Integer verdictChild = d.verdict().childIndex();
        Integer verdictPhase = d.verdict().phase();
        phases.add(new Views.Phase("Phase 1", status(d.phase1Status()), statusClass(d.phase1Status()),
                ProposalTables.ike(n.ikeVersion(), n.phase1().offered(), n.phase1().chosen(),
                        Integer.valueOf(1).equals(verdictPhase) ? differs : Set.of()),
                List.of(), n.phase1().captured() ? null : "The capture begins after Phase 1."));
        for (int i = 0; i < n.children().size(); i++) {
            ChildSa c = n.children().get(i);
            String status = i < d.phase2Status().size() ? d.phase2Status().get(i) : null;
            String title = "Phase 2 #" + (i + 1) + " (" + c.exchange() + ", started by the " + c.initiatedBy().jsonName()
                    + (Boolean.TRUE.equals(c.ikeRekey()) ? ", IKE SA rekey" : "") + ")";
            boolean aboutThis = Integer.valueOf(2).equals(verdictPhase)
                    && (verdictChild == null || verdictChild == i);
            phases.add(new Views.Phase(title, status(status), statusClass(status),
                    c.contentHidden() ? null : ProposalTables.child(n.ikeVersion(), c.offered(), c.chosen(),
                            aboutThis ? differs : Set.of()),
                    childFacts(c), c.contentHidden() ? "Its contents are encrypted: proposals, traffic selectors and"
                            + " SPIs are unknown without keys." : null));
        }
        return phases;
    }

    private static List<Views.Fact> childFacts(ChildSa c) {
        List<Views.Fact> facts = new ArrayList<>();
        if (c.protocol() != null || c.mode() != null) {
            facts.add(new Views.Fact("Protocol", (c.protocol() == null ? "?" : c.protocol())
                    + (c.mode() == null ? "" : ", " + c.mode() + " mode")));
        }
        if (c.trafficSelectorsInitiator() != null || c.trafficSelectorsResponder() != null) {
            facts.add(new Views.Fact("Traffic (initiator side)", esc(String.join(", ", orUnknown(c.trafficSelectorsInitiator())))));
            facts.add(new Views.Fact("Traffic (responder side)", esc(String.join(", ", orUnknown(c.trafficSelectorsResponder())))));
        }
        if (c.spiInitiator() != null || c.spiResponder() != null) {
            facts.add(new Views.Fact("SPIs", "initiator " + orUnknown(c.spiInitiator()) + ", responder "
                    + orUnknown(c.spiResponder())));
            facts.add(new Views.Fact("ESP packets", orUnknown(c.espToResponder()) + " to the responder, "
                    + orUnknown(c.espToInitiator()) + " to the initiator"));
            if (c.ahSeen()) {
                facts.add(new Views.Fact("AH packets", c.ahToResponder() + " to the responder, " + c.ahToInitiator()
                        + " to the initiator"));
            }
        }
        return facts;
    }

    private static List<Views.Finding> findings(Negotiation n, List<Finding> findings, Set<Long> laddered) {
        List<Views.Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            out.add(new Views.Finding(f.severity(), f.code(), citing(n, esc(f.message()), laddered),
                    links(n, f.frames(), laddered)));
        }
        return out;
    }

    private static String status(String s) {
        return s == null ? "unknown (encrypted)" : s.replace('_', ' ');
    }

    private static String statusClass(String s) {
        if ("established".equals(s)) {
            return "ok";
        }
        return "failed".equals(s) ? "fail" : "unknown";
    }

    private static List<String> orUnknown(List<String> values) {
        return values == null ? List.of("?") : values;
    }

    private static String orUnknown(Object value) {
        return value == null ? "?" : value.toString();
    }

    private static String join(List<Long> values) {
        StringBuilder s = new StringBuilder();
        for (Long v : values) {
            s.append(s.length() > 0 ? ", " : "").append(v);
        }
        return s.toString();
    }

    /** Seconds to the millisecond, as the ladder's times. */
    private static String seconds(long nanos) {
        return Decimals.halfUp(nanos / 1e9, 3);
    }

    static String esc(String s) {
        return TextEscaper.escape(s);
    }
}
