package io.ikescope.cli.serve;

/**
 * The progress line a diagnose child prints with the hidden {@code --progress-lines} (see the cli's
 * CaptureProgress): {@code ikescope: progress BYTES TOTAL}, BYTES read so far from the capture being read, and
 * {@code ikescope: progress BYTES TOTAL end} when that capture has been read (the next one starts from 0).
 */
public final class ProgressLine {
    public static final String PREFIX = "ikescope: progress ";

    private ProgressLine() {
    }

    public static final String END = " end";

    /** Whether {@code line} is the last progress line of a capture. */
    static boolean isEnd(String line) {
        return line.startsWith(PREFIX) && line.endsWith(END);
    }

    /** The byte count of a progress line, or -1 when {@code line} is not one. */
    static long bytes(String line) {
        if (!line.startsWith(PREFIX)) {
            return -1;
        }
        String rest = line.substring(PREFIX.length());
        int space = rest.indexOf(' ');
        try {
            return Long.parseLong(space < 0 ? rest : rest.substring(0, space));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
