package io.ikescope.fuzz;

/** What no output of ikescope may contain, whatever the capture held: characters a terminal would act on. */
public final class OutputSafety {
    private OutputSafety() {
    }

    /**
     * The index of the first character a terminal could act on (C0 controls except the newline that ends a
     * line, DEL, C1 controls, Unicode format characters such as bidirectional overrides, line and paragraph
     * separators), or -1.
     */
    public static int firstUnsafe(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                continue;
            }
            int type = Character.getType(c);
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || type == Character.FORMAT
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                return i;
            }
        }
        return -1;
    }

    public static void requireSafe(String what, String s) {
        int at = firstUnsafe(s);
        if (at >= 0) {
            throw new AssertionError(what + " holds U+" + String.format("%04X", (int) s.charAt(at)) + " at index " + at
                    + ": " + s.substring(Math.max(0, at - 40), Math.min(s.length(), at + 40)));
        }
    }
}
