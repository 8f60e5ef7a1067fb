package io.ikescope.config.strongswan;

import io.ikescope.config.ConfigException;
import io.ikescope.config.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** strongSwan's value syntaxes (vici_config.c parse_bool, parse_time; ipsec.conf(5) times), errors at the line. */
final class ValueParsers {

    /** Bounds a time so that no later arithmetic overflows: 100 years. */
    private static final long MAX_SECONDS = 100L * 365 * 24 * 3600;

    private ValueParsers() {
    }

    static boolean bool(String text, Origin origin, String key) throws ConfigException {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "yes", "true", "enabled", "1" -> true;
            case "no", "false", "disabled", "0" -> false;
            default -> throw error(origin, key + " = " + text + ": expected yes or no");
        };
    }

    /** "3600", "60s", "30m", "4h", "1d" as seconds. */
    static long seconds(String text, Origin origin, String key) throws ConfigException {
        String t = text.trim().toLowerCase(Locale.ROOT);
        long unit = 1;
        if (!t.isEmpty()) {
            switch (t.charAt(t.length() - 1)) {
                case 's' -> unit = 1;
                case 'm' -> unit = 60;
                case 'h' -> unit = 3600;
                case 'd' -> unit = 86400;
                default -> unit = 0;
            }
        }
        String digits = unit == 0 ? t : t.substring(0, t.length() - 1);
        if (unit == 0) {
            unit = 1;
        }
        if (digits.isEmpty() || digits.length() > 12 || !digits.chars().allMatch(Character::isDigit)) {
            throw error(origin, key + " = " + text + ": expected a time (seconds, or a number with s, m, h or d)");
        }
        long value = Long.parseLong(digits) * unit;
        if (value > MAX_SECONDS) {
            throw error(origin, key + " = " + text + ": longer than 100 years");
        }
        return value;
    }

    static int integer(String text, Origin origin, String key, int min, int max) throws ConfigException {
        try {
            int v = Integer.parseInt(text.trim());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw error(origin, key + " = " + text + ": expected a number from " + min + " to " + max);
    }

    /** A comma (or blank) separated list, empty items dropped. */
    static List<String> list(String text) {
        List<String> out = new ArrayList<>();
        for (String item : text.split("[,\\s]+")) {
            if (!item.isEmpty()) {
                out.add(item);
            }
        }
        return out;
    }

    static ConfigException error(Origin origin, String problem) {
        return new ConfigException(origin.file(), origin.line(), problem);
    }
}
