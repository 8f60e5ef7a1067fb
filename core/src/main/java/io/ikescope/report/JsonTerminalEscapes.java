package io.ikescope.report;

import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;

/**
 * JSON string escaping that also keeps terminal-active characters out of the bytes: besides what JSON requires
 * (C0 controls, quote, backslash), DEL, the C1 controls (U+0080-U+009F, 8-bit CSI among them), Unicode format
 * characters (bidirectional overrides and isolates, zero-width characters), line and paragraph separators and
 * surrogate halves are written as {@code \}{@code uXXXX}. The decoded strings are unchanged; only their
 * spelling is, so {@code cat}-ing the JSON to a terminal is as safe as the text format.
 */
public final class JsonTerminalEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] ascii;

    public JsonTerminalEscapes() {
        ascii = CharacterEscapes.standardAsciiEscapesForJSON();
        ascii[0x7f] = CharacterEscapes.ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        return needsEscape(ch) ? new SerializedString(String.format("\\u%04X", ch)) : null;
    }

    static boolean needsEscape(int ch) {
        if (ch <= 0x9f) {
            return ch >= 0x7f;
        }
        int type = Character.getType(ch);
        return type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE;
    }
}
