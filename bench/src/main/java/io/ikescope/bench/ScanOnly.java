package io.ikescope.bench;

import io.ikescope.capture.CaptureReader;
import io.ikescope.capture.Captures;
import io.ikescope.net.CaptureScan;
import io.ikescope.net.DecoderCounters;
import io.ikescope.net.DecoderOptions;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The floor under {@code ikescope diagnose}'s whole-process time: a JVM that only reads a capture and finds its
 * IKE frames (capture reader and packet decoder, as diagnose runs them), with no command line, reconstruction,
 * diagnosis or report. bench/diagnose-vs-tshark.sh times it beside diagnose. Usage: {@code ScanOnly CAPTURE}.
 */
public final class ScanOnly {
    private ScanOnly() {
    }

    public static void main(String[] args) throws IOException {
        try (CaptureReader reader = Captures.open(Path.of(args[0]))) {
            DecoderCounters counts = CaptureScan.run(reader, DecoderOptions.defaults(), message -> { });
            System.out.println(counts.frames() + " frames, " + counts.ikeMessages() + " IKE messages");
        }
    }
}
