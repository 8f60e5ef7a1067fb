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

    /** The line number only: the text may hold a key. */
    @Override
    public String toString() {
        return "line " + number;
    }
}
