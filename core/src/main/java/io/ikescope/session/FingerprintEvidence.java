package io.ikescope.session;

import io.ikescope.wire.Payload;
import io.ikescope.wire.VendorIdPayload;
import io.ikescope.wire.registry.VendorIds;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects what names each peer's implementation while a negotiation is read (the product vendor IDs it sent, a few
 * per peer), and at the end adds the timing of its retransmissions, read from the kept messages.
 */
final class FingerprintEvidence {
    /** Distinct product vendor IDs kept per peer; real peers send one or two. */
    static final int MAX_VENDOR_IDS = 4;

    private record Seen(String implementation, VendorIds.Match match, long frame) {
    }

    private final List<List<Seen>> vendorIds = List.of(new ArrayList<>(), new ArrayList<>());

    /** The product vendor IDs among one message's visible payloads. */
    void message(Role from, long frame, List<Payload> visible) {
        List<Seen> seen = vendorIds.get(from.ordinal());
        for (Payload p : visible) {
            if (!(p instanceof VendorIdPayload vid) || seen.size() >= MAX_VENDOR_IDS) {
                continue;
            }
            VendorIds.Match match = VendorIds.lookup(vid.data().toArray());
            String implementation = match == null ? null : ImplementationNames.of(match.vendor());
            if (implementation != null && seen.stream().noneMatch(s -> s.match().equals(match))) {
                seen.add(new Seen(implementation, match, frame));
            }
        }
    }

    /** The peer's fingerprint, or null when nothing was seen that tells. */
    Fingerprint build(Role role, List<MessageRecord> messages) {
        List<String> evidence = new ArrayList<>();
        String name = null;
        String version = null;
        String basis = null;
        for (Seen s : vendorIds.get(role.ordinal())) {
            evidence.add("vendor ID '" + s.match().display() + "' in frame " + s.frame());
            if (name == null) {
                name = s.implementation();
                version = s.match().version();
                basis = Fingerprint.VENDOR_ID;
            } else if (!name.equals(s.implementation())) {
                evidence.add("vendor IDs name different implementations (" + name + ", " + s.implementation()
                        + "); the first is reported");
            }
        }
        RetransmissionSchedule schedule = RetransmissionSchedule.of(role, messages);
        if (schedule != null) {
            String line = schedule.description();
            if (name != null && schedule.resembles() != null && !schedule.resembles().equals(name)) {
                line += ", which does not fit the vendor ID (timers are configurable)";
            }
            evidence.add(line);
            if (name == null && schedule.resembles() != null) {
                name = schedule.resembles();
                basis = Fingerprint.RETRANSMISSIONS;
            }
        }
        return evidence.isEmpty() ? null : new Fingerprint(name, version, basis, evidence);
    }
}
