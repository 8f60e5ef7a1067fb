package io.ikescope.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * ISO-8601 UTC text for capture timestamps. Microseconds always (pcap's usual precision, as in
 * "2026-11-26T23:58:18.462487Z"); nanoseconds only when the timestamp has sub-microsecond digits, which only
 * nanosecond-precision captures produce.
 */
public final class Timestamps {
    private Timestamps() {
    }

    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter NANOS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    public static String iso(long epochNanos) {
        Instant t = Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L),
                Math.floorMod(epochNanos, 1_000_000_000L));
        return (t.getNano() % 1000 == 0 ? MICROS : NANOS).format(t);
    }
}
