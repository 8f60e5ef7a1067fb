package io.ikescope.config.cisco;

import io.ikescope.config.ConfigException;
import io.ikescope.config.Origin;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of a running-config and the lines indented under it ("crypto ikev2 keyring K" / " peer P" /
 * "  address A"). IOS writes a sub-mode's commands one space deeper than the command that entered it.
 */
final class CiscoLine {

    /** IOS nests at most three levels deep (keyring, peer, its commands); more is not a running-config. */
    static final int MAX_DEPTH = 8;
    static final int MAX_LINE_CHARS = 4096;

    final int number;
    final int indent;
    final String text;
    final List<String> words;
    final List<CiscoLine> children = new ArrayList<>();

    CiscoLine(int number, int indent, String text) {
        this.number = number;
        this.indent = indent;
        this.text = text;
        this.words = List.of(text.split("\\s+"));
    }

    String word(int i) {
        return i < words.size() ? words.get(i) : null;
    }

    /** The words from {@code i} on, joined by one space ("" when there are none). */
    String rest(int i) {
        return i >= words.size() ? "" : String.join(" ", words.subList(i, words.size()));
    }

    boolean startsWith(String... prefix) {
        if (words.size() < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (!words.get(i).equalsIgnoreCase(prefix[i])) {
                return false;
            }
        }
        return true;
    }

    Origin origin(String file) {
        return Origin.at(file, number);
    }

    /**
     * The top-level lines of a pasted configuration, each with its indented sub-lines. Blank lines and "!" lines
     * are skipped; a top-level "end" ends the configuration (what follows is the next prompt).
     */
    static List<CiscoLine> parse(String file, String content) throws ConfigException {
        List<CiscoLine> top = new ArrayList<>();
        CiscoLine[] stack = new CiscoLine[MAX_DEPTH];
        int depth = 0;
        String[] raw = content.split("\r?\n|\r", -1);
        String bannerEnd = null;
        for (int i = 0; i < raw.length; i++) {
            int number = i + 1;
            String line = raw[i].stripTrailing();
            if (line.length() > MAX_LINE_CHARS) {
                throw new ConfigException(file, number, "line longer than " + MAX_LINE_CHARS + " characters");
            }
            int indent = 0;
            while (indent < line.length() && (line.charAt(indent) == ' ' || line.charAt(indent) == '\t')) {
                indent++;
            }
            String text = line.substring(indent);
            if (bannerEnd != null) {
                // banner text is free text at any indentation, up to the delimiter
                if (text.contains(bannerEnd)) {
                    bannerEnd = null;
                }
                continue;
            }
            if (indent == 0 && text.startsWith("banner ")) {
                bannerEnd = bannerDelimiterStillOpen(text);
                continue;
            }
            if (text.isEmpty() || text.startsWith("!")) {
                continue;
            }
            if (indent == 0 && text.equals("end")) {
                break;
            }
            CiscoLine node = new CiscoLine(number, indent, text);
            while (depth > 0 && stack[depth - 1].indent >= indent) {
                depth--;
            }
            if (depth == 0) {
                // indentation is relative: a paste indented as a whole (from a mail) reads the same
                top.add(node);
            } else {
                stack[depth - 1].children.add(node);
            }
            if (depth == MAX_DEPTH) {
                throw new ConfigException(file, number, "indented more than " + MAX_DEPTH + " levels deep");
            }
            stack[depth++] = node;
        }
        return top;
    }

    /**
     * "banner motd ^CText^C": the delimiter (IOS shows Ctrl-C as "^C") when the banner goes on after this line,
     * null when it ends on it.
     */
    private static String bannerDelimiterStillOpen(String text) {
        String[] words = text.split("\\s+", 3);
        if (words.length < 3) {
            return null;
        }
        String delimiter = words[2].startsWith("^") && words[2].length() > 1 ? words[2].substring(0, 2)
                : words[2].substring(0, 1);
        return words[2].indexOf(delimiter, delimiter.length()) >= 0 ? null : delimiter;
    }

    /** The line number only: the text may hold a key. */
    @Override
    public String toString() {
        return "line " + number;
    }
}
