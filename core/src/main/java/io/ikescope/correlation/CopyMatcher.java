package io.ikescope.correlation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairs the messages of one capture with the same messages in another. Messages are compared by
 * {@link MessageSignature}; a signature seen once in each capture is the same message whatever the clocks say (an
 * anchor). Identical copies (retransmissions) are paired in order, each with the copy whose time, moved by the
 * clock offset the anchors give, lies closest: a copy lost before one capture point leaves a gap instead of
 * shifting every later pair. Work is linear in the messages per signature group, bounded by the tracker's
 * per-negotiation limit; no pair of whole message lists is compared.
 */
final class CopyMatcher {
    /** Below any retransmission interval we know (libreswan's 0.5 s is the shortest): half of it still tells copies apart. */
    private static final long MIN_TOLERANCE_NANOS = 5_000_000L;
    private static final long MAX_TOLERANCE_NANOS = 2_000_000_000L;
    /** Clock offsets tried when no anchor gives one. */
    private static final int MAX_CANDIDATE_OFFSETS = 64;

    /** One message to pair: its signature and its capture time. */
    record Timed(MessageSignature signature, long nanos) {
    }

    /**
     * @param rightOf      for each left message the index of its right partner, or -1
     * @param offsetNanos  right clock minus left clock as the pairs suggest (transit included), or null when
     *                     nothing could be paired
     */
    record Pairing(int[] rightOf, Long offsetNanos) {
        int matched() {
            int n = 0;
            for (int r : rightOf) {
                n += r >= 0 ? 1 : 0;
            }
            return n;
        }
    }

    private CopyMatcher() {
    }

    static Pairing pair(List<Timed> left, List<Timed> right) {
        Map<MessageSignature, List<Integer>> leftGroups = groups(left);
        Map<MessageSignature, List<Integer>> rightGroups = groups(right);
        int[] rightOf = new int[left.size()];
        Arrays.fill(rightOf, -1);
        List<Long> anchorOffsets = new ArrayList<>();
        List<Long> candidates = new ArrayList<>();
        for (Map.Entry<MessageSignature, List<Integer>> e : leftGroups.entrySet()) {
            List<Integer> l = e.getValue();
            List<Integer> r = rightGroups.get(e.getKey());
            if (r == null) {
                continue;
            }
            if (l.size() == 1 && r.size() == 1) {
                rightOf[l.get(0)] = r.get(0);
                anchorOffsets.add(right.get(r.get(0)).nanos() - left.get(l.get(0)).nanos());
            } else if (candidates.size() < MAX_CANDIDATE_OFFSETS) {
                candidates.add(right.get(r.get(0)).nanos() - left.get(l.get(0)).nanos());
                candidates.add(right.get(r.get(r.size() - 1)).nanos() - left.get(l.get(l.size() - 1)).nanos());
            }
        }
        Long offset = anchorOffsets.isEmpty() ? null : median(anchorOffsets);
        if (offset == null) {
            // no message is unique in both: the offset that pairs the most copies
            int best = -1;
            for (long candidate : candidates) {
                int[] trial = rightOf.clone();
                int n = pairCopies(left, right, leftGroups, rightGroups, candidate, trial);
                if (n > best) {
                    best = n;
                    offset = candidate;
                }
            }
        }
        if (offset != null) {
            pairCopies(left, right, leftGroups, rightGroups, offset, rightOf);
        }
        Pairing pairing = new Pairing(rightOf, offset);
        return pairing.matched() == 0 ? new Pairing(rightOf, null) : pairing;
    }

    /** Pairs the copies of every signature both captures hold more than once; returns the pairs made. */
    private static int pairCopies(List<Timed> left, List<Timed> right, Map<MessageSignature, List<Integer>> leftGroups,
                                  Map<MessageSignature, List<Integer>> rightGroups, long offset, int[] rightOf) {
        int made = 0;
        for (Map.Entry<MessageSignature, List<Integer>> e : leftGroups.entrySet()) {
            List<Integer> l = e.getValue();
            List<Integer> r = rightGroups.get(e.getKey());
            if (r == null || l.size() == 1 && r.size() == 1) {
                continue;
            }
            long tolerance = tolerance(left, l, right, r);
            int i = 0;
            int j = 0;
            while (i < l.size() && j < r.size()) {
                long drift = right.get(r.get(j)).nanos() - offset - left.get(l.get(i)).nanos();
                if (Math.abs(drift) <= tolerance) {
                    rightOf[l.get(i)] = r.get(j);
                    made++;
                    i++;
                    j++;
                } else if (drift < 0) {
                    j++; // a right copy the left capture did not see
                } else {
                    i++; // a left copy that never reached the right capture
                }
            }
        }
        return made;
    }

    /** Less than half the shortest spacing between copies, so that a pair never straddles two copies. */
    private static long tolerance(List<Timed> left, List<Integer> l, List<Timed> right, List<Integer> r) {
        long gap = Math.min(shortestGap(left, l), shortestGap(right, r));
        return Math.max(MIN_TOLERANCE_NANOS, Math.min(MAX_TOLERANCE_NANOS, gap * 45 / 100));
    }

    private static long shortestGap(List<Timed> timed, List<Integer> indices) {
        long gap = Long.MAX_VALUE;
        for (int k = 1; k < indices.size(); k++) {
            gap = Math.min(gap, timed.get(indices.get(k)).nanos() - timed.get(indices.get(k - 1)).nanos());
        }
        return gap;
    }

    private static Map<MessageSignature, List<Integer>> groups(List<Timed> timed) {
        Map<MessageSignature, List<Integer>> out = new LinkedHashMap<>();
        for (int i = 0; i < timed.size(); i++) {
            out.computeIfAbsent(timed.get(i).signature(), k -> new ArrayList<>()).add(i);
        }
        return out;
    }

    static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
    }
}
