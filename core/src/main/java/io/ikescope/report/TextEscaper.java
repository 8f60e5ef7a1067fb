package io.ikescope.report;

/**
 * Makes peer-supplied text safe for a terminal: control characters (C0, DEL, C1), Unicode format characters
 * (bidirectional overrides, zero-width characters) and line/paragraph separators become {@code \xNN} or a backslash, "u" and
 * the hex code point in braces; a backslash becomes {@code \\} so an escape can never be forged.
 */
public final class TextEscaper {
    private TextEscaper() {
    }

    public static String escape(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            String replacement = replacement(cp);
            if (replacement != null && sb == null) {
                sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (sb != null) {
                if (replacement != null) {
                    sb.append(replacement);
                } else {
                    sb.appendCodePoint(cp);
                }
            }
            i += Character.charCount(cp);
        }
        return sb == null ? s : sb.toString();
    }

    private static String replacement(int cp) {
        if (cp == '\\') {
            return "\\\\";
        }
        if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) {
            return String.format("\\x%02x", cp);
        }
        int type = Character.getType(cp);
        if (type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE || type == Character.PRIVATE_USE || type == Character.UNASSIGNED) {
            return String.format("\\u{%04x}", cp);
        }
        return null;
    }
}
