package io.ikescope.cli.watch;

import io.ikescope.capture.CaptureReader;
import io.ikescope.capture.Captures;
import io.ikescope.net.CaptureScan;
import io.ikescope.net.DecoderOptions;
import io.ikescope.report.WatchEventWriter;
import io.ikescope.session.MessageSource;
import io.ikescope.watch.LiveDiagnosis;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Runs a small bundled capture (two lab negotiations: an IKEv2 success and an IKEv1 PSK mismatch) through the whole
 * live pipeline once before the input is read: the first verdict of a live run is then not held up by loading the
 * diagnosis and the writers (measured: the first verdict of a cold run came up to 0.6 s later than the next ones).
 */
public final class WarmUp {
    private static final String CAPTURE = "warm-up.pcap";

    private WarmUp() {
    }

    public static void run(boolean json) {
        WatchEventWriter writer = new WatchEventWriter(Writer.nullWriter(), json);
        LiveDiagnosis live = new LiveDiagnosis(CAPTURE, LiveDiagnosis.options(600_000_000_000L),
                MessageSource.withoutKeys(), 1, 1, e -> {
                    try {
                        writer.write(e);
                    } catch (IOException x) {
                        throw new UncheckedIOException(x);
                    }
                });
        try (InputStream in = WarmUp.class.getResourceAsStream(CAPTURE);
             CaptureReader reader = Captures.open(in, CAPTURE)) {
            CaptureScan.run(reader, DecoderOptions.defaults(), live.packetSink(w -> { }));
            live.tick();
            live.finish();
        } catch (IOException | RuntimeException e) {
            // a warm-up that fails costs nothing but the speed-up
        }
    }
}
