package io.ikescope.report;

import io.ikescope.text.Decimals;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * ISO-8601 UTC text for capture timestamps, and durations in seconds. Microseconds always (pcap's usual precision, as in
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
        Decimals.zeroPadded(b, t.getYear(), 4).append('-');
        Decimals.zeroPadded(b, t.getMonthValue(), 2).append('-');
        Decimals.zeroPadded(b, t.getDayOfMonth(), 2).append('T');
        Decimals.zeroPadded(b, t.getHour(), 2).append(':');
        Decimals.zeroPadded(b, t.getMinute(), 2).append(':');
        Decimals.zeroPadded(b, t.getSecond(), 2).append('.');
        return (micros ? Decimals.zeroPadded(b, nano / 1000, 6) : Decimals.zeroPadded(b, nano, 9)).append('Z').toString();
    }

    /**
     * Seconds with microsecond precision (half a microsecond rounded away from zero), trailing zeros dropped: 0.027,
     * not 0.027000; 30, not 30.0. Written digit by digit: BigDecimal's first use costs a run about 10 ms.
     */
    public static String seconds(long nanos) {
        long magnitude = Math.abs(nanos);
        long micros = magnitude / 1000 + (magnitude % 1000 >= 500 ? 1 : 0);
        if (micros == 0) {
            return "0";
        }
        StringBuilder b = new StringBuilder(nanos < 0 ? "-" : "").append(micros / 1_000_000);
        int fraction = (int) (micros % 1_000_000);
        if (fraction != 0) {
            Decimals.zeroPadded(b.append('.'), fraction, 6);
            while (b.charAt(b.length() - 1) == '0') {
                b.setLength(b.length() - 1);
            }
        }
        return b.toString();
    }
}
