package io.ikescope.config.fortios;

import io.ikescope.config.ConfigException;
import io.ikescope.config.ConfigWarning;
import io.ikescope.config.Origin;
import io.ikescope.config.Setting;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the settings of one {@code edit} entry, fills in documented defaults, and warns of every setting and nested
 * block that nothing read (so that no keyword is dropped silently).
 */
final class FortiEntry {
    private final FortiTree.Entry entry;
    private final String file;
    private final String table;
    private final Set<String> read = new HashSet<>();

    FortiEntry(FortiTree.Entry entry, String file, String table) {
        this.entry = entry;
        this.file = file;
        this.table = table;
    }

    String name() {
        return entry.name;
    }

    Origin origin() {
        return Origin.at(file, entry.line);
    }

    String file() {
        return file;
    }

    /** The setting, marked as read; null when absent. */
    FortiTree.Setting get(String key) {
        read.add(key);
        return entry.settings.get(key);
    }

    Origin at(FortiTree.Setting setting) {
        return Origin.at(file, setting.line());
    }

    /** A {@code proposal} list's words and where they came from: the entry's line, or the list a new entry starts with. */
    record ProposalWords(FortiTree.Setting setting, List<String> words, Origin origin) {
    }

    /**
     * The {@code proposal} setting's words, or {@code defaults} (space-separated) when the entry has none.
     *
     * @param table the table a new entry's defaults belong to ("phase1-interface", "phase2-interface")
     */
    ProposalWords proposalWords(String table, String defaults) throws ConfigException {
        FortiTree.Setting s = get("proposal");
        Origin origin = s == null ? Origin.byDefault(FortiDefaults.initial(table) + " (" + defaults + ")") : at(s);
        List<String> words = s == null ? List.of(defaults.split(" ")) : s.values();
        if (words.isEmpty()) {
            throw error(s, "expected at least one proposal");
        }
        return new ProposalWords(s, words, origin);
    }

    ConfigException error(FortiTree.Setting setting, String problem) {
        return new ConfigException(file, setting.line(), "'set " + setting.key() + "' in " + table + " '"
                + entry.name + "': " + problem);
    }

    /** One word out of {@code allowed}, or the default with its note. */
    Setting<String> choice(String key, List<String> allowed, String defaultValue, String note)
            throws ConfigException {
        FortiTree.Setting s = get(key);
        if (s == null) {
            return Setting.byDefault(defaultValue, note);
        }
        if (s.values().size() != 1 || !allowed.contains(s.values().get(0))) {
            throw error(s, "expected one of " + String.join(", ", allowed));
        }
        return Setting.of(s.values().get(0), at(s));
    }

    /** A whole number within bounds, or the default. */
    Setting<Long> number(String key, long min, long max, Long defaultValue, String note) throws ConfigException {
        FortiTree.Setting s = get(key);
        if (s == null) {
            return Setting.byDefault(defaultValue, note);
        }
        try {
            if (s.values().size() != 1) {
                throw new NumberFormatException();
            }
            long value = Long.parseLong(s.values().get(0));
            if (value < min || value > max) {
                throw error(s, "expected a number from " + min + " to " + max);
            }
            return Setting.of(value, at(s));
        } catch (NumberFormatException e) {
            throw error(s, "expected a number from " + min + " to " + max);
        }
    }

    /** Warnings for what was not read: unknown or not relevant to the negotiation, named with their lines. */
    void warnUnread(List<ConfigWarning> warnings) {
        for (FortiTree.Setting s : entry.settings.values()) {
            if (!read.contains(s.key())) {
                warnings.add(new ConfigWarning(Origin.at(file, s.line()), table + " '" + entry.name + "': 'set "
                        + s.key() + "' is not read by ikescope"));
            }
        }
        for (FortiTree.Block b : entry.blocks) {
            warnings.add(new ConfigWarning(Origin.at(file, b.line), table + " '" + entry.name + "': 'config "
                    + b.path + "' is not read by ikescope"));
        }
    }
}
