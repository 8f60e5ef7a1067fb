package io.ikescope.config.libreswan;

import io.ikescope.config.ConfigException;
import io.ikescope.config.ConfigWarning;
import io.ikescope.config.Origin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads libreswan's ipsec.conf syntax into sections, as lib/libipsecconf/parser.lex and parser.y of libreswan 4.10
 * do: a section starts in the first column ({@code config setup}, {@code conn NAME}, {@code include FILE},
 * {@code version 2}); its settings are the indented {@code KEYWORD=VALUE} lines that follow (blanks around
 * {@code =} allowed); a value is a word, a {@code "quoted string"} or a {@code {braced list}}; {@code #} starts a
 * comment at the start of a line or after a value. An include ends the section it appears in (the grammar has
 * includes between sections only).
 *
 * <p>Includes: globs in the file name part, matches in sorted order (glob(3)); a relative path is taken relative to
 * the including file's directory (pluto takes it relative to its working directory, which an offline reading does
 * not have); depth at most 10 as pluto's MAX_INCLUDE_DEPTH.
 */
final class IpsecConfParser {

    static final int MAX_INCLUDE_DEPTH = 10;
    static final int MAX_FILES = 200;
    static final long MAX_FILE_BYTES = 1 << 20;
    static final int MAX_LINE = 8192;

    /** One {@code KEYWORD=VALUE} line; {@code key} as written (lower case, aliases not yet resolved). */
    record Entry(String key, String value, Origin origin) {
    }

    /** {@code config setup} (name null) or {@code conn NAME}. */
    record Section(String name, Origin origin, List<Entry> entries) {
        boolean isSetup() {
            return name == null;
        }
    }

    private final List<Section> sections = new ArrayList<>();
    private final List<String> files = new ArrayList<>();
    private final List<ConfigWarning> warnings;

    IpsecConfParser(List<ConfigWarning> warnings) {
        this.warnings = warnings;
    }

    List<Section> sections() {
        return sections;
    }

    List<String> files() {
        return files;
    }

    void parse(Path file) throws ConfigException {
        parse(file, 0);
    }

    private void parse(Path file, int depth) throws ConfigException {
        String name = file.toString();
        if (files.size() >= MAX_FILES) {
            throw new ConfigException(name, 0, "more than " + MAX_FILES + " files included");
        }
        files.add(name);
        List<String> lines = readLines(file);
        Section current = null;
        for (int n = 1; n <= lines.size(); n++) {
            String line = lines.get(n - 1);
            if (line.length() > MAX_LINE) {
                throw new ConfigException(name, n, "line longer than " + MAX_LINE + " characters");
            }
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            Origin origin = Origin.at(name, n);
            if (Character.isWhitespace(line.charAt(0))) {
                if (current == null) {
                    throw new ConfigException(name, n, "an indented setting outside any section (settings belong "
                            + "under 'config setup' or 'conn NAME')");
                }
                current.entries().add(setting(trimmed, name, n, origin));
                continue;
            }
            List<String> words = words(trimmed, name, n);
            String head = words.get(0);
            if (head.equals("config") && words.size() == 2 && words.get(1).equals("setup")) {
                current = new Section(null, origin, new ArrayList<>());
                sections.add(current);
            } else if (head.equals("conn")) {
                if (words.size() != 2) {
                    throw new ConfigException(name, n, "expected 'conn NAME'");
                }
                current = new Section(words.get(1), origin, new ArrayList<>());
                sections.add(current);
            } else if (head.equals("include")) {
                if (words.size() != 2) {
                    throw new ConfigException(name, n, "expected 'include FILE'");
                }
                current = null;
                include(file, words.get(1), depth, origin);
            } else if (head.equals("version") && words.size() == 2) {
                current = null; // "version 2": obsolete, accepted and ignored by libreswan
            } else {
                throw new ConfigException(name, n, "expected 'config setup', 'conn NAME', 'include FILE' or an "
                        + "indented KEYWORD=VALUE line, found '" + head + "'");
            }
        }
    }

    /**
     * The path an include in {@code from} names (relative to that file's folder), for ipsec.conf and ipsec.secrets
     * alike; an include nested {@link #MAX_INCLUDE_DEPTH} deep is refused.
     */
    static Path includeTarget(Path from, String pattern, int depth, Origin origin) throws ConfigException {
        if (depth + 1 >= MAX_INCLUDE_DEPTH) {
            throw new ConfigException(origin.file(), origin.line(), "includes nested deeper than "
                    + MAX_INCLUDE_DEPTH + " (an include cycle?)");
        }
        Path target = Path.of(pattern);
        if (!target.isAbsolute() && from.getParent() != null) {
            target = from.getParent().resolve(pattern);
        }
        return target;
    }

    private void include(Path from, String pattern, int depth, Origin origin) throws ConfigException {
        Path target = includeTarget(from, pattern, depth, origin);
        String last = target.getFileName() == null ? "" : target.getFileName().toString();
        Path dir = target.getParent() == null ? Path.of(".") : target.getParent();
        if (hasGlob(dir.toString())) {
            throw new ConfigException(origin.file(), origin.line(), "wildcards are read in the file name only: "
                    + pattern);
        }
        List<Path> matches = new ArrayList<>();
        if (!hasGlob(last)) {
            if (Files.isRegularFile(target)) {
                matches.add(target);
            } else {
                // pluto logs "could not open include filename" and goes on
                warnings.add(new ConfigWarning(origin, "include " + pattern + ": no such file"));
            }
        } else if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, last)) {
                for (Path p : stream) {
                    if (Files.isRegularFile(p)) {
                        matches.add(p);
                    }
                    if (matches.size() > MAX_FILES) {
                        throw new ConfigException(origin.file(), origin.line(), "include " + pattern
                                + " matches more than " + MAX_FILES + " files");
                    }
                }
            } catch (IOException e) {
                throw new ConfigException(origin.file(), origin.line(), "cannot list " + dir + ": " + e.getMessage());
            }
            matches.sort(null);
        }
        for (Path p : matches) {
            parse(p, depth + 1);
        }
    }

    private static boolean hasGlob(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0 || s.indexOf('{') >= 0;
    }

    static List<String> readLines(Path file) throws ConfigException {
        String name = file.toString();
        try {
            if (!Files.isRegularFile(file)) {
                throw new ConfigException(name, 0, "not a regular file");
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new ConfigException(name, 0, "larger than " + MAX_FILE_BYTES + " bytes");
            }
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            return List.of(text.split("\r?\n", -1));
        } catch (IOException e) {
            throw new ConfigException(name, 0, "cannot read: " + e.getMessage());
        }
    }

    /** A section line: words, a quoted word allowed, a trailing comment dropped. */
    private static List<String> words(String text, String file, int line) throws ConfigException {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#') {
                break;
            } else if (c == '"') {
                int end = text.indexOf('"', i + 1);
                if (end < 0) {
                    throw new ConfigException(file, line, "unterminated quoted string");
                }
                out.add(text.substring(i + 1, end));
                i = end + 1;
            } else {
                int end = i;
                while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                    end++;
                }
                out.add(text.substring(i, end));
                i = end;
            }
        }
        return out;
    }

    private static Entry setting(String text, String file, int line, Origin origin) throws ConfigException {
        int i = 0;
        while (i < text.length() && text.charAt(i) != '=' && !Character.isWhitespace(text.charAt(i))
                && text.charAt(i) != '"') {
            i++;
        }
        String key = text.substring(0, i);
        i = skipBlanks(text, i);
        if (key.isEmpty() || i >= text.length() || text.charAt(i) != '=') {
            throw new ConfigException(file, line, "expected KEYWORD=VALUE, found '" + text + "'");
        }
        i = skipBlanks(text, i + 1);
        String value;
        if (i >= text.length() || text.charAt(i) == '#') {
            value = "";
        } else if (text.charAt(i) == '"') {
            int end = text.indexOf('"', i + 1);
            if (end < 0) {
                throw new ConfigException(file, line, "unterminated quoted value of " + key);
            }
            value = text.substring(i + 1, end);
            i = end + 1;
        } else if (text.charAt(i) == '{') {
            int end = text.indexOf('}', i + 1);
            if (end < 0 || text.substring(i, end).indexOf('"') >= 0) {
                throw new ConfigException(file, line, "expected {LIST} without quotes as the value of " + key);
            }
            value = text.substring(i + 1, end).strip();
            i = end + 1;
        } else {
            int end = i;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '"') {
                end++;
            }
            value = text.substring(i, end);
            i = end;
        }
        i = skipBlanks(text, i);
        if (i < text.length() && text.charAt(i) != '#') {
            throw new ConfigException(file, line, "unexpected '" + text.substring(i) + "' after the value of " + key
                    + " (quote a value that contains blanks)");
        }
        return new Entry(key.toLowerCase(java.util.Locale.ROOT), value, origin);
    }

    private static int skipBlanks(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
