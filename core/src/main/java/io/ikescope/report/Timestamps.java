package io.ikescope.report;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * ISO-8601 UTC text for capture timestamps. Microseconds always (pcap's usual precision, as in
 * "2026-11-26T23:58:18.462487Z"); nanoseconds only when the timestamp has sub-microsecond digits, which only
 * nanosecond-precision captures produce.
 */
public final class Timestamps {
    private Timestamps() {
    }

    /**
     * The text of {@code epochNanos}, written digit by digit: the JDK's formatter prints fractions through
     * BigDecimal, whose first use costs a run about 10 ms of cold code. A long of nanoseconds spans the years
     * 1677 to 2262, always four digits.
     */
    public static String iso(long epochNanos) {
        int nano = (int) Math.floorMod(epochNanos, 1_000_000_000L);
        LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L), nano, ZoneOffset.UTC);
        boolean micros = nano % 1000 == 0;
        StringBuilder b = new StringBuilder(30);
        digits(b, t.getYear(), 4).append('-');
        digits(b, t.getMonthValue(), 2).append('-');
        digits(b, t.getDayOfMonth(), 2).append('T');
        digits(b, t.getHour(), 2).append(':');
        digits(b, t.getMinute(), 2).append(':');
        digits(b, t.getSecond(), 2).append('.');
        return (micros ? digits(b, nano / 1000, 6) : digits(b, nano, 9)).append('Z').toString();
    }

    /** Appends {@code value} (not negative) with leading zeros to {@code width} digits. */
    static StringBuilder digits(StringBuilder b, int value, int width) {
        String s = Integer.toString(value);
        for (int i = s.length(); i < width; i++) {
            b.append('0');
        }
        return b.append(s);
    }
}
