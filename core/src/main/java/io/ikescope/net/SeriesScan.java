package io.ikescope.net;

import io.ikescope.capture.CaptureReader;
import io.ikescope.capture.Frame;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
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
    private final FrameTriage triage;
    /** Frames of the series read so far: the next file's first frame is {@code frames + 1}. */
    private long frames;
    /** A decoder still holding part of a datagram or stream at the end of its file, or null. */
    private PacketDecoder carried;
    /** The series number, minus one, of the first frame the carried decoder numbered 1. */
    private long carriedOrigin;
    /** Files whose own scan took over from the carried decoder part-way (for tests). */
    private int handOvers;

    public SeriesScan(ScanAhead window) {
        this.window = window;
        this.triage = new FrameTriage(window.options());
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

    /**
     * The file before left a datagram open: its decoder goes on into this file, numbering on from it, until the
     * datagrams it carried are settled (completed, expired) without making a difference to anything else; it then
     * holds what a decoder that began with this file holds, so from the next frame this file's own scan, read
     * meanwhile on another core, gives the same events, and takes over. Only when a
     * carried datagram did make a difference (a later fragment of it, limits, an RFC 8229 stream) is the whole
     * file decoded by the carried decoder, on this thread.
     */
    private FileResult continueCarried(ScanAhead.Scan scan, PacketSink sink, LongPredicate nextContinues,
                                       Progress progress) throws IOException {
        PacketDecoder decoder = carried;
        carried = null;
        Given given = new Given(sink, new HashSet<>(), new HashSet<>());
        PacketSink numbered = ShiftedFrames.by(carriedOrigin, given);
        decoder.redirect(numbered);
        boolean mayHandOver = decoder.watchLeftovers();
        long before = decoder.counters().ikeMessages();
        long base = frames - carriedOrigin;
        long count = 0;
        long last = DecoderCounters.NO_FRAME;
        String format;
        try (CaptureReader reader = scan.reopen(); Watching watching = progress.watch(reader)) {
            format = reader.format();
            for (Frame f = reader.next(); f != null; f = reader.next()) {
                // most frames cannot touch the datagram carried over: counted, not decoded (this is the main thread)
                if (triage.mayMatter(f)) {
                    decoder.accept(new Frame(base + f.number(), f.epochNanos(), f.linkType(), f.data(), f.offset(),
                            f.capturedLength(), f.originalLength(), f.fileOffset()));
                } else {
                    decoder.skip(base + f.number(), f.epochNanos());
                }
                count++;
                last = f.epochNanos();
                if (mayHandOver && decoder.leftoversTouched()) {
                    mayHandOver = false;
                } else if (mayHandOver && decoder.leftoversSettled()) {
                    // both decoders now hold the same: the file's own scan goes on from the next frame alike
                    handOvers++;
                    return drain(scan, new LaterFrames(given, frames + f.number()), nextContinues, progress);
                }
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

    /**
     * What the carried decoder gave (series numbering): passed on to {@code sink}, its warnings and dropped datagrams
     * remembered, so that the file's own scan does not give them a second time after the hand-over.
     */
    private record Given(PacketSink sink, Set<String> warnings, Set<IncompleteDatagram> dropped)
            implements PacketSink {
        @Override
        public void onIke(IkeDatagram message) {
            sink.onIke(message);
        }

        @Override
        public void onEsp(EspPacket packet) {
            sink.onEsp(packet);
        }

        @Override
        public void onAh(AhPacket packet) {
            sink.onAh(packet);
        }

        @Override
        public void onWarning(String warning) {
            warnings.add(warning);
            sink.onWarning(warning);
        }

        @Override
        public void onIcmpUnreachable(IcmpUnreachable error) {
            sink.onIcmpUnreachable(error);
        }

        @Override
        public void onIncompleteDatagram(IncompleteDatagram datagram) {
            dropped.add(datagram);
            sink.onIncompleteDatagram(datagram);
        }
    }

    /**
     * A file's own scan after the hand-over (series numbering): what a frame up to {@code after} yielded the carried
     * decoder gave already; a datagram dropped, reported when it is given up (it may have begun before), only when the
     * carried decoder did not report it; a warning only when it was not given.
     */
    private record LaterFrames(Given given, long after) implements PacketSink {
        @Override
        public void onIke(IkeDatagram message) {
            if (message.frame() > after) {
                given.sink().onIke(message);
            }
        }

        @Override
        public void onEsp(EspPacket packet) {
            if (packet.frame() > after) {
                given.sink().onEsp(packet);
            }
        }

        @Override
        public void onAh(AhPacket packet) {
            if (packet.frame() > after) {
                given.sink().onAh(packet);
            }
        }

        @Override
        public void onWarning(String warning) {
            if (!given.warnings().contains(warning)) {
                given.sink().onWarning(warning);
            }
        }

        @Override
        public void onIcmpUnreachable(IcmpUnreachable error) {
            if (error.frame() > after) {
                given.sink().onIcmpUnreachable(error);
            }
        }

        @Override
        public void onIncompleteDatagram(IncompleteDatagram datagram) {
            if (!given.dropped().contains(datagram)) {
                given.sink().onIncompleteDatagram(datagram);
            }
        }
    }

    int handOvers() {
        return handOvers;
    }

    private static void warnReader(CaptureReader reader, PacketSink sink) {
        for (String warning : reader.warnings()) {
            sink.onWarning(warning);
        }
    }
}
