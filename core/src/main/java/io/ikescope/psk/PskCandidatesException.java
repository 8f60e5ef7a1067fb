package io.ikescope.psk;

import java.io.IOException;

/** A candidates file that cannot be used, with the file and line (0: the file as a whole). Never quotes a line. */
public final class PskCandidatesException extends IOException {
    private final String file;
    private final int line;

    public PskCandidatesException(String file, int line, String problem) {
        super(file + (line > 0 ? " line " + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }
}
