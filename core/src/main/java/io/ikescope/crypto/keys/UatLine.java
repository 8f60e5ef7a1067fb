package io.ikescope.crypto.keys;

import java.util.ArrayList;
import java.util.List;

/**
 * One record line of a Wireshark UAT file (the format of its decryption tables): comma-separated fields, each
 * either a double-quoted string (backslash escapes {@code \\}, {@code \"} and {@code \xNN}) or unquoted text
 * (Wireshark allows only hex digits there; the table readers check that).
 *
 * <p>Wireshark accepts blanks before a field but nothing after the last one; this reader also forgives
 * trailing blanks. A comment after a record is an error, as in Wireshark.
 */
final class UatLine {

    /** A field's text (unescaped when quoted) and whether it was quoted. */
    record Field(String text, boolean quoted) {
    }

    /** A line that does not follow the UAT syntax; {@code column} is 1-based. */
    static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;

        SyntaxError(int column, String problem) {
            super("column " + column + ": " + problem);
        }
    }

    private UatLine() {
    }

    /** True for lines a UAT file ignores: blank, or a comment (first non-blank character '#'). */
    static boolean ignorable(String line) {
        String s = line.strip();
        return s.isEmpty() || s.charAt(0) == '#';
    }

    static List<Field> split(String line) throws SyntaxError {
        List<Field> fields = new ArrayList<>();
        int end = line.stripTrailing().length();
        int i = 0;
        while (true) {
            while (i < end && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                i++;
            }
            if (i < end && line.charAt(i) == '"') {
                StringBuilder text = new StringBuilder();
                i = quoted(line, i, end, text);
                fields.add(new Field(text.toString(), true));
            } else {
                int start = i;
                while (i < end && line.charAt(i) != ',') {
                    if (line.charAt(i) == '"') {
                        throw new SyntaxError(i + 1, "a quote inside an unquoted field");
                    }
                    i++;
                }
                fields.add(new Field(line.substring(start, i).strip(), false));
            }
            while (i < end && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                i++;
            }
            if (i == end) {
                return fields;
            }
            if (line.charAt(i) != ',') {
                throw new SyntaxError(i + 1, "unexpected '" + line.charAt(i) + "' after field " + fields.size()
                        + " (a comment must be on a line of its own)");
            }
            i++;
        }
    }

    /** Reads the quoted string starting at {@code open}; returns the index after the closing quote. */
    private static int quoted(String line, int open, int end, StringBuilder text) throws SyntaxError {
        int i = open + 1;
        while (i < end) {
            char c = line.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\') {
                if (i + 1 >= end) {
                    break;
                }
                char next = line.charAt(i + 1);
                if (next == 'x' && i + 3 < end && isHex(line, i + 2) && isHex(line, i + 3)) {
                    text.append((char) Integer.parseInt(line.substring(i + 2, i + 4), 16));
                    i += 4;
                } else {
                    text.append(next);
                    i += 2;
                }
                continue;
            }
            text.append(c);
            i++;
        }
        throw new SyntaxError(open + 1, "quoted field not closed");
    }

    private static boolean isHex(String s, int index) {
        return index < s.length() && Character.digit(s.charAt(index), 16) >= 0;
    }
}
