package io.ikescope.config.mikrotik;

import io.ikescope.config.ConfigException;
import io.ikescope.config.ConfigWarning;
import io.ikescope.config.Origin;
import io.ikescope.config.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the properties of one export item, fills in documented defaults, warns of what nothing read. */
final class RouterOsItem {
    /** Properties that name an item or say nothing about the negotiation, in nearly every export. */
    private static final List<String> QUIET = List.of("name", "comment", "disabled");
    private static final Pattern DURATION = Pattern.compile(
            "(?:(\\d{1,9})w)?(?:(\\d{1,9})d)?(?:(\\d{1,9})h)?(?:(\\d{1,9})m)?(?:(\\d{1,9})s)?");
    private static final Pattern CLOCK = Pattern.compile("(?:(\\d{1,9})d)?(\\d{1,2}):(\\d{2}):(\\d{2})");

    final ExportEntry entry;
    final String file;

    RouterOsItem(ExportEntry entry, String file) {
        this.entry = entry;
        this.file = file;
    }

    /** "peer 'site-b'" or "the default proposal", for messages. */
    String label() {
        String name = entry.properties.containsKey("name") ? entry.properties.get("name").value() : null;
        String kind = entry.menu.substring("ip ipsec ".length());
        return entry.builtIn ? "the default " + kind : name != null ? kind + " '" + name + "'"
                : kind + " of line " + entry.line;
    }

    Origin origin() {
        return entry.builtIn ? Origin.byDefault(RouterOsDefaults.VERSION + " built-in default "
                + entry.menu.substring("ip ipsec ".length())) : Origin.at(file, entry.line);
    }

    Origin at(ExportEntry.Property p) {
        return Origin.at(file, p.line());
    }

    ConfigException error(ExportEntry.Property p, String problem) {
        return new ConfigException(file, p.line(), "/" + entry.menu + " " + p.key() + " of " + label() + ": "
                + problem);
    }

    /** The written value, or the default with its note. */
    Setting<String> text(String key, String defaultValue) {
        ExportEntry.Property p = entry.get(key);
        return p == null ? Setting.byDefault(defaultValue, RouterOsDefaults.of(entry.menu, key)) : Setting.of(
                p.value(), at(p));
    }

    Setting<String> choice(String key, List<String> allowed, String defaultValue) throws ConfigException {
        ExportEntry.Property p = entry.get(key);
        if (p == null) {
            return Setting.byDefault(defaultValue, RouterOsDefaults.of(entry.menu, key));
        }
        if (!allowed.contains(p.value())) {
            throw error(p, "expected one of " + String.join(", ", allowed));
        }
        return Setting.of(p.value(), at(p));
    }

    /** A comma-separated list, each keyword looked up in {@code table}. */
    <T> Setting<List<T>> list(String key, Map<String, T> table, String defaultValue) throws ConfigException {
        ExportEntry.Property p = entry.get(key);
        String text = p == null ? defaultValue : p.value();
        List<T> out = new ArrayList<>();
        for (String word : text.split(",")) {
            T value = table.get(word.strip());
            if (value == null) {
                if (p == null) {
                    throw new IllegalStateException("default " + defaultValue + " of " + key + " not in the table");
                }
                throw error(p, "'" + word.strip() + "' is not a RouterOS keyword for it (" + String.join(", ",
                        table.keySet().stream().sorted().toList()) + ")");
            }
            if (!out.contains(value)) {
                out.add(value);
            }
        }
        return p == null ? Setting.byDefault(out, RouterOsDefaults.of(entry.menu, key) + " (" + defaultValue + ")")
                : Setting.of(out, at(p));
    }

    /** A RouterOS time: "30m", "1d", "1h30m", "8w", "00:30:00", "1d00:00:00"; in seconds. */
    Setting<Long> seconds(String key, String defaultValue) throws ConfigException {
        ExportEntry.Property p = entry.get(key);
        String text = p == null ? defaultValue : p.value();
        Long value = parseSeconds(text);
        if (value == null) {
            throw error(p, "expected a time such as 30m, 8h, 1d or 00:30:00");
        }
        return p == null ? Setting.byDefault(value, RouterOsDefaults.of(entry.menu, key) + " (" + defaultValue + ")")
                : Setting.of(value, at(p));
    }

    static Long parseSeconds(String text) {
        if (text.length() > 32) {
            return null;
        }
        Matcher clock = CLOCK.matcher(text);
        if (clock.matches()) {
            long days = clock.group(1) == null ? 0 : Long.parseLong(clock.group(1));
            return days * 86400 + Long.parseLong(clock.group(2)) * 3600 + Long.parseLong(clock.group(3)) * 60
                    + Long.parseLong(clock.group(4));
        }
        Matcher m = DURATION.matcher(text);
        if (text.isEmpty() || !m.matches()) {
            return null;
        }
        long[] unit = {604800, 86400, 3600, 60, 1};
        long total = 0;
        for (int g = 1; g <= 5; g++) {
            if (m.group(g) != null) {
                total += Long.parseLong(m.group(g)) * unit[g - 1];
            }
        }
        return total;
    }

    boolean disabled() {
        return "yes".equals(entry.value("disabled")) || "true".equals(entry.value("disabled"));
    }

    void warnUnread(List<ConfigWarning> warnings) {
        for (ExportEntry.Property p : entry.properties.values()) {
            if (!entry.isRead(p.key()) && !QUIET.contains(p.key())) {
                warnings.add(new ConfigWarning(Origin.at(file, p.line()), "/" + entry.menu + " " + label() + ": '"
                        + p.key() + "' is not read by ikescope"));
            }
        }
    }
}
