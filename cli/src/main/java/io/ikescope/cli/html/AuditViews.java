package io.ikescope.cli.html;

import io.ikescope.audit.AuditFinding;
import io.ikescope.audit.Auditor;
import io.ikescope.audit.NegotiationAudit;
import io.ikescope.audit.Rating;
import io.ikescope.audit.Source;
import io.ikescope.audit.TransformRating;
import io.ikescope.report.TextEscaper;
import io.ikescope.session.Negotiation;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The HTML report's Audit section: the same ratings as {@code ikescope audit}. */
final class AuditViews {
    private AuditViews() {
    }

    static Views.Audit of(Negotiation n) {
        NegotiationAudit audit = Auditor.audit(n);
        List<Views.AuditRow> rows = new ArrayList<>();
        for (TransformRating r : audit.ratings()) {
            String where = r.phase() == 1 ? "Phase 1" : "Child " + r.child();
            String sources = r.sources().stream().map(AuditViews::cite).collect(Collectors.joining("; "));
            rows.add(new Views.AuditRow(where, r.transformType(), TextEscaper.escape(r.name()),
                    r.chosen() ? "chosen" : "offered", r.rating().words(), cssClass(r.rating()),
                    sources.isEmpty() ? "-" : sources));
        }
        List<Views.AuditNote> notes = new ArrayList<>();
        for (AuditFinding f : audit.findings()) {
            String sources = f.sources().isEmpty() ? ""
                    : " [" + f.sources().stream().map(AuditViews::cite).collect(Collectors.joining("; ")) + "]";
            notes.add(new Views.AuditNote(f.rating().words(), cssClass(f.rating()), f.code(),
                    TextEscaper.escape(f.message()) + sources));
        }
        return new Views.Audit(audit.worst().words(), cssClass(audit.worst()), rows, notes);
    }

    private static String cite(Source s) {
        return s.cite() + (s.note() == null ? "" : " (" + s.note() + ")");
    }

    private static String cssClass(Rating r) {
        return switch (r) {
            case MUST_NOT -> "fail";
            case SHOULD_NOT, NOT_RATED -> "unknown";
            case OK -> "ok";
        };
    }
}
