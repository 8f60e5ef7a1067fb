package io.ikescope.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Timestamps#iso} writes what the JDK's ISO formatter writes for the same pattern. */
class TimestampsTest {
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter NANOS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    @Test
    void everyTimestampIsWrittenAsTheJdkFormatterWritesIt() {
        SplittableRandom random = new SplittableRandom(16);
        long[] edges = {0, 1, 999, 1000, 999_999_999, 1_000_000_000, -1, -1000, -1_000_000_001,
            951_782_400_000_000_000L /* 2000-02-29 */, 4_102_444_799_999_999_000L /* 2099-12-31T23:59:59.999999 */,
            Long.MAX_VALUE, Long.MIN_VALUE};
        for (long nanos : edges) {
            assertThat(Timestamps.iso(nanos)).as("%d", nanos).isEqualTo(reference(nanos));
        }
        for (int i = 0; i < 20_000; i++) {
            long nanos = random.nextLong();
            long micros = nanos - Math.floorMod(nanos, 1000L);
            long seconds = random.nextLong(0, 9_223_372_036L) * 1_000_000_000L + random.nextInt(1_000_000) * 1000L;
            for (long n : new long[] {nanos, micros, seconds}) {
                assertThat(Timestamps.iso(n)).as("%d", n).isEqualTo(reference(n));
            }
        }
    }

    @Test
    void microsecondsAlwaysAndNanosecondsOnlyWhenTheyAreThere() {
        assertThat(Timestamps.iso(1_764_201_498_462_487_000L)).isEqualTo("2025-11-26T23:58:18.462487Z");
        assertThat(Timestamps.iso(1_764_201_498_462_487_001L)).isEqualTo("2025-11-26T23:58:18.462487001Z");
        assertThat(Timestamps.iso(0)).isEqualTo("1970-01-01T00:00:00.000000Z");
    }

    private static String reference(long epochNanos) {
        Instant t = Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L),
                Math.floorMod(epochNanos, 1_000_000_000L));
        return (t.getNano() % 1000 == 0 ? MICROS : NANOS).format(t);
    }
}
