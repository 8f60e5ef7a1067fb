package io.ikescope.capture;

/**
 * Converts a pcapng interface's timestamp units to nanoseconds since the epoch, honouring the
 * {@code if_tsresol} (10^-n or 2^-n seconds per unit) and {@code if_tsoffset} (seconds) options.
 */
final class TimestampScale {
    static final TimestampScale MICROSECONDS = new TimestampScale(false, 6, 0);

    private final boolean binary;
    private final int exponent;
    private final long offsetNanos;
    /** For decimal resolutions: units per nanosecond multiplier (exponent <= 9) or divisor (exponent > 9). */
    private final long factor;

    private TimestampScale(boolean binary, int exponent, long offsetSeconds) {
        this.binary = binary;
        this.exponent = exponent;
        this.offsetNanos = offsetSeconds * 1_000_000_000L;
        this.factor = binary ? 0 : pow10(Math.abs(9 - exponent));
    }

    /**
     * @param tsresol the raw option byte: high bit set means 2^-n, clear means 10^-n
     * @return null when the resolution is beyond what 64-bit timestamps can carry (n > 18 or 2^-n with n > 63)
     */
    static TimestampScale of(int tsresol, long offsetSeconds) {
        boolean binary = (tsresol & 0x80) != 0;
        int exponent = tsresol & 0x7F;
        if (binary ? exponent > 63 : exponent > 18) {
            return null;
        }
        return new TimestampScale(binary, exponent, offsetSeconds);
    }

    TimestampScale withOffset(long offsetSeconds) {
        return new TimestampScale(binary, exponent, offsetSeconds);
    }

    /** @param units the block's 64-bit timestamp, read as unsigned */
    long toEpochNanos(long units) {
        long nanos;
        if (!binary) {
            if (exponent <= 9) {
                nanos = units * factor;
            } else {
                nanos = Long.divideUnsigned(units, factor);
            }
        } else if (exponent == 0) {
            nanos = units * 1_000_000_000L;
        } else {
            long seconds = units >>> exponent;
            long fraction = units & ((1L << exponent) - 1);
            // fraction * 1e9 / 2^n computed on 128 bits: fraction < 2^63, so the product fits.
            long high = Math.multiplyHigh(fraction, 1_000_000_000L);
            long low = fraction * 1_000_000_000L;
            long fractionNanos = (high << (64 - exponent)) | (low >>> exponent);
            nanos = seconds * 1_000_000_000L + fractionNanos;
        }
        return nanos + offsetNanos;
    }

    private static long pow10(int n) {
        long v = 1;
        for (int i = 0; i < n; i++) {
            v *= 10;
        }
        return v;
    }
}
