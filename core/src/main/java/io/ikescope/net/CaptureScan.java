package io.ikescope.net;

import io.ikescope.capture.CaptureReader;
import io.ikescope.capture.Frame;
import java.io.IOException;

/** Feeds every frame of one capture through a {@link PacketDecoder}: the loop every command runs. */
public final class CaptureScan {
    private CaptureScan() {
    }

    /** Reads the capture to its end; the reader's own warnings go to the sink after the frames. */
    public static DecoderCounters run(CaptureReader reader, DecoderOptions options, PacketSink sink) throws IOException {
        PacketDecoder decoder = new PacketDecoder(sink, options);
        frames(reader, decoder, () -> { });
        return finish(reader, decoder, sink);
    }

    /** After the last frame: finishes the decoder, then the reader's own warnings go to the sink. */
    static DecoderCounters finish(CaptureReader reader, PacketDecoder decoder, PacketSink sink) {
        decoder.finish();
        for (String warning : reader.warnings()) {
            sink.onWarning(warning);
        }
        return decoder.counters();
    }

    /** Only the frames: the decoder is neither finished nor told the reader's warnings (a file of a series). */
    static DecoderCounters frames(CaptureReader reader, PacketDecoder decoder, Runnable afterFrame)
            throws IOException {
        for (Frame frame = reader.next(); frame != null; frame = reader.next()) {
            decoder.accept(frame);
            afterFrame.run();
        }
        return decoder.counters();
    }
}
