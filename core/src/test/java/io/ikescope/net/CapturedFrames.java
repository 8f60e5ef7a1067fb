package io.ikescope.net;

import io.ikescope.capture.CaptureReader;
import io.ikescope.capture.Captures;
import io.ikescope.capture.Frame;
import io.ikescope.testsupport.TestPaths;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The frames of a real capture, each copied out of the reader's buffer so that they can be kept and replayed. */
final class CapturedFrames {
    private CapturedFrames() {
    }

    static List<Frame> of(Path capture) throws IOException {
        List<Frame> frames = new ArrayList<>();
        try (CaptureReader reader = Captures.open(capture)) {
            for (Frame f = reader.next(); f != null; f = reader.next()) {
                byte[] copy = Arrays.copyOfRange(f.data(), f.offset(), f.offset() + f.capturedLength());
                frames.add(new Frame(f.number(), f.epochNanos(), f.linkType(), copy, 0, copy.length,
                        f.originalLength(), f.fileOffset()));
            }
        }
        return frames;
    }

    /** The bundled background traffic: ordinary TCP and UDP, no IKE. */
    static List<Frame> background() throws IOException {
        return of(TestPaths.samples().resolve("background/background-traffic.pcap"));
    }
}
