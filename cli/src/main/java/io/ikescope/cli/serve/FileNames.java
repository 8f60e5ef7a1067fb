package io.ikescope.cli.serve;

/**
 * The name an upload is stored and reported under: the last segment of what the browser sent, reduced to letters,
 * digits and {@code . _ + -} (so it can be neither a path, nor an option of the command it is passed to, nor markup),
 * at most {@link #MAX_LENGTH} characters.
 */
final class FileNames {
    static final int MAX_LENGTH = 100;

    private FileNames() {
    }

    static String safe(String sent) {
        String name = sent == null ? "" : sent;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < name.length() && b.length() < MAX_LENGTH; i++) {
            char c = name.charAt(i);
            boolean plain = c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '+' || c == '-');
            b.append(plain ? c : '_');
        }
        // a leading dot would hide the file, a leading dash make it an option
        while (b.length() > 0 && (b.charAt(0) == '.' || b.charAt(0) == '-')) {
            b.setCharAt(0, '_');
        }
        return b.length() == 0 ? "upload" : b.toString();
    }

    /** {@code name} with "-2", "-3" ... before its extension, the n-th variant for a name already taken. */
    static String variant(String name, int n) {
        int dot = name.indexOf('.', 1);
        return dot < 0 ? name + "-" + n : name.substring(0, dot) + "-" + n + name.substring(dot);
    }
}
