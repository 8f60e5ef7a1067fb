package io.ikescope.session;

/**
 * Bounds on what the reconstruction keeps.
 *
 * @param maxLiveNegotiations      negotiations tracked at once; past it the least recently active one is closed
 *                                 early (with a warning)
 * @param idleNanos                capture time without a message or ESP packet after which a negotiation is closed
 * @param maxMessagesPerNegotiation messages kept per negotiation; later ones are counted only
 * @param maxChildrenPerNegotiation Phase 2 negotiations kept per negotiation
 * @param maxHeldForOrder          closed negotiations held back so that output follows first-frame order; past it
 *                                 they are released out of order
 */
public record TrackerOptions(int maxLiveNegotiations, long idleNanos, int maxMessagesPerNegotiation,
                             int maxChildrenPerNegotiation, int maxHeldForOrder) {
    public TrackerOptions {
        if (maxLiveNegotiations < 1 || idleNanos < 1 || maxMessagesPerNegotiation < 1 || maxChildrenPerNegotiation < 1
                || maxHeldForOrder < 0) {
            throw new IllegalArgumentException("tracker limits must be positive");
        }
    }

    /** 4096 live negotiations, closed after an hour of silence, 512 messages and 64 children each, 1024 held for order. */
    public static TrackerOptions defaults() {
        return new TrackerOptions(4096, 3_600_000_000_000L, 512, 64, 1024);
    }
}
