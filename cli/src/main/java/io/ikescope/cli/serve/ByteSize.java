package io.ikescope.cli.serve;

import java.util.Locale;

/** A size given on the command line, "64M" or "2G" (decimal units, as the progress bar's MB), and its display. */
public final class ByteSize {
    private ByteSize() {
    }

    /** Parses digits with an optional K, M or G suffix (also KB, MB, GB); the message names what was wrong. */
    public static long parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        if (t.endsWith("B")) {
            t = t.substring(0, t.length() - 1);
        }
        long unit = 1;
        if (!t.isEmpty()) {
            switch (t.charAt(t.length() - 1)) {
                case 'K' -> unit = 1_000L;
                case 'M' -> unit = 1_000_000L;
                case 'G' -> unit = 1_000_000_000L;
                default -> unit = 1;
            }
            if (unit > 1) {
                t = t.substring(0, t.length() - 1);
            }
        }
        long value;
        try {
            value = Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a size: give a number with K, M or G, e.g. 512M");
        }
        if (value <= 0 || value > Long.MAX_VALUE / unit) {
            throw new IllegalArgumentException("'" + text + "' is not a usable size");
        }
        return value * unit;
    }

    /** "512 MB", "1.5 GB", "300 KB", "17 bytes". */
    public static String format(long bytes) {
        if (bytes >= 1_000_000_000L) {
            return trim(bytes / 1e9) + " GB";
        }
        if (bytes >= 1_000_000L) {
            return trim(bytes / 1e6) + " MB";
        }
        if (bytes >= 1_000L) {
            return trim(bytes / 1e3) + " KB";
        }
        return bytes + (bytes == 1 ? " byte" : " bytes");
    }

    private static String trim(double value) {
        String s = String.format(Locale.ROOT, "%.1f", value);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
