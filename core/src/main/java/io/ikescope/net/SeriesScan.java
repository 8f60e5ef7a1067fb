package io.ikescope.net;

import io.ikescope.capture.CaptureReader;
import io.ikescope.capture.Frame;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongPredicate;

/**
 * Decodes the files of one rotated series as one capture. Each file is read on a core of its own (a {@link ScanAhead}
 * scan with its own decoder), which is right as long as no IP datagram and no RFC 8229 stream is cut by a file
 * boundary; when the decoder of a file still holds part of one at its end, that same decoder is given the next
 * file's frames too (as that file's scan logged them: the file is not read again), on this thread, so the datagram is
 * completed exactly as in one file. Frames are numbered across
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
    /** Files whose own scan took over from the carried decoder part-way (for tests). */
    private int handOvers;

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
            if (carried == null) {
                scan.stopLogging();
                result = drain(scan, sink, nextContinues, progress);
            } else {
                result = continueCarried(scan, sink, nextContinues, progress);
            }
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
        return ended(scan, numbered, c, nextContinues);
    }

    /** The file's own decoder after its last frame: finished, or carried into the next file if that one continues. */
    private FileResult ended(ScanAhead.Scan scan, PacketSink numbered, DecoderCounters c, LongPredicate nextContinues) {
        PacketDecoder decoder = scan.decoder();
        decoder.redirect(numbered);
        if (decoder.holdsPartialData() && nextContinues.test(c.lastFrameNanos())) {
            carried = decoder;
            carriedOrigin = frames;
        } else {
            decoder.finish();
        }
        warnReader(scan.reader(), numbered);
        return new FileResult(scan.reader().format(), c.frames(), c.ikeMessages(), c.lastFrameNanos());
    }

    /**
     * The file before left a datagram open: its decoder goes on into this file, numbering on from it, until the
     * datagrams it carried are settled (completed, expired) without making a difference to anything else; it then
     * holds what a decoder that began with this file holds, so from the next frame this file's own scan, run
     * meanwhile on another core, gives the same events, and takes over. Only when a carried datagram did make a
     * difference (a later fragment of it, limits, an RFC 8229 stream) does the carried decoder take the whole file.
     * Either way it is given the frames as the file's own scan logged them: the file is read once.
     */
    private FileResult continueCarried(ScanAhead.Scan scan, PacketSink sink, LongPredicate nextContinues,
                                       Progress progress) throws IOException {
        PacketDecoder decoder = carried;
        carried = null;
        Given given = new Given(sink, new HashSet<>(), new HashSet<>());
        PacketSink numbered = ShiftedFrames.by(carriedOrigin, given);
        decoder.redirect(numbered);
        long before = decoder.counters().ikeMessages();
        CarriedInto into = new CarriedInto(scan, decoder, frames - carriedOrigin, given, decoder.watchLeftovers());
        PacketSink own = ShiftedFrames.by(frames, into);
        DecoderCounters c;
        try (Watching watching = progress.watch(scan.reader())) {
            c = scan.drainTo(own, into);
        }
        if (into.later != null) {
            handOvers++;
            return ended(scan, own, c, nextContinues);
        }
        if (into.count != c.frames()) {
            throw new IllegalStateException("the carried decoder was given " + into.count + " of " + c.frames()
                    + " frames of " + scan.reader().format() + " capture");
        }
        if (decoder.holdsPartialData() && nextContinues.test(into.last)) {
            carried = decoder;
        } else {
            decoder.finish();
        }
        warnReader(scan.reader(), numbered);
        return new FileResult(scan.reader().format(), into.count, decoder.counters().ikeMessages() - before,
                into.last);
    }

    /**
     * The carried decoder's side of {@link #continueCarried}: the frames the file's own scan logged go to the carried
     * decoder until the hand-over; what the own scan found (series numbering) counts only from then on. Before it,
     * an event of a frame the carried decoder has had is its to give (the log of a batch comes before its events);
     * the own scan's warnings and dropped datagrams wait for the hand-over, which gives those the carried decoder did
     * not give. They are few: the carried datagrams expire within the fragment limits, or are touched and the wait
     * ends.
     */
    private final class CarriedInto implements PacketSink, BackgroundScan.FrameReplay {
        private final ScanAhead.Scan scan;
        private final PacketDecoder decoder;
        /** The carried decoder's number of the frame before this file's first. */
        private final long base;
        private final Given given;
        /**
         * While a hand-over can still happen: the own scan's warnings and dropped datagrams, given on at the hand-over;
         * null once it cannot (the carried decoder touched what it carried) or has happened.
         */
        private List<Object> held;
        /** From the hand-over: where the own scan's events go. */
        private LaterFrames later;
        private long count;
        private long last = DecoderCounters.NO_FRAME;

        CarriedInto(ScanAhead.Scan scan, PacketDecoder decoder, long base, Given given, boolean mayHandOver) {
            this.scan = scan;
            this.decoder = decoder;
            this.base = base;
            this.given = given;
            this.held = mayHandOver ? new ArrayList<>() : null;
        }

        @Override
        public void replay(TriagedFrames logged) {
            if (later == null) {
                logged.deliver(base + count + 1, decoder, this::afterFrame);
            }
        }

        private boolean afterFrame(long nanos, Frame kept) {
            count++;
            last = nanos;
            if (held != null && decoder.leftoversTouched()) {
                held = null;
            } else if (held != null && decoder.leftoversSettled()) {
                // both decoders now hold the same: the file's own scan goes on from the next frame alike
                later = new LaterFrames(given, frames + count);
                scan.stopLogging();
                for (Object event : held) {
                    if (event instanceof String warning) {
                        later.onWarning(warning);
                    } else {
                        later.onIncompleteDatagram((IncompleteDatagram) event);
                    }
                }
                held = null;
                return true;
            }
            return false;
        }

        @Override
        public void onIke(IkeDatagram message) {
            if (later != null) {
                later.onIke(message);
            }
        }

        @Override
        public void onEsp(EspPacket packet) {
            if (later != null) {
                later.onEsp(packet);
            }
        }

        @Override
        public void onAh(AhPacket packet) {
            if (later != null) {
                later.onAh(packet);
            }
        }

        @Override
        public void onIcmpUnreachable(IcmpUnreachable error) {
            if (later != null) {
                later.onIcmpUnreachable(error);
            }
        }

        @Override
        public void onWarning(String warning) {
            if (later != null) {
                later.onWarning(warning);
            } else if (held != null) {
                held.add(warning);
            }
        }

        @Override
        public void onIncompleteDatagram(IncompleteDatagram datagram) {
            if (later != null) {
                later.onIncompleteDatagram(datagram);
            } else if (held != null) {
                held.add(datagram);
            }
        }
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
