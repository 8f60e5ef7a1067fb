package io.ikescope.report;

import io.ikescope.audit.Auditor;
import io.ikescope.audit.NegotiationAudit;
import io.ikescope.audit.Rating;
import io.ikescope.diagnosis.Diagnosis;
import io.ikescope.session.Negotiation;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@code ikescope audit}: fed by the same reconstruction as {@code diagnose} (it is a {@link DiagnoseWriter}), it
 * audits each negotiation as it is finished and keeps only the counts for the summary and the exit status.
 */
public abstract class AuditWriter implements DiagnoseWriter {
    private final Map<Rating, Integer> byWorst = new EnumMap<>(Rating.class);
    private int negotiations;
    private int mustNotNegotiated;

    @Override
    public final void negotiation(Negotiation negotiation, Diagnosis diagnosis) throws IOException {
        NegotiationAudit audit = Auditor.audit(negotiation);
        negotiations++;
        byWorst.merge(audit.worst(), 1, Integer::sum);
        if (audit.mustNotNegotiated()) {
            mustNotNegotiated++;
        }
        write(audit);
    }

    protected abstract void write(NegotiationAudit audit) throws IOException;

    /** Some negotiation agreed on a MUST NOT transform: {@code audit} exits with 1. */
    public boolean anyMustNotNegotiated() {
        return mustNotNegotiated > 0;
    }

    protected int negotiations() {
        return negotiations;
    }

    protected int mustNotNegotiatedCount() {
        return mustNotNegotiated;
    }

    /** How many negotiations have each rating as their worst. */
    protected int withWorst(Rating rating) {
        return byWorst.getOrDefault(rating, 0);
    }
}
