package io.ikescope.config.mikrotik;

import io.ikescope.config.ConfigException;
import io.ikescope.config.ConfigWarning;
import io.ikescope.config.Origin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a RouterOS {@code /export}: menu lines ({@code /ip ipsec peer}, or {@code /ip/ipsec/peer}), commands
 * under them ({@code add}, {@code set}), a trailing backslash continuing a line, {@code key=value} arguments whose
 * values may be quoted with backslash escapes. Only the {@code /ip ipsec} menus are kept; the rest of a whole-router
 * export is passed over. Values are never quoted in messages: some are secrets.
 */
final class RouterOsExportParser {

    static final Set<String> MENUS = Set.of("ip ipsec profile", "ip ipsec proposal", "ip ipsec peer",
            "ip ipsec identity", "ip ipsec policy");
    /** A logical line (continuations joined) longer than this is not an export. */
    private static final int MAX_LINE_CHARS = 1 << 20;
    private static final Set<String> COMMANDS = Set.of("add", "set", "remove", "print", "export", "enable",
            "disable", "comment", "move", "edit", "unset", "find", "reset");
    private static final Pattern VERSION = Pattern.compile("by RouterOS (\\d+)\\.(\\d+)(\\.\\d+)?");

    private final String file;
    private final List<ConfigWarning> warnings;
    private final Map<String, List<ExportEntry>> entries = new LinkedHashMap<>();
    private String version;

    RouterOsExportParser(String file, List<ConfigWarning> warnings) {
        this.file = file;
        this.warnings = warnings;
        for (String menu : MENUS) {
            entries.put(menu, new ArrayList<>());
        }
    }

    /** Items per menu of {@link #MENUS}, in export order. */
    Map<String, List<ExportEntry>> parse(String text) throws ConfigException {
        String[] lines = text.split("\n", -1);
        String menu = null;
        for (int i = 0; i < lines.length; i++) {
            int start = i + 1;
            StringBuilder logical = new StringBuilder(lines[i].stripTrailing());
            while (logical.length() > 0 && logical.charAt(logical.length() - 1) == '\\' && i + 1 < lines.length) {
                logical.setLength(logical.length() - 1);
                logical.append(lines[++i].strip());
                if (logical.length() > MAX_LINE_CHARS) {
                    throw new ConfigException(file, start, "a line continued past " + MAX_LINE_CHARS + " characters");
                }
            }
            String line = logical.toString().strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                Matcher m = VERSION.matcher(line);
                if (version == null && m.find()) {
                    version = m.group(0).substring("by RouterOS ".length());
                }
                continue;
            }
            List<String> words = words(line, start);
            int first = 0;
            if (words.get(0).startsWith("/")) {
                List<String> path = new ArrayList<>();
                while (first < words.size() && !COMMANDS.contains(words.get(first))
                        && !words.get(first).contains("=")) {
                    for (String part : words.get(first).split("/")) {
                        if (!part.isEmpty()) {
                            path.add(part);
                        }
                    }
                    first++;
                }
                menu = String.join(" ", path);
                if (first == words.size()) {
                    continue;
                }
            }
            if (menu == null) {
                throw new ConfigException(file, start, "a command before any menu line such as '/ip ipsec peer'");
            }
            command(menu, words.subList(first, words.size()), start);
        }
        return entries;
    }

    /** "7.13.2" from the export's header comment, or null. */
    String version() {
        return version;
    }

    private void command(String menu, List<String> words, int line) throws ConfigException {
        boolean ipsec = menu.startsWith("ip ipsec");
        if (!ipsec) {
            return; // another part of a whole-router export
        }
        String command = words.get(0);
        List<ExportEntry> items = entries.get(menu);
        if (items == null) {
            // mode-config, policy group, settings ...: their built-in items are always exported, so only additions
            // are worth a word
            if (!(command.equals("set") && words.size() > 1 && isDefaultSelector(words.get(1)))) {
                warnings.add(new ConfigWarning(Origin.at(file, line), "/" + menu + " " + command
                        + ": not read by ikescope"));
            }
            return;
        }
        switch (command) {
            case "add" -> {
                ExportEntry entry = new ExportEntry(menu, line, false);
                properties(entry, words.subList(1, words.size()), line);
                items.add(entry);
            }
            case "set" -> {
                if (words.size() < 2 || words.get(1).contains("=") && !words.get(1).startsWith("[")) {
                    throw new ConfigException(file, line, "'set' needs the item to change, e.g. [ find default=yes ]");
                }
                ExportEntry target = target(menu, items, words.get(1), line);
                if (target != null) {
                    properties(target, words.subList(2, words.size()), line);
                }
            }
            default -> warnings.add(new ConfigWarning(Origin.at(file, line), "/" + menu + " " + command
                    + ": not applied by ikescope"));
        }
    }

    /** The item a {@code set} changes: the built-in default, a name, or a number (the policy template is 0). */
    private ExportEntry target(String menu, List<ExportEntry> items, String selector, int line) {
        boolean isDefault = isDefaultSelector(selector) || selector.equals("default") || selector.equals("0")
                || selector.equals("*0");
        if (isDefault) {
            for (ExportEntry e : items) {
                if (e.builtIn) {
                    return e;
                }
            }
            ExportEntry builtIn = new ExportEntry(menu, line, true);
            items.add(0, builtIn);
            return builtIn;
        }
        String name = selector.startsWith("[") ? findName(selector) : selector;
        for (ExportEntry e : items) {
            ExportEntry.Property p = e.properties.get("name");
            if (p != null && p.value().equals(name)) {
                return e;
            }
        }
        warnings.add(new ConfigWarning(Origin.at(file, line), "/" + menu + " set: no item '" + name
                + "' to change; not applied"));
        return null;
    }

    private static boolean isDefaultSelector(String selector) {
        return selector.replace(" ", "").equals("[finddefault=yes]");
    }

    private static String findName(String selector) {
        Matcher m = Pattern.compile("name=\"?([^\" \\]]*)").matcher(selector);
        return m.find() ? m.group(1) : selector;
    }

    private void properties(ExportEntry entry, List<String> words, int line) throws ConfigException {
        for (String word : words) {
            int eq = word.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException(file, line, "/" + entry.menu + ": expected key=value, found a word"
                        + " without '='");
            }
            String key = word.substring(0, eq);
            entry.properties.put(key, new ExportEntry.Property(key, word.substring(eq + 1), line));
        }
    }

    /** Splits on blanks outside quotes and brackets; removes quotes and resolves backslash escapes in values. */
    private List<String> words(String line, int at) throws ConfigException {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int depth = 0;
        boolean inQuotes = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (inQuotes) {
                if (c == '\\' && i + 1 < line.length()) {
                    i = escape(line, i + 1, word);
                } else if (c == '"') {
                    inQuotes = false;
                    if (depth > 0) {
                        word.append(c);
                    }
                } else {
                    word.append(c);
                }
                continue;
            }
            if (c == '"') {
                inQuotes = true;
                if (depth > 0) {
                    word.append(c);
                }
            } else if (c == '[') {
                depth++;
                word.append(c);
            } else if (c == ']' && depth > 0) {
                depth--;
                word.append(c);
            } else if ((c == ' ' || c == '\t') && depth == 0) {
                if (word.length() > 0) {
                    words.add(word.toString());
                    word.setLength(0);
                }
            } else {
                word.append(c);
            }
        }
        if (inQuotes) {
            throw new ConfigException(file, at, "quoted value not closed (\" expected)");
        }
        if (depth > 0) {
            throw new ConfigException(file, at, "'[' not closed (']' expected)");
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }

    /** RouterOS escapes: \" \\ \n \t \r \? \$ \_ (a space) and \HH (a byte in hex). Returns the last index used. */
    private static int escape(String line, int i, StringBuilder word) {
        char c = line.charAt(i);
        if (i + 1 < line.length() && isHex(c) && isHex(line.charAt(i + 1))) {
            word.append((char) Integer.parseInt(line.substring(i, i + 2), 16));
            return i + 1;
        }
        word.append(switch (c) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            case '_' -> ' ';
            default -> c;
        });
        return i;
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'A' && c <= 'F';
    }
}
