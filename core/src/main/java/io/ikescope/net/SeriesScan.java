package io.ikescope.net;

import io.ikescope.capture.CaptureReader;
import io.ikescope.capture.Frame;

import java.io.IOException;
import java.util.function.LongPredicate;

/**
 * Decodes the files of one rotated series as one capture. Each file is read on a core of its own (a {@link ScanAhead}
 * scan with its own decoder), which is right as long as no IP datagram and no RFC 8229 stream is cut by a file
 * boundary; when the decoder of a file still holds part of one at its end, the next file is decoded again, on this
 * thread, by that same decoder, so the datagram is completed exactly as in one file. Frames are numbered across
 * the series (the first file's first frame is 1), as {@code mergecap -a} of the files in order numbers them.
 */
public final class SeriesScan {
    /** One file read: its format, its frames and IKE messages, the capture time of its last frame. */
    public record FileResult(String format, long frames, long ikeMessages, long lastFrameNanos) {
    }

    /** Shows the progress of reading one file (a progress bar); closed when the file is read. */
    public interface Progress {
        Watching watch(CaptureReader reader);
    }

    /** A progress display of one file; closing it ends the display. */
    public interface Watching extends AutoCloseable {
        @Override
        void close();
    }

    private final ScanAhead window;
    /** Frames of the series read so far: the next file's first frame is {@code frames + 1}. */
    private long frames;
    /** A decoder still holding part of a datagram or stream at the end of its file, or null. */
    private PacketDecoder carried;
    /** The series number, minus one, of the first frame the carried decoder numbered 1. */
    private long carriedOrigin;

    public SeriesScan(ScanAhead window) {
        this.window = window;
    }

    /**
     * Reads the window's next file into {@code sink}, frames numbered across the series. {@code nextContinues} says,
     * given the capture time of this file's last frame, whether a file of the same series follows (only then may a
     * datagram open at the end go on into it).
     */
    public FileResult read(PacketSink sink, LongPredicate nextContinues, Progress progress) throws IOException {
        ScanAhead.Scan scan = window.next();
        FileResult result;
        try (scan) {
            result = carried == null ? drain(scan, sink, nextContinues, progress)
                    : continueCarried(scan, sink, nextContinues, progress);
        } catch (IOException | RuntimeException e) {
            carried = null;
            throw e;
        }
        frames += result.frames();
        return result;
    }

    private FileResult drain(ScanAhead.Scan scan, PacketSink sink, LongPredicate nextContinues, Progress progress)
            throws IOException {
        PacketSink numbered = ShiftedFrames.by(frames, sink);
        DecoderCounters c;
        try (Watching watching = progress.watch(scan.reader())) {
            c = scan.drainTo(numbered);
        }
        PacketDecoder decoder = scan.decoder();
        decoder.redirect(numbered);
        if (decoder.holdsPartialData() && nextContinues.test(c.lastFrameNanos())) {
            carried = decoder;
            carriedOrigin = frames;
            warnReader(scan.reader(), numbered);
        } else {
            decoder.finish();
            warnReader(scan.reader(), numbered);
        }
        return new FileResult(scan.reader().format(), c.frames(), c.ikeMessages(), c.lastFrameNanos());
    }

    /** The file before left a datagram open: this file is decoded by its decoder, numbering on from it. */
    private FileResult continueCarried(ScanAhead.Scan unused, PacketSink sink, LongPredicate nextContinues,
                                       Progress progress) throws IOException {
        PacketDecoder decoder = carried;
        carried = null;
        PacketSink numbered = ShiftedFrames.by(carriedOrigin, sink);
        decoder.redirect(numbered);
        long before = decoder.counters().ikeMessages();
        long base = frames - carriedOrigin;
        long count = 0;
        long last = DecoderCounters.NO_FRAME;
        String format;
        try (CaptureReader reader = unused.reopen(); Watching watching = progress.watch(reader)) {
            format = reader.format();
            for (Frame f = reader.next(); f != null; f = reader.next()) {
                decoder.accept(new Frame(base + f.number(), f.epochNanos(), f.linkType(), f.data(), f.offset(),
                        f.capturedLength(), f.originalLength(), f.fileOffset()));
                count++;
                last = f.epochNanos();
            }
            if (decoder.holdsPartialData() && nextContinues.test(last)) {
                carried = decoder;
            } else {
                decoder.finish();
            }
            warnReader(reader, numbered);
        }
        return new FileResult(format, count, decoder.counters().ikeMessages() - before, last);
    }

    private static void warnReader(CaptureReader reader, PacketSink sink) {
        for (String warning : reader.warnings()) {
            sink.onWarning(warning);
        }
    }
}
