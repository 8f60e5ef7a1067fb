package io.ikescope.config.strongswan;

import io.ikescope.config.ConfigException;
import io.ikescope.config.Origin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the ipsec.conf syntax of strongSwan's starter (ipsec.conf(5), 5.9): sections start at the beginning of a
 * line ({@code config setup}, {@code conn NAME}, {@code ca NAME}), their parameters are indented
 * {@code key = value} lines; {@code #} starts a comment; a value may be "quoted" (with \" escapes); {@code include
 * PATTERN} at the start of a line reads files relative to the including one. Sections of the same type and name
 * merge, a later value replacing an earlier one; an empty value resets the key to its default.
 */
final class IpsecConfParser {

    /** One section's parameters as written, keys in file order; values keep their line. */
    static final class Section {
        final String type;
        final String name;
        final Origin origin;
        final Map<String, SettingsSection.Value> values = new LinkedHashMap<>();

        Section(String type, String name, Origin origin) {
            this.type = type;
            this.name = name;
            this.origin = origin;
        }

        @Override
        public String toString() {
            return type + " " + name + " (" + origin + ")";
        }
    }

    private final IncludeResolver includes;
    private final Map<String, Section> sections;

    private IpsecConfParser(IncludeResolver includes, Map<String, Section> sections) {
        this.includes = includes;
        this.sections = sections;
    }

    /** The sections of the file and its includes, keyed "type name", in the order first seen. */
    static Map<String, Section> parse(Path path, IncludeResolver includes) throws ConfigException {
        Map<String, Section> sections = new LinkedHashMap<>();
        new IpsecConfParser(includes, sections).file(path, 0);
        return sections;
    }

    private void file(Path path, int depth) throws ConfigException {
        String name = path.toString();
        String[] lines = includes.load(path).split("\n", -1);
        Section current = null;
        for (int i = 0; i < lines.length; i++) {
            int lineNumber = i + 1;
            Origin at = Origin.at(name, lineNumber);
            String line = stripComment(lines[i].replace("\r", ""), name, lineNumber);
            if (line.isBlank()) {
                continue;
            }
            boolean indented = Character.isWhitespace(line.charAt(0));
            String[] words = line.trim().split("\\s+", 2);
            if (!indented && words[0].equals("include")) {
                if (words.length < 2) {
                    throw new ConfigException(name, lineNumber, "include without a file name");
                }
                if (depth + 1 > IncludeResolver.MAX_DEPTH) {
                    throw new ConfigException(name, lineNumber, "includes nested deeper than "
                            + IncludeResolver.MAX_DEPTH + " files (an include loop?)");
                }
                for (Path included : includes.expand(path, unquote(words[1].trim(), name, lineNumber), at)) {
                    file(included, depth + 1);
                }
                current = null;
            } else if (!indented) {
                current = sectionStart(words, name, lineNumber);
            } else {
                if (current == null) {
                    throw new ConfigException(name, lineNumber,
                            "an indented parameter outside any section (expected conn NAME, ca NAME or config setup"
                                    + " first)");
                }
                parameter(current, line.trim(), name, lineNumber);
            }
        }
    }

    private Section sectionStart(String[] words, String file, int line) throws ConfigException {
        if (words[0].equals("version")) {
            return null; // "version 2": the pre-5.0 file format marker, nothing to read
        }
        boolean known = words[0].equals("conn") || words[0].equals("ca") || words[0].equals("config");
        if (!known || words.length < 2 || words[1].contains(" ")) {
            throw new ConfigException(file, line, "expected 'conn NAME', 'ca NAME', 'config setup' or 'include"
                    + " FILE' at the start of a line (parameters are indented), found '" + String.join(" ", words)
                    + "'");
        }
        if (words[0].equals("config") && !words[1].equals("setup")) {
            throw new ConfigException(file, line, "expected 'config setup', found 'config " + words[1] + "'");
        }
        String key = words[0] + " " + words[1];
        return sections.computeIfAbsent(key, k -> new Section(words[0], words[1], Origin.at(file, line)));
    }

    private static void parameter(Section section, String text, String file, int line) throws ConfigException {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException(file, line, "expected 'parameter=value', found '" + text + "'");
        }
        String key = text.substring(0, eq).trim();
        if (key.isEmpty() || key.contains(" ")) {
            throw new ConfigException(file, line, "expected one parameter name before '=', found '" + key + "'");
        }
        String value = unquote(text.substring(eq + 1).trim(), file, line);
        section.values.remove(key);
        section.values.put(key, new SettingsSection.Value(key, value, Origin.at(file, line)));
    }

    /** Drops a comment: '#' at the start of the line or after a blank, outside quotes ("@#1234" is a key ID). */
    private static String stripComment(String line, String file, int lineNumber) throws ConfigException {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '#' && !quoted && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        if (quoted) {
            throw new ConfigException(file, lineNumber, "unterminated quoted string (missing '\"')");
        }
        return line;
    }

    /** A value: "quoted" (escapes resolved) or bare, internal runs of blanks reduced to one. */
    static String unquote(String value, String file, int line) throws ConfigException {
        if (!value.startsWith("\"")) {
            return value.replaceAll("\\s+", " ");
        }
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char e = value.charAt(++i);
                out.append(switch (e) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> e;
                });
            } else if (c == '"') {
                if (!value.substring(i + 1).isBlank()) {
                    throw new ConfigException(file, line, "text after the closing quote");
                }
                return out.toString();
            } else {
                out.append(c);
            }
        }
        throw new ConfigException(file, line, "unterminated quoted string (missing '\"')");
    }

    static List<Section> ofType(Map<String, Section> sections, String type) {
        List<Section> out = new ArrayList<>();
        for (Section s : sections.values()) {
            if (s.type.equals(type)) {
                out.add(s);
            }
        }
        return out;
    }
}
