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

    static CaptureReader open(String argument, InputStream standardInput) throws IOException {
        if ("-".equals(argument)) {
            return Captures.open(standardInput, "(standard input)");
        }
        return Captures.open(Path.of(argument));
    }
}
