package io.ikescope.text;

/**
 * Text padded to a column width with spaces, as the formatter's {@code %Ns} and {@code %-Ns} pad it (by
 * {@link String#length()}, never cutting a longer text): reports build their tables with these instead of a format
 * string, which costs a short run milliseconds of cold code and writes digits in the machine's locale.
 */
public final class Columns {
    private Columns() {
    }

    /** Appends {@code text} and then spaces up to {@code width} characters ({@code %-Ns}). */
    public static StringBuilder left(StringBuilder b, String text, int width) {
        b.append(text);
        return spaces(b, width - text.length());
    }

    /** Appends spaces and then {@code text}, to {@code width} characters in all ({@code %Ns}). */
    public static StringBuilder right(StringBuilder b, String text, int width) {
        return spaces(b, width - text.length()).append(text);
    }

    private static StringBuilder spaces(StringBuilder b, int count) {
        for (int i = 0; i < count; i++) {
            b.append(' ');
        }
        return b;
    }
}
