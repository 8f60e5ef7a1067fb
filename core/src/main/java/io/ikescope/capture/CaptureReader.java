package io.ikescope.capture;

import java.io.Closeable;
import java.io.IOException;

/** Streams the frames of one capture, in file order, never holding the whole file in memory. */
public interface CaptureReader extends Closeable {

    /** The next frame, or {@code null} at the end of the capture. The returned frame is valid until the next call. */
    Frame next() throws IOException;

    /** {@code "pcap"} or {@code "pcapng"}, with {@code "+gzip"} appended when the stream was compressed. */
    String format();

    /**
     * Bytes taken so far from the underlying input (the compressed bytes of a gzip capture): compare with the
     * file's size for progress. May be read from another thread.
     */
    long bytesRead();

    /**
     * The same capture as a plain pcap file that can also be read in byte ranges, on several threads at once; null
     * for any other capture (pcapng, gzip, a stream).
     */
    default PcapRanges ranges() {
        return null;
    }

    /** Non-fatal problems met so far (unknown link type, a skipped corrupt block ...), each said once. */
    java.util.List<String> warnings();
}
