package io.ikescope.session;

import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Passes closed negotiations on in order of their ids (first-message order) although they close in another order:
 * a negotiation waits while an older one is still live, but at most {@code maxHeld} wait; past that the oldest
 * waiting one goes out of order, so memory stays bounded by the limit and not by the capture.
 */
final class OrderedRelease {
    private final Consumer<Negotiation> sink;
    private final int maxHeld;
    private final TreeSet<Long> live = new TreeSet<>();
    private final TreeMap<Long, Negotiation> held = new TreeMap<>();
    private boolean outOfOrder;

    OrderedRelease(Consumer<Negotiation> sink, int maxHeld) {
        this.sink = sink;
        this.maxHeld = maxHeld;
    }

    void opened(String id) {
        live.add(Long.parseLong(id));
    }

    void closed(Negotiation n) {
        long id = Long.parseLong(n.id());
        live.remove(id);
        held.put(id, n);
        drain();
        while (held.size() > maxHeld) {
            outOfOrder = true;
            sink.accept(held.pollFirstEntry().getValue());
        }
    }

    /** True once a negotiation had to go out before an older one. */
    boolean wentOutOfOrder() {
        return outOfOrder;
    }

    private void drain() {
        while (!held.isEmpty() && (live.isEmpty() || held.firstKey() < live.first())) {
            Map.Entry<Long, Negotiation> e = held.pollFirstEntry();
            sink.accept(e.getValue());
        }
    }
}
