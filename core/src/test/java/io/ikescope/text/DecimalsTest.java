package io.ikescope.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Against BigDecimal (the same rule, by definition) and the JDK's formatter, on edges and random values. */
class DecimalsTest {
    private static final double[] EDGES = {0.0, -0.0, 0.05, 0.15, 0.25, 0.35, 0.45, 0.95, 0.9999, 9.95, 99.95, 1.005,
        2.675, 1e-7, 5e-5, 0.0004999, 1e7, 1.2345e10, 9.999999e22, 1e300, Double.MIN_VALUE, Double.MAX_VALUE, -0.04,
        -0.05, -1.25, -9.95, 123456.789, 0.001, 0.3, 1.0 / 3, 2.0 / 3, 4.35, 4.45, 1e-3, 999.9999, 0.1 + 0.2};

    @Test
    void edgesAsBigDecimalAndTheFormatterWriteThem() {
        for (double v : EDGES) {
            check(v);
            check(-v);
        }
        assertThat(Decimals.halfUp(Double.NaN, 1)).isEqualTo(String.format(Locale.ROOT, "%.1f", Double.NaN));
        assertThat(Decimals.halfUp(Double.POSITIVE_INFINITY, 1))
                .isEqualTo(String.format(Locale.ROOT, "%.1f", Double.POSITIVE_INFINITY));
        assertThat(Decimals.halfUp(Double.NEGATIVE_INFINITY, 2))
                .isEqualTo(String.format(Locale.ROOT, "%.2f", Double.NEGATIVE_INFINITY));
        assertThat(Decimals.halfUp(0.25, 1)).isEqualTo("0.3");
        assertThat(Decimals.halfUp(9.96, 1)).isEqualTo("10.0");
        assertThat(Decimals.halfUp(2.5, 0)).isEqualTo("3");
        assertThat(Decimals.halfUpTrimmed(1.40, 2)).isEqualTo("1.4");
        assertThat(Decimals.halfUpTrimmed(2.0, 2)).isEqualTo("2.0");
        assertThat(Decimals.halfUpTrimmed(-0.001, 2)).isEqualTo("0.0");
        assertThat(Decimals.signedHalfUp(0.0, 3)).isEqualTo("+0.000");
        assertThat(Decimals.signedHalfUp(-0.0004, 3)).isEqualTo("-0.000");
        assertThat(Decimals.signedHalfUp(Double.NaN, 3)).isEqualTo(String.format(Locale.ROOT, "%+.3f", Double.NaN));
    }

    @Test
    void zeroPaddingAsTheFormattersZeroFlagWritesIt() {
        for (int value : new int[] {0, 7, 42, 999_999, 1_000_000, Integer.MAX_VALUE}) {
            for (int width : new int[] {1, 2, 6, 9}) {
                assertThat(Decimals.zeroPadded(new StringBuilder("x"), value, width).toString())
                        .isEqualTo("x" + String.format(Locale.ROOT, "%0" + width + "d", value));
            }
        }
    }

    @Test
    void randomSecondsAndRatiosAsBigDecimalAndTheFormatterWriteThem() {
        SplittableRandom random = new SplittableRandom(20261203);
        for (int i = 0; i < 200_000; i++) {
            double v = switch (i % 5) {
                // seconds as the session model computes them: nanoseconds / 1e9
                case 0 -> random.nextLong(0, 10_000_000_000_000L) / 1e9;
                case 1 -> random.nextDouble() * 1000;
                // just beside a rounding edge
                case 2 -> random.nextInt(100_000) / 1000.0 + 0.0005 * (random.nextInt(3) - 1);
                case 3 -> random.nextInt(10_000) / 100.0 + 0.05;
                default -> Double.longBitsToDouble(random.nextLong()) % 1e9;
            };
            if (!Double.isFinite(v)) {
                continue;
            }
            check(v);
        }
    }

    private static void check(double v) {
        for (int places = 0; places <= 3; places++) {
            String expected = BigDecimal.valueOf(Math.abs(v)).setScale(places, RoundingMode.HALF_UP).toPlainString();
            expected = (Double.compare(v, 0.0) < 0 ? "-" : "") + expected;
            assertThat(Decimals.halfUp(v, places)).as("%s to %d places", v, places).isEqualTo(expected);
            assertThat(Decimals.signedHalfUp(v, places)).as("%s signed to %d places", v, places)
                    .isEqualTo(expected.startsWith("-") ? expected : "+" + expected);
            if (Runtime.version().feature() >= 21) {
                // the formatter writes the shortest decimal rounded since JDK 21 (JDK-8300869)
                assertThat(Decimals.halfUp(v, places)).as("%s as %%.%df", v, places)
                        .isEqualTo(String.format(Locale.ROOT, "%." + places + "f", v));
                assertThat(Decimals.signedHalfUp(v, places)).as("%s as %%+.%df", v, places)
                        .isEqualTo(String.format(Locale.ROOT, "%+." + places + "f", v));
            }
        }
        for (int places = 1; places <= 3; places++) {
            BigDecimal d = BigDecimal.valueOf(v).setScale(places, RoundingMode.HALF_UP).stripTrailingZeros();
            String trimmed = d.scale() < 1 ? d.setScale(1).toPlainString() : d.toPlainString();
            assertThat(Decimals.halfUpTrimmed(v, places)).as("%s trimmed to %d places", v, places).isEqualTo(trimmed);
        }
    }
}
