package io.ikescope.audit;

import io.ikescope.session.Negotiation;
import java.util.List;

/**
 * The audit of one negotiation: every offered and chosen transform of both phases rated, and the findings about
 * the negotiation as a whole.
 */
public record NegotiationAudit(Negotiation negotiation, List<TransformRating> ratings, List<AuditFinding> findings) {
    public NegotiationAudit {
        ratings = List.copyOf(ratings);
        findings = List.copyOf(findings);
    }

    /** The strictest rating of what was chosen (transforms, the IKE version) and of the findings. */
    public Rating worst() {
        Rating worst = Rating.NOT_RATED;
        for (TransformRating r : ratings) {
            if (r.chosen()) {
                worst = worst.stricter(r.rating());
            }
        }
        for (AuditFinding f : findings) {
            worst = worst.stricter(f.rating());
        }
        return worst;
    }

    /** A transform both peers agreed on, or the protocol version itself, is MUST NOT: the audit fails (exit 1). */
    public boolean mustNotNegotiated() {
        for (TransformRating r : ratings) {
            if (r.chosen() && r.rating() == Rating.MUST_NOT) {
                return true;
            }
        }
        return false;
    }
}
