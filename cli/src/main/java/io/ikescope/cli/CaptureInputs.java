package io.ikescope.cli;

import io.ikescope.capture.CaptureReader;
import io.ikescope.capture.Captures;
import io.ikescope.net.BackgroundScan;
import io.ikescope.net.CaptureScan;
import io.ikescope.net.DecoderCounters;
import io.ikescope.net.DecoderOptions;
import io.ikescope.net.PacketSink;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens and reads a CAPTURE argument: a path, or '-' for standard input. */
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

    /**
     * Reads a capture opened from {@code argument} to its end through the packet decoder into {@code sink} and
     * returns the decoder's counts. A capture file is read and decoded on a second thread ({@link BackgroundScan})
     * while this one handles what was found; standard input and other pipes are read on this thread, so that each
     * message of a live {@code tcpdump -U -w - | ikescope dissect -} comes out as soon as it arrives rather than
     * with the next batch.
     */
    static DecoderCounters scan(String argument, CaptureReader reader, DecoderOptions options, PacketSink sink)
            throws IOException {
        if ("-".equals(argument) || !Files.isRegularFile(Path.of(argument))) {
            return CaptureScan.run(reader, options, sink);
        }
        try (BackgroundScan scan = BackgroundScan.start(reader, options)) {
            return scan.drainTo(sink);
        }
    }
}
