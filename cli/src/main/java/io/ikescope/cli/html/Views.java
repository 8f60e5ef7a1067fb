package io.ikescope.cli.html;

import gg.jte.Content;
import java.util.List;

/**
 * What the HTML templates show, already in words: every string here that came from a capture went through
 * {@link io.ikescope.report.TextEscaper} (control and bidirectional characters made visible), and the templates
 * escape it for HTML. Nothing here is markup.
 */
public final class Views {
    private Views() {
    }

    /** The whole report: the summary table first, then one section per negotiation, then the inputs. */
    public record Page(String title, String generator, List<SummaryRow> rows, Content sections, List<Input> inputs,
                       String totals) {
    }

    /**
     * One line of the summary table.
     *
     * @param outcome "ok", "fail" or "unknown": the colour of the verdict code
     */
    public record SummaryRow(String id, String anchor, String initiator, String responder, String protocol,
                             String code, String outcome, String certainty, String summary) {
    }

    /** One negotiation: its facts, verdict, ladder, phases and findings. */
    public record Negotiation(String id, String anchor, String protocol, String initiator, String responder,
                              List<Fact> facts, Verdict verdict, Ladder ladder, Correlation correlation,
                              List<Phase> phases, List<Finding> findings, Audit audit) {
    }

    /**
     * The audit of a negotiation ({@code ikescope audit}'s ratings): the worst rating, a row per transform and the
     * audit's findings. {@code ratingClass} is "ok", "unknown" (SHOULD NOT, not rated) or "fail" (MUST NOT).
     */
    public record Audit(String worst, String worstClass, List<AuditRow> rows, List<AuditNote> notes) {
    }

    /** One rated transform: where (phase, child), what, whether chosen, its rating and every source. */
    public record AuditRow(String where, String type, String name, String use, String rating, String ratingClass,
                           String sources) {
    }

    /** One audit finding. */
    public record AuditNote(String rating, String ratingClass, String code, String message) {
    }

    /**
     * The same IKE SA seen in several captures (null when one capture holds it): the capture points, each message
     * with its frame per point ("-" where that capture lacks it) and what the differences mean.
     *
     * @param points      per capture point, its letter as label and the file and what is known of it as value
     * @param letters     the column headings, in the order of {@code points}
     */
    public record Correlation(String heading, List<Fact> points, List<String> letters, List<CorrelationRow> rows,
                              String seen, List<List<Span>> conclusions) {
    }

    /** One message of a correlation: its label (linked to its ladder row when shown there) and frame per point. */
    public record CorrelationRow(Span label, List<String> frames, boolean missing) {
    }

    /** A labelled value in a definition list. */
    public record Fact(String label, String value) {
    }

    /** A frame number, linked to its row in the ladder when the ladder shows it ({@code href} null otherwise). */
    public record FrameLink(long frame, String href) {
    }

    /** A piece of running text; {@code href} links it to a row of the ladder (a frame it cites), else null. */
    public record Span(String text, String href) {
    }

    /** @param explanation the explanation, the frames it cites linked to the ladder */
    public record Verdict(String code, String outcome, String certainty, String phase, String summary,
                          List<Span> explanation, String fix, List<String> mismatches, List<FrameLink> evidence,
                          List<RuledOut> ruledOut) {
    }

    /** A cause whose pattern matched the capture and which the evidence then ruled out, with the reason. */
    public record RuledOut(String code, List<Span> reason) {
    }

    /** The messages between the two peers, in capture order, and what the ladder leaves out or adds. */
    public record Ladder(String initiator, String responder, List<MessageRow> rows, List<String> notes) {
    }

    /**
     * One arrow of the ladder.
     *
     * @param toResponder the initiator sent it (the arrow points right)
     * @param decryption  "cleartext", "decrypted", "encrypted, no keys" or "decryption failed: why"
     * @param state       CSS class of the decryption state: "clear", "decrypted", "hidden", "failed"
     * @param notes       retransmission, purpose, port 4500
     */
    public record MessageRow(long frame, String anchor, String time, boolean toResponder, String label,
                             String payloads, boolean retransmission, String decryption, String state,
                             List<String> notes) {
    }

    /**
     * Phase 1 or one Phase 2 negotiation.
     *
     * @param statusClass "ok", "fail" or "unknown"
     * @param proposals   offered next to chosen; null when its contents stayed encrypted
     */
    public record Phase(String title, String status, String statusClass, ProposalTable proposals, List<Fact> facts,
                        String note) {
    }

    /** Offered combinations (one row each, or one per IKEv2 proposal) and the chosen one, column by attribute. */
    public record ProposalTable(List<Column> columns, List<ProposalRow> rows) {
    }

    /** @param differs the verdict names this attribute as one that differs between the peers */
    public record Column(String title, boolean differs) {
    }

    /** @param note instead of cells, one line across the columns ("(not seen)"); else null */
    public record ProposalRow(String label, List<String> cells, boolean chosen, String note) {
    }

    public record Finding(String severity, String code, List<Span> message, List<FrameLink> frames) {
    }

    /** One capture read; {@code seriesNote} places a file of a rotated series in it ("" for a capture alone). */
    public record Input(String path, String format, long packets, long ikeMessages, List<String> warnings,
                        String seriesNote) {
    }
}
