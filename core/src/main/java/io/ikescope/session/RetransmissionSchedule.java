package io.ikescope.session;

import io.ikescope.text.Decimals;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The timing of one peer's retransmissions and the implementation default it resembles.
 *
 * <p>Only copies the peer sent on its own timer count: IKEv2 requests (a responder re-sends a response only when the
 * request comes again), and IKEv1 copies not sent right after a copy from the other peer (a reply to a duplicate).
 * Of those chains, the longest is read. Defaults: strongSwan waits {@code retransmit_timeout} 4 s, then each wait is
 * {@code retransmit_base} 1.8 times the last (both configurable, so the shape counts: geometric, base about 1.3 to
 * 1.9; field notes 2.1); libreswan re-sends at DELAY, 2 DELAY, 4 DELAY ... after the first send (waits DELAY, DELAY,
 * 2 DELAY ...; retransmit-interval 500 ms; libreswan v4.10 retransmit.c, double_delay); PAN-OS waits 1, 2, 4 ... 64 s
 * (field notes 2.6). A resemblance is an inference: any of them can be configured to look like another.
 *
 * @param original     the frame of the message retransmitted
 * @param offsets      seconds from the original to each copy
 * @param intervals    seconds between consecutive copies (the original first)
 * @param base         the ratio between consecutive intervals when they grow geometrically, else null
 * @param resembles    the implementation whose default this looks like, or null
 * @param description  the evidence in words ("retransmissions of frame 1 at +1.0 s, +2.4 s (waits 1.0 s, 1.4 s):
 *                     geometric, base 1.4: strongSwan-like ...")
 */
public record RetransmissionSchedule(long original, List<Double> offsets, List<Double> intervals, Double base,
                              String resembles, String description) {
    /** Consecutive ratios may differ by this fraction of their mean and still count as one geometric base. */
    private static final double RATIO_SPREAD = 0.15;
    /** A constant interval: ratios within this of 1. */
    private static final double CONSTANT_TOLERANCE = 0.1;
    private static final double DOUBLING = 2.0;
    private static final double DOUBLING_TOLERANCE = 0.12;
    /** An offset fits DELAY * 2^k when within this fraction of it (timers fire a few milliseconds late). */
    private static final double POWER_OF_TWO_TOLERANCE = 0.05;
    /** strongSwan's retransmit_base default is 1.8; the lab runs 1.4; accepted as strongSwan-like in this range. */
    private static final double STRONGSWAN_BASE_MIN = 1.3;
    private static final double STRONGSWAN_BASE_MAX = 1.9;
    private static final double STRONGSWAN_FIRST_WAIT = 4.0;
    private static final double STRONGSWAN_FIRST_WAIT_TOLERANCE = 0.3;
    private static final double LIBRESWAN_FIRST_WAIT = 0.5;
    private static final double PAN_OS_FIRST_WAIT = 1.0;
    private static final double FIRST_WAIT_TOLERANCE = 0.1;
    /** An IKEv1 copy this soon after the other peer's copy answers that duplicate rather than a timer. */
    private static final long REPLY_WINDOW_NANOS = 10_000_000L;
    private static final double NANOS_PER_SECOND = 1e9;

    static final String STRONGSWAN = "strongSwan";
    static final String LIBRESWAN = "libreswan";
    static final String PAN_OS = "PAN-OS";

    /**
     * The longest chain of timer-driven retransmissions by {@code role}, or null when it sent none. An IKEv1 copy
     * sent right after a copy from the other peer may answer that duplicate, or come from a timer that runs in step
     * with the other peer's (both sides libreswan, started within a millisecond): the whole chain is read first, and
     * only when it fits no known timer are such copies left out.
     */
    static RetransmissionSchedule of(Role role, List<MessageRecord> messages) {
        RetransmissionSchedule whole = longest(chains(role, messages, false));
        if (whole != null && whole.resembles() != null) {
            return whole;
        }
        return longest(chains(role, messages, true));
    }

    /** Whether copies at these times (capture nanoseconds, the original first) fit a retransmission timer alone. */
    public static boolean fitsTimer(List<Long> times) {
        if (times.size() < 2) {
            return false;
        }
        RetransmissionSchedule s = read(times.get(0), times);
        return s.resembles() != null || s.base() != null;
    }

    private static Map<Long, List<Long>> chains(Role role, List<MessageRecord> messages, boolean withoutReplies) {
        Map<Long, List<Long>> chains = new LinkedHashMap<>();
        long otherCopyNanos = Long.MIN_VALUE;
        for (MessageRecord m : messages) {
            if (m.from() != role) {
                if (m.retransmission()) {
                    otherCopyNanos = m.epochNanos();
                }
                continue;
            }
            boolean ikev2Response = m.step().equals("response");
            if (ikev2Response || m.fragment() != null && m.fragment().number() != 1) {
                continue; // responses follow the requester's timer; one fragment per copy is enough to time it
            }
            if (!m.retransmission()) {
                chains.put(m.frame(), new ArrayList<>(List.of(m.epochNanos())));
                continue;
            }
            List<Long> chain = chains.get(m.retransmissionOf());
            boolean reply = otherCopyNanos != Long.MIN_VALUE && m.epochNanos() - otherCopyNanos <= REPLY_WINDOW_NANOS;
            if (chain != null && !(reply && withoutReplies)) {
                chain.add(m.epochNanos());
            }
        }
        return chains;
    }

    private static RetransmissionSchedule longest(Map<Long, List<Long>> chains) {
        long best = -1;
        int bestCopies = 0;
        for (Map.Entry<Long, List<Long>> e : chains.entrySet()) {
            if (e.getValue().size() - 1 > bestCopies) {
                best = e.getKey();
                bestCopies = e.getValue().size() - 1;
            }
        }
        return bestCopies == 0 ? null : read(best, chains.get(best));
    }

    /** A chain's times (capture nanoseconds, the original first) read as a schedule. */
    public static RetransmissionSchedule read(long original, List<Long> times) {
        List<Double> offsets = new ArrayList<>();
        List<Double> intervals = new ArrayList<>();
        for (int i = 1; i < times.size(); i++) {
            offsets.add((times.get(i) - times.get(0)) / NANOS_PER_SECOND);
            intervals.add((times.get(i) - times.get(i - 1)) / NANOS_PER_SECOND);
        }
        Double base = geometricBase(intervals);
        String resembles = null;
        String shape;
        double first = intervals.get(0);
        if (offsets.size() >= 2 && powersOfTwo(offsets)) {
            resembles = LIBRESWAN;
            shape = "re-sent at " + text(first) + " s times 1, 2, 4 ... after the first send: libreswan-like"
                    + (near(first, LIBRESWAN_FIRST_WAIT, FIRST_WAIT_TOLERANCE)
                    ? " (its default retransmit-interval, 500 ms)" : " (retransmit-interval " + text(first) + " s)");
        } else if (base == null) {
            if (intervals.size() == 1) {
                shape = "one retransmission";
                if (near(first, STRONGSWAN_FIRST_WAIT, STRONGSWAN_FIRST_WAIT_TOLERANCE)) {
                    resembles = STRONGSWAN;
                    shape += ", after strongSwan's default first wait (4 s)";
                } else if (near(first, LIBRESWAN_FIRST_WAIT, FIRST_WAIT_TOLERANCE)) {
                    resembles = LIBRESWAN;
                    shape += ", after libreswan's default first wait (500 ms)";
                }
            } else {
                shape = "irregular waits";
            }
        } else if (Math.abs(base - 1) <= CONSTANT_TOLERANCE) {
            shape = "constant waits";
        } else if (Math.abs(base - DOUBLING) <= DOUBLING_TOLERANCE) {
            shape = "doubling waits";
            if (near(first, PAN_OS_FIRST_WAIT, FIRST_WAIT_TOLERANCE)) {
                resembles = PAN_OS;
                shape += " from 1 s: PAN-OS-like (1, 2, 4 ... 64 s)";
            }
        } else if (base >= STRONGSWAN_BASE_MIN && base <= STRONGSWAN_BASE_MAX) {
            resembles = STRONGSWAN;
            shape = "geometric, base " + text(base) + ": strongSwan-like (retransmit_base, default 1.8"
                    + (near(first, STRONGSWAN_FIRST_WAIT, STRONGSWAN_FIRST_WAIT_TOLERANCE)
                    ? "; first wait 4 s, its default)" : ")");
        } else {
            shape = "geometric, base " + text(base);
        }
        String description = "retransmissions of frame " + original + " at " + join(offsets, "+") + " (waits "
                + join(intervals, "") + "): " + shape;
        return new RetransmissionSchedule(original, offsets, intervals, base, resembles, description);
    }

    /** The common ratio of consecutive intervals when they have one (at least two intervals), else null. */
    private static Double geometricBase(List<Double> intervals) {
        if (intervals.size() < 2) {
            return null;
        }
        double logSum = 0;
        double min = Double.MAX_VALUE;
        double max = 0;
        for (int i = 1; i < intervals.size(); i++) {
            if (intervals.get(i - 1) <= 0) {
                return null;
            }
            double ratio = intervals.get(i) / intervals.get(i - 1);
            if (ratio <= 0) {
                return null;
            }
            logSum += Math.log(ratio);
            min = Math.min(min, ratio);
            max = Math.max(max, ratio);
        }
        double mean = Math.exp(logSum / (intervals.size() - 1));
        return (max - min) <= RATIO_SPREAD * mean ? mean : null;
    }

    /** Every offset is the first one times a distinct power of two (libreswan's DELAY * 2^k), a copy or two missing. */
    private static boolean powersOfTwo(List<Double> offsets) {
        double delay = offsets.get(0);
        if (delay <= 0) {
            return false;
        }
        long previous = 0;
        for (int i = 1; i < offsets.size(); i++) {
            double multiple = offsets.get(i) / delay;
            long power = Math.round(Math.log(multiple) / Math.log(2));
            if (power <= previous || Math.abs(multiple - Math.pow(2, power)) > POWER_OF_TWO_TOLERANCE * multiple) {
                return false;
            }
            previous = power;
        }
        return true;
    }

    private static boolean near(double value, double target, double tolerance) {
        return Math.abs(value - target) <= tolerance;
    }

    private static String join(List<Double> seconds, String sign) {
        List<String> parts = new ArrayList<>();
        for (double s : seconds) {
            parts.add(sign + text(s) + " s");
        }
        return String.join(", ", parts);
    }

    /** Seconds (or a ratio) to at most two decimals, without trailing zeros (1.4, 0.5, 2.4, 0.25). */
    static String text(double value) {
        return Decimals.halfUpTrimmed(value, 2);
    }
}
