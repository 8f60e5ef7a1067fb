package io.ikescope.session;

import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The live negotiations between one pair of addresses. A peer that retries for an hour keeps thousands of them
 * live, so the two questions asked per packet are answered without scanning them all: which one was active last
 * (for ESP and lost fragments), and which ones ran a CREATE_CHILD_SA (the only ones a new IKE SA can rekey).
 */
final class PeerGroup {
    /** In creation order. */
    private final Set<NegotiationState> all = new LinkedHashSet<>();
    private final Set<NegotiationState> rekeying = new LinkedHashSet<>();
    /** The one whose last IKE message is latest (ties: the later created); null when it must be looked for. */
    private NegotiationState latest;
    /** {@code latest.lastNanos} when it was chosen. */
    private long latestNanos;

    void add(NegotiationState n) {
        all.add(n);
        touched(n);
    }

    /** Call after each IKE message of {@code n}. */
    void touched(NegotiationState n) {
        if (n.createChildSaSeen() && !n.pastRekeyWindow(n.lastNanos, 0)) {
            rekeying.add(n); // again after being forgotten only when a new CREATE_CHILD_SA came
        }
        if (latest == n) {
            if (n.lastNanos >= latestNanos) {
                latestNanos = n.lastNanos;
            } else {
                latest = null; // its time stepped back (timestamps out of order): look again when asked
            }
        } else if (latest != null && (n.lastNanos > latest.lastNanos
                || n.lastNanos == latest.lastNanos && n.order() > latest.order())) {
            choose(n);
        } else if (latest == null && all.size() == 1) {
            choose(n);
        }
    }

    private void choose(NegotiationState n) {
        latest = n;
        latestNanos = n.lastNanos;
    }

    void remove(NegotiationState n) {
        all.remove(n);
        rekeying.remove(n);
        if (latest == n) {
            latest = null;
        }
    }

    boolean isEmpty() {
        return all.isEmpty();
    }

    /**
     * Those that ran a CREATE_CHILD_SA and may still be rekeyed by an IKE SA starting at {@code nanos} (see
     * {@link NegotiationState#pastRekeyWindow}), in the order they first did: the oldest that are past the window
     * are forgotten here first, so the set stays as small as the window.
     */
    Collection<NegotiationState> rekeying(long nanos, long windowNanos) {
        Iterator<NegotiationState> it = rekeying.iterator();
        while (it.hasNext()) {
            NegotiationState n = it.next();
            if (!n.pastRekeyWindow(nanos, windowNanos)) {
                break;
            }
            it.remove();
        }
        return rekeying;
    }

    /** The live negotiation whose last IKE message is latest, or null when none is live. */
    NegotiationState latest() {
        if (latest == null) {
            for (NegotiationState n : all) {
                if (latest == null || n.lastNanos >= latest.lastNanos) {
                    choose(n);
                }
            }
        }
        return latest;
    }
}
