package io.ikescope.correlation;

import io.ikescope.correlation.CaptureCorrelation.MergedMessage;
import io.ikescope.session.CapturePoint;
import io.ikescope.session.MessageRecord;
import io.ikescope.session.Negotiation;
import io.ikescope.session.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the captures of one IKE SA lie along the path, initiator's end first. Timing decides where it can: a
 * message reaches the capture nearer its sender first, so for a capture X against the base B, (tX - tB) of the
 * initiator's messages minus that of the responder's is twice the transit from B to X, whatever the clocks'
 * offset. Otherwise the capture points read from the TTLs (initiator's side, path or segment, responder's side).
 */
final class PathOrder {
    /** Transit below this is timestamp noise (microsecond pcaps, one host's namespaces). */
    static final long MIN_TRANSIT_NANOS = 20_000;

    private final int[] memberAt;
    private final int[] positionOf;
    private final String basis;
    private final Long[] offsets;
    private final List<String> notes;

    private PathOrder(int[] memberAt, String basis, Long[] offsets, List<String> notes) {
        this.memberAt = memberAt;
        this.positionOf = new int[memberAt.length];
        for (int p = 0; p < memberAt.length; p++) {
            positionOf[memberAt[p]] = p;
        }
        this.basis = basis;
        this.offsets = offsets;
        this.notes = List.copyOf(notes);
    }

    /**
     * @param merged         the merged view, {@code seen} indexed by member
     * @param pairingOffsets each member's clock minus the base's as the pairing estimated it (transit included)
     */
    static PathOrder of(List<Negotiation> members, int base, List<MergedMessage> merged, Long[] pairingOffsets) {
        int k = members.size();
        Long[] offsets = new Long[k];
        Long[] transit = new Long[k];
        offsets[base] = 0L;
        transit[base] = 0L;
        boolean timed = true;
        for (int c = 0; c < k; c++) {
            if (c == base) {
                continue;
            }
            List<Long> fromInitiator = new ArrayList<>();
            List<Long> fromResponder = new ArrayList<>();
            for (MergedMessage m : merged) {
                MessageRecord atBase = m.seen().get(base);
                MessageRecord atOther = m.seen().get(c);
                if (atBase != null && atOther != null) {
                    (atBase.from() == Role.INITIATOR ? fromInitiator : fromResponder)
                            .add(atOther.epochNanos() - atBase.epochNanos());
                }
            }
            if (!fromInitiator.isEmpty() && !fromResponder.isEmpty()) {
                long i = CopyMatcher.median(fromInitiator);
                long r = CopyMatcher.median(fromResponder);
                transit[c] = (i - r) / 2;
                offsets[c] = (i + r) / 2;
            } else if (!fromInitiator.isEmpty() || !fromResponder.isEmpty()) {
                offsets[c] = pairingOffsets[c];
            }
            timed &= transit[c] != null && Math.abs(transit[c]) >= MIN_TRANSIT_NANOS;
        }
        List<Integer> order = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            order.add(c);
        }
        List<String> notes = new ArrayList<>();
        String basis;
        if (timed) {
            order.sort((a, b) -> Long.compare(transit[a], transit[b]));
            basis = CaptureCorrelation.BY_TIMING;
            notes.addAll(disagreements(members, order));
        } else {
            order.sort((a, b) -> Integer.compare(ttlRank(members.get(a)), ttlRank(members.get(b))));
            boolean decisive = ttlRank(members.get(order.get(0))) != ttlRank(members.get(order.get(k - 1)));
            basis = decisive ? CaptureCorrelation.BY_TTL : null;
            if (!decisive) {
                order.sort(null);
            }
        }
        int[] memberAt = new int[k];
        for (int p = 0; p < k; p++) {
            memberAt[p] = order.get(p);
        }
        return new PathOrder(memberAt, basis, offsets, notes);
    }

    /** 0 at the initiator's side, 2 at the responder's, 1 elsewhere or unknown. */
    private static int ttlRank(Negotiation n) {
        String location = n.capturePoint().location();
        return CapturePoint.AT_INITIATOR.equals(location) ? 0 : CapturePoint.AT_RESPONDER.equals(location) ? 2 : 1;
    }

    /** Captures the timing puts nearer the initiator than another, while their TTLs say the reverse. */
    private static List<String> disagreements(List<Negotiation> members, List<Integer> order) {
        List<String> out = new ArrayList<>();
        for (int p = 0; p < order.size(); p++) {
            for (int q = p + 1; q < order.size(); q++) {
                Negotiation nearer = members.get(order.get(p));
                Negotiation farther = members.get(order.get(q));
                if (ttlRank(nearer) == 2 && ttlRank(farther) == 0) {
                    out.add("The TTLs place " + nearer.input() + " at the responder's side and " + farther.input()
                            + " at the initiator's, yet each message passed " + nearer.input() + " first in the"
                            + " initiator-to-responder direction: the order here follows the timing; a bridge, an"
                            + " unusual initial TTL or a mislabelled capture would explain the TTLs.");
                }
            }
        }
        return out;
    }

    String basis() {
        return basis;
    }

    int member(int position) {
        return memberAt[position];
    }

    int position(int member) {
        return positionOf[member];
    }

    Long offsetNanos(int member) {
        return offsets[member];
    }

    List<String> notes() {
        return notes;
    }

    /** "initiator", "responder", "between", or null when the order is not known. */
    String end(int position) {
        if (basis == null) {
            return null;
        }
        return position == 0 ? "initiator" : position == memberAt.length - 1 ? "responder" : "between";
    }
}
