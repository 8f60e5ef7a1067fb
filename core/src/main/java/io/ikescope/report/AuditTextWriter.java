package io.ikescope.report;

import io.ikescope.audit.AuditFinding;
import io.ikescope.audit.NegotiationAudit;
import io.ikescope.audit.Rating;
import io.ikescope.audit.Source;
import io.ikescope.audit.TransformRating;
import io.ikescope.session.Negotiation;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code audit --format text}: per negotiation a compact table of every transform (phase, child, type, name,
 * chosen/offered, rating and every source), its findings, then a summary. Text from captures is escaped.
 */
public final class AuditTextWriter extends AuditWriter {
    private static final String ROW = "  %-5s %-5s %-11s %-28s %-7s %-10s %s%n";

    private final PrintWriter out;
    private final List<InputSummary> inputs = new ArrayList<>();

    public AuditTextWriter(OutputStream out) {
        this.out = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    }

    @Override
    protected void write(NegotiationAudit audit) {
        Negotiation n = audit.negotiation();
        out.printf("negotiation %s (%s): %s, %s:%d -> %s:%d, initiator SPI %s: worst %s%s%n", n.id(),
                esc(n.input()), mode(n), esc(n.initiator().address()), n.initiator().port(),
                esc(n.responder().address()), n.responder().port(), n.spiI(), audit.worst().words(),
                audit.mustNotNegotiated() ? " (a MUST NOT transform was negotiated)" : "");
        if (audit.ratings().isEmpty()) {
            out.println("  no transform seen (offer and choice not captured, or encrypted without keys)");
        } else {
            out.printf(ROW, "phase", "child", "type", "transform", "use", "rating", "sources");
        }
        for (TransformRating r : audit.ratings()) {
            out.printf(ROW, r.phase(), r.child() == null ? "-" : r.child(), r.transformType(), esc(r.name()),
                    r.chosen() ? "chosen" : "offered", r.rating().words(), cite(r.sources()));
        }
        for (AuditFinding f : audit.findings()) {
            out.printf("  %-10s %s: %s%s%s%n", f.rating().words(), f.code(), esc(f.message()),
                    f.sources().isEmpty() ? "" : " [" + cite(f.sources()) + "]",
                    f.frames().isEmpty() ? "" : " (frames " + f.frames().stream().map(String::valueOf)
                            .collect(Collectors.joining(", ")) + ")");
        }
        out.println();
    }

    private static String mode(Negotiation n) {
        return n.ikeVersion() == 2 ? "IKEv2" : "IKEv1 " + (n.exchangeMode() == null ? "(Phase 1 not captured)"
                : n.exchangeMode() + " mode");
    }

    private static String cite(List<Source> sources) {
        if (sources.isEmpty()) {
            return "-";
        }
        return sources.stream().map(s -> s.cite() + (s.note() == null ? "" : " (" + s.note() + ")"))
                .collect(Collectors.joining("; "));
    }

    private static String esc(String s) {
        return s == null ? "-" : TextEscaper.escape(s);
    }

    @Override
    public void input(InputSummary input) {
        inputs.add(input);
    }

    @Override
    public void close() throws IOException {
        for (InputSummary i : inputs) {
            for (String w : i.warnings()) {
                out.println("warning: " + esc(i.path()) + ": " + esc(w));
            }
        }
        out.printf("%s: %d negotiation(s); worst MUST NOT %d, SHOULD NOT %d, OK %d, not rated %d; %d with a MUST NOT"
                        + " transform negotiated%n", anyMustNotNegotiated() ? "FAILED" : "OK", negotiations(),
                withWorst(Rating.MUST_NOT), withWorst(Rating.SHOULD_NOT), withWorst(Rating.OK),
                withWorst(Rating.NOT_RATED), mustNotNegotiatedCount());
        out.flush();
        if (out.checkError()) {
            throw new IOException("cannot write the report");
        }
    }
}
