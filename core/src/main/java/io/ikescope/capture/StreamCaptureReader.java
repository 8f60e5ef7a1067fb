package io.ikescope.capture;

import java.io.IOException;
import java.util.List;

/**
 * What the pcap and pcapng readers share: the buffered stream, the input's name for messages, the warnings,
 * and how the stream ends (a cut-off last record becomes a warning, the frames read so far are kept).
 */
abstract class StreamCaptureReader implements CaptureReader {
    final StreamBuffer in;
    final String source;
    final Warnings warnings = new Warnings();
    private final String format;
    boolean finished;

    StreamCaptureReader(StreamBuffer in, String source, String format) {
        this.in = in;
        this.source = source;
        this.format = format;
    }

    /** Ends the stream, keeping the frames already read; {@code warning} (may be null) says why it ended early. */
    final Frame end(String warning) {
        if (warning != null) {
            warnings.add(warning);
        }
        finished = true;
        return null;
    }

    /** "SOURCE: at byte N: truncated WHAT: needs N bytes, M remain", with the stream's own early-end reason. */
    final String truncated(String what, long offset, long need, long remain) {
        String why = in.earlyEnd() != null ? " (" + in.earlyEnd() + ")" : "";
        return source + ": at byte " + offset + ": truncated " + what + ": needs " + need + " bytes, " + remain
                + " remain" + why;
    }

    @Override
    public long bytesRead() {
        return in.rawBytesRead();
    }

    @Override
    public final String format() {
        return format;
    }

    @Override
    public final List<String> warnings() {
        return warnings.list();
    }

    @Override
    public final void close() throws IOException {
        in.close();
    }
}
