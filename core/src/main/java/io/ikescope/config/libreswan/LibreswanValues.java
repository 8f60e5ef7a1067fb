package io.ikescope.config.libreswan;

import io.ikescope.config.ConfigException;
import io.ikescope.config.libreswan.IpsecConfParser.Entry;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Value syntaxes of ipsec.conf(5): booleans as parser.lex reads them, times as deltatime does. */
final class LibreswanValues {

    /** An integer optionally followed by s, or a decimal number followed by m, h or d (ipsec.conf(5) salifetime). */
    private static final Pattern TIME = Pattern.compile("(\\d{1,9})(?:\\.(\\d{1,6}))?\\s*(s|m|h|d)?");

    private LibreswanValues() {
    }

    static boolean bool(Entry e) throws ConfigException {
        return switch (e.value().toLowerCase(Locale.ROOT)) {
            case "y", "yes", "true", "on" -> true;
            case "n", "no", "false", "off" -> false;
            default -> throw fail(e, "yes or no");
        };
    }

    static long seconds(Entry e) throws ConfigException {
        Matcher m = TIME.matcher(e.value().trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw fail(e, "a time (seconds, or a number followed by s, m, h or d)");
        }
        String unit = m.group(3) == null ? "s" : m.group(3);
        long scale = switch (unit) {
            case "m" -> 60;
            case "h" -> 3600;
            case "d" -> 86400;
            default -> 1;
        };
        double value = Double.parseDouble(m.group(1) + (m.group(2) == null ? "" : "." + m.group(2)));
        return Math.round(value * scale);
    }

    static ConfigException fail(Entry e, String expected) {
        return new ConfigException(e.origin().file(), e.origin().line(), e.key() + "=" + e.value()
                + ": expected " + expected);
    }
}
