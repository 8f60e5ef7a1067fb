package io.ikescope.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link DiagnoseJsonWriter#seconds}: the text BigDecimal gives, rounded to microseconds half up. */
class SecondsTest {

    @Test
    void secondsAreWhatBigDecimalRoundingAndStrippingGive() {
        long[] edges = {0, 1, 499, 500, 999, 1000, 1500, -1, -499, -500, -1500, 999_999_499, 999_999_500,
            1_000_000_000, 30_000_000_000L, 27_000_000, -27_000_000, 3_600_000_000_000L, 100_000};
        for (long nanos : edges) {
            assertThat(Timestamps.seconds(nanos)).as("%d", nanos).isEqualTo(reference(nanos));
        }
        SplittableRandom random = new SplittableRandom(16);
        for (int i = 0; i < 50_000; i++) {
            long nanos = random.nextLong(-100_000_000_000_000L, 100_000_000_000_000L) >> random.nextInt(40);
            assertThat(Timestamps.seconds(nanos)).as("%d", nanos).isEqualTo(reference(nanos));
        }
    }

    @Test
    void examples() {
        assertThat(Timestamps.seconds(27_000_000)).isEqualTo("0.027");
        assertThat(Timestamps.seconds(30_000_000_000L)).isEqualTo("30");
        assertThat(Timestamps.seconds(1_500)).isEqualTo("0.000002");
    }

    private static String reference(long nanos) {
        BigDecimal s = BigDecimal.valueOf(nanos, 9).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toString();
    }
}
