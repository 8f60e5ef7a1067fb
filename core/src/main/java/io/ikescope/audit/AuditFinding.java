package io.ikescope.audit;

import java.util.List;

/**
 * An audit observation about a negotiation as a whole: a weak offer, Aggressive Mode with a pre-shared key, a
 * child SA without PFS, a long lifetime, no post-quantum key exchange.
 *
 * @param code    DOWNGRADE_EXPOSURE, AGGRESSIVE_MODE_PSK, NO_PFS, LIFETIME_TOO_LONG, NO_POST_QUANTUM_KE,
 *                POST_QUANTUM_KE, NULL_ENCRYPTION
 * @param rating  how serious, on the scale of the transforms (OK for information)
 * @param sources the documents the rating rests on (empty when the reason is the attack itself, named in the
 *                message)
 */
public record AuditFinding(String code, Rating rating, String message, List<Long> frames, List<Source> sources) {
    public AuditFinding {
        frames = List.copyOf(frames);
        sources = List.copyOf(sources);
    }
}
