package io.ikescope.session;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * IKEv2: what ties an IKE SA to the one it was rekeyed from. Its CREATE_CHILD_SA exchanges (read by
 * {@link CreateChildSaTask}) may create a new IKE SA, which the capture shows as a negotiation of its own whose
 * Phase 1 is missing; that one looks here for its origin.
 */
final class RekeyTrail {
    /** Initiator SPIs of IKE SAs this one's decrypted rekeys created, and the rekey exchange's index. */
    private final Map<String, Integer> rekeyedTo = new HashMap<>();
    /** Whether any CREATE_CHILD_SA was seen: only those can be the IKE SA a new one rekeys (see link). */
    private boolean createChildSaSeen;
    /** Capture time of the latest kept CREATE_CHILD_SA message. */
    private long lastCreateChildNanos = Long.MIN_VALUE;
    private Negotiation.RekeyLink rekeyOf;

    void createChildSaSeen() {
        createChildSaSeen = true;
    }

    boolean sawCreateChildSa() {
        return createChildSaSeen;
    }

    void createChildSaKept(long nanos) {
        lastCreateChildNanos = Math.max(lastCreateChildNanos, nanos);
    }

    /** A decrypted rekey request of exchange {@code exchangeIndex} proposed {@code spi} as the new SPIi. */
    void rekeyedTo(String spi, int exchangeIndex) {
        rekeyedTo.put(spi, exchangeIndex);
    }

    /** See {@link NegotiationState#pastRekeyWindow}. */
    boolean pastWindow(long nanos, long windowNanos) {
        return rekeyedTo.isEmpty() && lastCreateChildNanos != Long.MIN_VALUE
                && nanos - lastCreateChildNanos > windowNanos;
    }

    /** The negotiation this one was rekeyed from, null when none was found. */
    Negotiation.RekeyLink origin() {
        return rekeyOf;
    }

    /**
     * Finds {@code self}'s origin among {@code samePeers}: the one whose decrypted rekey named its SPI, else one
     * whose CREATE_CHILD_SA was answered at most {@code windowNanos} before its first message (inferred).
     */
    void link(NegotiationState self, Collection<NegotiationState> samePeers, long windowNanos) {
        NegotiationState best = null;
        long bestFrame = -1;
        String spi = self.spiI.hex(); // once: many negotiations between the same peers may be live
        for (NegotiationState older : samePeers) {
            if (older == self || older.version != 2 || !older.createChildSaSeen()) {
                continue; // cheap test first: thousands of negotiations between the same peers may be live
            }
            Map<String, Integer> named = older.rekeys().rekeyedTo;
            Integer exact = named.isEmpty() ? null : named.get(spi);
            if (exact != null) {
                rekeyOf = new Negotiation.RekeyLink(older.id, older.exchanges().get(exact).frames(), false);
                return;
            }
            for (ExchangeState e : older.exchanges().all()) {
                if (e.name.equals(ExchangeNames.CREATE_CHILD_SA) && e.hasFrom(e.requester.other())
                        && !Boolean.FALSE.equals(e.child == null ? null : e.child.ikeRekey)) {
                    MessageRecord last = e.last();
                    if (self.startNanos - last.epochNanos() <= windowNanos && last.frame() > bestFrame) {
                        best = older;
                        bestFrame = last.frame();
                    }
                }
            }
        }
        if (best != null) {
            for (ExchangeState e : best.exchanges().all()) {
                if (e.name.equals(ExchangeNames.CREATE_CHILD_SA) && e.last().frame() == bestFrame) {
                    rekeyOf = new Negotiation.RekeyLink(best.id, e.frames(), true);
                }
            }
        }
    }
}
