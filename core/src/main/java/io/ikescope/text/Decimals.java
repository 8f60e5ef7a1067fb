package io.ikescope.text;

/**
 * Decimal text of a double rounded to a number of places, half up, as {@code String.format("%.1f")} (JDK 21 and
 * later) and {@code BigDecimal.valueOf(v).setScale(n, HALF_UP)} write it: the shortest decimal that reads back as the
 * double ({@link Double#toString}) is rounded, not the binary value. Written digit by digit because both of those
 * cost a run several milliseconds of cold code (the formatter's parser, BigDecimal) for a handful of numbers, and
 * always with a '.' (a report does not change with the machine's locale). Zero-padded integers too, for the same
 * reason (timestamps, seconds with six decimals).
 */
public final class Decimals {
    private Decimals() {
    }

    /** {@code value} with exactly {@code places} decimals; a negative value keeps its sign ("-0.0"), as %.Nf does. */
    public static String halfUp(double value, int places) {
        if (places < 0) {
            throw new IllegalArgumentException("negative number of places: " + places);
        }
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        String shortest = Double.toString(Math.abs(value));
        int e = shortest.indexOf('E');
        String mantissa = e < 0 ? shortest : shortest.substring(0, e);
        int exponent = e < 0 ? 0 : Integer.parseInt(shortest.substring(e + 1));
        int dot = mantissa.indexOf('.');
        StringBuilder digits = new StringBuilder(mantissa.length() + places + 2);
        digits.append(mantissa, 0, dot).append(mantissa, dot + 1, mantissa.length());
        // digits before the decimal point
        int whole = dot + exponent;
        if (whole < 1) {
            digits.insert(0, "0".repeat(1 - whole));
            whole = 1;
        }
        while (digits.length() < whole + places + 1) {
            digits.append('0');
        }
        int kept = whole + places;
        if (digits.charAt(kept) >= '5' && carry(digits, kept)) {
            digits.insert(0, '1');
            whole++;
            kept++;
        }
        digits.setLength(kept);
        int firstDigit = 0;
        while (firstDigit < whole - 1 && digits.charAt(firstDigit) == '0') {
            firstDigit++;
        }
        StringBuilder out = new StringBuilder(kept + 2);
        if (Double.compare(value, 0.0) < 0) {
            out.append('-');
        }
        out.append(digits, firstDigit, whole);
        if (places > 0) {
            out.append('.').append(digits, whole, kept);
        }
        return out.toString();
    }

    /** As {@link #halfUp} with a '+' before a value that is not negative ({@code %+.Nf}): times relative to another. */
    public static String signedHalfUp(double value, int places) {
        String text = halfUp(value, places);
        return text.startsWith("-") || Double.isNaN(value) ? text : "+" + text;
    }

    /**
     * At most {@code places} decimals, at least one, trailing zeros dropped (1.4, 0.25, 2.0), no sign on a value that
     * rounds to zero: {@code BigDecimal.valueOf(v).setScale(places, HALF_UP).stripTrailingZeros()} written with at
     * least one decimal.
     */
    public static String halfUpTrimmed(double value, int places) {
        if (places < 1) {
            throw new IllegalArgumentException("at least one place: " + places);
        }
        String text = halfUp(value, places);
        int end = text.length();
        int dot = text.indexOf('.');
        while (end > dot + 2 && text.charAt(end - 1) == '0') {
            end--;
        }
        text = text.substring(0, end);
        return text.startsWith("-") && isZero(text) ? text.substring(1) : text;
    }

    /** Adds one at {@code digits[0, end)}'s last place; true when it carries out of the first digit. */
    private static boolean carry(StringBuilder digits, int end) {
        for (int i = end - 1; i >= 0; i--) {
            char c = digits.charAt(i);
            if (c != '9') {
                digits.setCharAt(i, (char) (c + 1));
                return false;
            }
            digits.setCharAt(i, '0');
        }
        return true;
    }

    private static boolean isZero(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '1' && c <= '9') {
                return false;
            }
        }
        return true;
    }

    /** Appends {@code value} (not negative) with leading zeros to {@code width} digits. */
    public static StringBuilder zeroPadded(StringBuilder b, int value, int width) {
        String s = Integer.toString(value);
        for (int i = s.length(); i < width; i++) {
            b.append('0');
        }
        return b.append(s);
    }
}
