package io.ikescope.config.strongswan;

import io.ikescope.config.ConfigException;
import io.ikescope.config.Origin;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Parses strongSwan's settings-file syntax (swanctl.conf, strongswan.conf) as libstrongswan's settings lexer and
 * parser (src/libstrongswan/settings/settings_lexer.l, settings_parser.y, 5.9) define it: {@code name { ... }}
 * sections, {@code name : ref1, ref2 { ... }} sections inheriting from others, {@code key = value} (the value runs to
 * the end of the line, a '#' or a '}'; its parts, bare words and "quoted strings" with \n \t \" escapes, joined by one
 * space; an empty value removes the key), {@code #} comments and {@code include PATTERN} statements, which read
 * files into the section they stand in.
 */
final class SettingsParser {

    /** The characters of a name outside values (the lexer's NAME class). */
    private static final String NOT_IN_NAME = "#{}:.,=\"\r\n\t ";

    private final IncludeResolver includes;
    private final String file;
    private final String text;
    private final int depth;
    private int pos;
    private int line = 1;

    private SettingsParser(IncludeResolver includes, String file, String text, int depth) {
        this.includes = includes;
        this.file = file;
        this.text = text;
        this.depth = depth;
    }

    /** Reads {@code path} and everything it includes into {@code root}. */
    static void parse(Path path, SettingsSection root, IncludeResolver includes) throws ConfigException {
        parseFile(path, root, includes, 0);
    }

    static void parseFile(Path path, SettingsSection into, IncludeResolver includes, int depth)
            throws ConfigException {
        String content = includes.load(path);
        new SettingsParser(includes, path.toString(), content, depth).statements(into);
    }

    private void statements(SettingsSection top) throws ConfigException {
        Deque<SettingsSection> open = new ArrayDeque<>();
        Deque<Integer> openedAt = new ArrayDeque<>();
        open.push(top);
        while (true) {
            skipBlank();
            if (pos >= text.length()) {
                break;
            }
            char c = text.charAt(pos);
            if (c == '}') {
                if (open.size() == 1) {
                    throw error("'}' without a section to close");
                }
                pos++;
                open.pop();
                openedAt.pop();
                continue;
            }
            if (NOT_IN_NAME.indexOf(c) >= 0) {
                throw error("expected a name, found '" + c + "'");
            }
            int nameLine = line;
            String name = name();
            if (name.equals("include") && isIncludeStatement()) {
                include(open.peek(), nameLine);
                continue;
            }
            skipBlank();
            char next = pos < text.length() ? text.charAt(pos) : 0;
            if (next == '=') {
                pos++;
                String value = value();
                if (value.isEmpty()) {
                    open.peek().put(new SettingsSection.Value(name, null, Origin.at(file, nameLine)));
                } else {
                    open.peek().put(new SettingsSection.Value(name, value, Origin.at(file, nameLine)));
                }
            } else if (next == '{' || next == ':') {
                SettingsSection section = open.peek().section(name, Origin.at(file, nameLine));
                if (next == ':') {
                    pos++;
                    for (String reference : references()) {
                        section.addReference(reference);
                    }
                }
                pos++; // the '{'
                open.push(section);
                openedAt.push(nameLine);
            } else {
                throw error("expected '=', '{' or ':' after '" + name + "'");
            }
        }
        if (open.size() > 1) {
            throw new ConfigException(file, openedAt.peek(),
                    "section '" + open.peek().name() + "' is not closed (missing '}')");
        }
    }

    /** "include" starts an include statement when blanks and then something other than '=' follow. */
    private boolean isIncludeStatement() {
        if (pos >= text.length() || (text.charAt(pos) != ' ' && text.charAt(pos) != '\t')) {
            return false;
        }
        int p = pos;
        while (p < text.length() && (text.charAt(p) == ' ' || text.charAt(p) == '\t')) {
            p++;
        }
        return p < text.length() && text.charAt(p) != '=' && text.charAt(p) != '\n';
    }

    private void include(SettingsSection into, int includeLine) throws ConfigException {
        while (text.charAt(pos) == ' ' || text.charAt(pos) == '\t') {
            pos++;
        }
        String pattern;
        if (text.charAt(pos) == '"') {
            pattern = quoted();
        } else {
            StringBuilder out = new StringBuilder();
            while (pos < text.length() && "#}\n\r\t ".indexOf(text.charAt(pos)) < 0) {
                char c = text.charAt(pos++);
                if (c == '\\' && pos < text.length()) {
                    c = text.charAt(pos++);
                }
                out.append(c);
            }
            pattern = out.toString();
        }
        Origin where = Origin.at(file, includeLine);
        if (depth + 1 > IncludeResolver.MAX_DEPTH) {
            throw new ConfigException(file, includeLine,
                    "includes nested deeper than " + IncludeResolver.MAX_DEPTH + " files (an include loop?)");
        }
        for (Path included : includes.expand(Path.of(file), pattern, where)) {
            parseFile(included, into, includes, depth + 1);
        }
    }

    private List<String> references() throws ConfigException {
        List<String> names = new ArrayList<>();
        while (true) {
            skipBlank();
            int start = pos;
            while (pos < text.length() && (NOT_IN_NAME.indexOf(text.charAt(pos)) < 0 || text.charAt(pos) == '.')) {
                pos++;
            }
            if (start == pos) {
                throw error("expected the name of a section to inherit from");
            }
            names.add(text.substring(start, pos));
            skipBlank();
            if (pos < text.length() && text.charAt(pos) == ',') {
                pos++;
                continue;
            }
            if (pos < text.length() && text.charAt(pos) == '{') {
                return names;
            }
            throw error("expected ',' or '{' after the inherited sections");
        }
    }

    private String name() {
        int start = pos;
        while (pos < text.length() && NOT_IN_NAME.indexOf(text.charAt(pos)) < 0) {
            pos++;
        }
        return text.substring(start, pos);
    }

    /** The value after '=': up to the end of the line, a comment or a '}' (which stays for the section). */
    private String value() throws ConfigException {
        List<String> parts = new ArrayList<>();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n' || c == '#' || c == '}') {
                break;
            }
            if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == '"') {
                parts.add(quoted());
            } else {
                int start = pos;
                while (pos < text.length() && "#}\"\r\n\t ".indexOf(text.charAt(pos)) < 0) {
                    pos++;
                }
                parts.add(text.substring(start, pos));
            }
        }
        return String.join(" ", parts);
    }

    /** A "quoted string" at pos, escapes resolved; it may span lines. */
    private String quoted() throws ConfigException {
        int startLine = line;
        pos++;
        StringBuilder out = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c == '\n') {
                line++;
            }
            if (c == '\r') {
                continue;
            }
            if (c == '\\' && pos < text.length()) {
                char e = text.charAt(pos++);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case '\n' -> line++; // an escaped end of line joins the lines
                    default -> out.append(e);
                }
                continue;
            }
            out.append(c);
        }
        throw new ConfigException(file, startLine, "unterminated quoted string (missing '\"')");
    }

    private void skipBlank() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                line++;
                pos++;
            } else if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == '#') {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else {
                return;
            }
        }
    }

    private ConfigException error(String problem) {
        return new ConfigException(file, line, problem);
    }
}
