package io.ikescope.probe.fingerprint;

import io.ikescope.session.RetransmissionSchedule;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the copies of one answer a responder re-sent on its own timer (ike-scan's backoff method: the probe
 * never sends the next message) as a {@link Fingerprint.Backoff}: the table of {@link KnownBackoffs} first, then
 * the shape core's {@link RetransmissionSchedule} recognises (strongSwan's geometric base, libreswan's doubling,
 * PAN-OS). Timers are configurable, so a match is an inference.
 */
public final class BackoffFingerprint {
    private static final double NANOS_PER_SECOND = 1e9;

    private BackoffFingerprint() {
    }

    /**
     * @param times         when the first answer and each copy arrived (nanoseconds, the first answer first)
     * @param windowSeconds how long after the first answer the probe listened
     */
    public static Fingerprint.Backoff read(List<Long> times, double windowSeconds) {
        if (times.isEmpty()) {
            throw new IllegalArgumentException("no first answer to time copies from");
        }
        if (times.size() == 1) {
            return new Fingerprint.Backoff(List.of(), null, "the answer was not re-sent within "
                    + seconds(windowSeconds) + " s (strongSwan 5.9.8 and libreswan 4.10 responders send their MM2"
                    + " once, lab 2026-12-02)");
        }
        RetransmissionSchedule schedule = RetransmissionSchedule.read(0, times);
        List<Double> offsets = new ArrayList<>();
        schedule.offsets().forEach(o -> offsets.add(round(o)));
        KnownBackoffs.Match known = KnownBackoffs.match(schedule.intervals(), windowSeconds);
        String shape = schedule.description().substring(schedule.description().indexOf("): ") + 3);
        StringBuilder d = new StringBuilder("the answer came again at ");
        List<String> parts = new ArrayList<>();
        offsets.forEach(o -> parts.add("+" + seconds(o) + " s"));
        d.append(String.join(", ", parts)).append(" after the first: ").append(shape);
        String match;
        if (known != null) {
            match = known.pattern().implementation();
            d.append("; fits the known schedule of ").append(match).append(" (").append(known.pattern().source())
                    .append(known.partial() ? ", its first " + offsets.size() + " copies within the "
                            + seconds(windowSeconds) + " s listened" : "").append(")");
        } else {
            match = schedule.resembles();
            d.append("; fits no known schedule exactly");
        }
        return new Fingerprint.Backoff(offsets, match, d.toString());
    }

    private static double round(double seconds) {
        return BigDecimal.valueOf(seconds).setScale(3, RoundingMode.HALF_UP).doubleValue();
    }

    private static String seconds(double value) {
        BigDecimal d = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.scale() < 1 ? d.setScale(1).toPlainString() : d.toPlainString();
    }
}
