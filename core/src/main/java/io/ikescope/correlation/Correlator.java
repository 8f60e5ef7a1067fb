package io.ikescope.correlation;

import io.ikescope.correlation.CaptureCorrelation.CapturePointView;
import io.ikescope.correlation.CaptureCorrelation.MergedMessage;
import io.ikescope.session.MessageRecord;
import io.ikescope.session.Negotiation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Recognises the same IKE SA in several captures (taken at both ends, or along the path) and merges what each saw.
 * Negotiations of different inputs are one IKE SA when they share the IKE version and initiator SPI (IKEv1: cookie)
 * and, where both know it, the responder SPI; addresses and ports are not compared, since a NAT between the
 * capture points changes them. Each IKE SA is reported once, by its most complete capture's negotiation, with a
 * {@link CaptureCorrelation} saying which capture holds each message.
 */
public final class Correlator {

    /** A negotiation to report, with what other captures of its IKE SA say (null when no other one holds it). */
    public record Correlated(Negotiation negotiation, CaptureCorrelation correlation) {
    }

    private Correlator() {
    }

    /** One entry per IKE SA, in the order their first negotiation came. */
    public static List<Correlated> correlate(List<Negotiation> negotiations) {
        List<Correlated> out = new ArrayList<>();
        for (List<Negotiation> group : group(negotiations)) {
            out.add(group.size() == 1 ? new Correlated(group.get(0), null) : merge(group));
        }
        return out;
    }

    /** Negotiations grouped by IKE SA; at most one per input in a group. */
    static List<List<Negotiation>> group(List<Negotiation> negotiations) {
        Map<String, List<List<Negotiation>>> bySpi = new HashMap<>();
        List<List<Negotiation>> groups = new ArrayList<>();
        for (Negotiation n : negotiations) {
            List<List<Negotiation>> candidates = bySpi.computeIfAbsent(n.ikeVersion() + "/" + n.spiI(),
                    k -> new ArrayList<>());
            List<Negotiation> target = null;
            for (List<Negotiation> g : candidates) {
                if (joins(g, n)) {
                    target = g;
                    break;
                }
            }
            if (target == null) {
                target = new ArrayList<>();
                candidates.add(target);
                groups.add(target);
            }
            target.add(n);
        }
        return groups;
    }

    private static boolean joins(List<Negotiation> group, Negotiation n) {
        for (Negotiation member : group) {
            if (member.input().equals(n.input())
                    || member.spiR() != null && n.spiR() != null && !member.spiR().equals(n.spiR())) {
                return false;
            }
        }
        return true;
    }

    /** One message of the merged view while it is built: its time in the base capture's clock. */
    private static final class Slot {
        final MessageSignature signature;
        final long refNanos;
        final MessageRecord[] seen;

        Slot(MessageSignature signature, long refNanos, int captures, int at, MessageRecord m) {
            this.signature = signature;
            this.refNanos = refNanos;
            this.seen = new MessageRecord[captures];
            this.seen[at] = m;
        }
    }

    static Correlated merge(List<Negotiation> members) {
        int base = mostComplete(members);
        int k = members.size();
        List<Slot> slots = new ArrayList<>();
        for (MessageRecord m : members.get(base).messages()) {
            slots.add(new Slot(MessageSignature.of(m), m.epochNanos(), k, base, m));
        }
        Long[] offsets = new Long[k];
        offsets[base] = 0L;
        for (int c = 0; c < k; c++) {
            if (c != base) {
                offsets[c] = pairInto(slots, members.get(c), c, k,
                        members.get(c).startNanos() - members.get(base).startNanos());
            }
        }
        List<MergedMessage> merged = new ArrayList<>(slots.size());
        for (Slot s : slots) {
            MessageRecord representative = s.seen[base];
            for (int i = 0; representative == null; i++) {
                representative = s.seen[i];
            }
            merged.add(new MergedMessage(representative, Arrays.asList(s.seen)));
        }
        PathOrder order = PathOrder.of(members, base, merged, offsets);
        List<CapturePointView> views = new ArrayList<>();
        for (int position = 0; position < k; position++) {
            int c = order.member(position);
            Negotiation n = members.get(c);
            views.add(new CapturePointView(n.input(), n.id(), order.end(position), n.capturePoint().location(),
                    n.messages().size(), order.offsetNanos(c)));
        }
        List<MergedMessage> inOrder = new ArrayList<>(merged.size());
        for (MergedMessage m : merged) {
            MessageRecord[] seen = new MessageRecord[k];
            for (int position = 0; position < k; position++) {
                seen[position] = m.seen().get(order.member(position));
            }
            inOrder.add(new MergedMessage(m.message(), Arrays.asList(seen)));
        }
        int basePosition = order.position(base);
        List<Negotiation> byPosition = new ArrayList<>(k);
        for (int position = 0; position < k; position++) {
            byPosition.add(members.get(order.member(position)));
        }
        PathConclusions conclusions = new PathConclusions(byPosition, views, basePosition, order.basis(), inOrder,
                order.notes());
        return new Correlated(members.get(base), new CaptureCorrelation(views, basePosition, order.basis(), inOrder,
                conclusions.conclusions(), conclusions.evidence()));
    }

    /**
     * Pairs one more capture's messages with the merged view and adds those it alone holds; returns its clock
     * offset to the base capture (the start times' difference when no message could be paired).
     */
    private static long pairInto(List<Slot> slots, Negotiation other, int at, int captures, long fallbackOffset) {
        List<CopyMatcher.Timed> left = new ArrayList<>(slots.size());
        slots.forEach(s -> left.add(new CopyMatcher.Timed(s.signature, s.refNanos)));
        List<CopyMatcher.Timed> right = new ArrayList<>(other.messages().size());
        other.messages().forEach(m -> right.add(new CopyMatcher.Timed(MessageSignature.of(m), m.epochNanos())));
        CopyMatcher.Pairing pairing = CopyMatcher.pair(left, right);
        long offset = pairing.offsetNanos() == null ? fallbackOffset : pairing.offsetNanos();
        boolean[] paired = new boolean[right.size()];
        for (int i = 0; i < left.size(); i++) {
            int j = pairing.rightOf()[i];
            if (j >= 0) {
                slots.get(i).seen[at] = other.messages().get(j);
                paired[j] = true;
            }
        }
        for (int j = 0; j < right.size(); j++) {
            if (!paired[j]) {
                MessageRecord m = other.messages().get(j);
                slots.add(new Slot(right.get(j).signature(), m.epochNanos() - offset, captures, at, m));
            }
        }
        slots.sort((a, b) -> Long.compare(a.refNanos, b.refNanos)); // stable: the base's own order stays
        return offset;
    }

    /** The member with the most whole messages; the first of equals. */
    private static int mostComplete(List<Negotiation> members) {
        int best = 0;
        long bestCount = -1;
        for (int i = 0; i < members.size(); i++) {
            long count = members.get(i).messages().stream().filter(m -> !m.fragmentPart()).count();
            if (count > bestCount) {
                best = i;
                bestCount = count;
            }
        }
        return best;
    }
}
