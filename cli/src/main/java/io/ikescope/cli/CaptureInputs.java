package io.ikescope.cli;

import io.ikescope.capture.CaptureReader;
import io.ikescope.capture.Captures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/** Opens a CAPTURE argument: a path, or '-' for standard input. */
final class CaptureInputs {
    private CaptureInputs() {
    }

    /** How messages name the input: the path as given, or "(standard input)" for '-'. */
    static String displayName(String argument) {
        return "-".equals(argument) ? "(standard input)" : argument;
    }

    static CaptureReader open(String argument, InputStream standardInput) throws IOException {
        if ("-".equals(argument)) {
            return Captures.open(standardInput, displayName(argument));
        }
        return Captures.open(Path.of(argument));
    }
}
