package io.ikescope.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ikescope.capture.CaptureException;
import io.ikescope.capture.CaptureReader;
import io.ikescope.capture.Captures;
import io.ikescope.net.CaptureScan;
import io.ikescope.net.DecoderCounters;
import io.ikescope.net.DecoderOptions;
import io.ikescope.net.IkeDatagram;
import io.ikescope.net.PacketSink;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Any bytes given as a capture: the reader and the whole decoding loop either finish or fail with a
 * {@link CaptureException} naming the input. Any other exception, a hang or running out of memory is a finding.
 */
class CaptureReaderFuzzTest {
    private static final String NAME = "fuzzed-capture";

    @FuzzTest(maxDuration = "10m")
    void readCapture(byte[] input) throws IOException {
        try (CaptureReader reader = Captures.open(new ByteArrayInputStream(input), NAME)) {
            DecoderCounters counters = CaptureScan.run(reader, DecoderOptions.defaults(), new PacketSink() {
                @Override
                public void onIke(IkeDatagram message) {
                    if (message.ike().length < 28) {
                        throw new AssertionError("an IKE message of " + message.ike().length + " bytes was delivered");
                    }
                }

                @Override
                public void onWarning(String warning) {
                    if (warning == null || warning.isBlank()) {
                        throw new AssertionError("an empty warning");
                    }
                }
            });
            // Every record takes at least 12 bytes (16 in pcap), so an uncompressed input bounds the frame count.
            boolean compressed = reader.format().endsWith("+gzip");
            if (!compressed && counters.frames() > input.length / 12) {
                throw new AssertionError(counters.frames() + " frames from " + input.length + " bytes");
            }
        } catch (CaptureException e) {
            if (!e.getMessage().startsWith(NAME + ": ") || e.getMessage().length() <= NAME.length() + 2) {
                throw new AssertionError("a capture error that does not name the input: " + e.getMessage(), e);
            }
        }
    }
}
