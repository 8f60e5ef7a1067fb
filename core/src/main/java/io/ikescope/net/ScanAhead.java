package io.ikescope.net;

import io.ikescope.capture.CaptureReader;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads many capture files on several cores while the caller takes their results in order: the scans of the next
 * {@code ahead} files run at once, each a {@link BackgroundScan} with its bounded queue, so memory follows the
 * window, not the number or size of the files. The caller drains one file after another exactly as a single thread
 * would have read them, so what it builds (negotiations, their order, the report) does not depend on the threads.
 * Each scan leaves its decoder open: {@link SeriesScan} finishes it or goes on with it into the next file.
 */
public final class ScanAhead implements AutoCloseable {
    /** Opens one capture file; called on the caller's thread when the file enters the window. */
    public interface Opener {
        CaptureReader open() throws IOException;
    }

    /**
     * A file being read: its reader (format, progress) and its scan, to drain and then close. The scan of every
     * file but the first logs its frames until told not to: the decoder of the file before may have to go on into it.
     */
    public static final class Scan implements AutoCloseable {
        private final CaptureReader reader;
        private final BackgroundScan scan;

        private Scan(CaptureReader reader, BackgroundScan scan) {
            this.reader = reader;
            this.scan = scan;
        }

        /** The scan's decoder, left open: see {@link BackgroundScan#startOpenEnded}. */
        PacketDecoder decoder() {
            return scan.decoder();
        }

        /** Nobody will replay this file's frames: its scan stops logging them. */
        void stopLogging() {
            scan.stopLogging();
        }

        /** {@link #drainTo(PacketSink)}, the frames as the scan logged them to {@code replay} first, batch by batch. */
        DecoderCounters drainTo(PacketSink sink, BackgroundScan.FrameReplay replay) throws IOException {
            return scan.drainTo(sink, replay);
        }

        public CaptureReader reader() {
            return reader;
        }

        /** Everything the file's frames yield, to {@code sink} in capture order, and the decoder's counts. */
        public DecoderCounters drainTo(PacketSink sink) throws IOException {
            return scan.drainTo(sink);
        }

        @Override
        public void close() throws IOException {
            scan.close();
            reader.close();
        }
    }

    private final List<Opener> files;
    private final DecoderOptions options;
    private final int ahead;
    /** Started scans, index = file; null before a file enters the window or after it was handed out. */
    private final List<Scan> started = new ArrayList<>();
    /** A file that could not be opened: thrown when its turn comes, not while an earlier one is read. */
    private final List<IOException> failures = new ArrayList<>();
    private int nextOut;

    /** Nothing starts before the first {@link #next()}. {@code ahead} is the number of files read at once (>= 1). */
    public ScanAhead(List<Opener> files, DecoderOptions options, int ahead) {
        if (ahead < 1) {
            throw new IllegalArgumentException("ahead must be at least 1: " + ahead);
        }
        this.files = List.copyOf(files);
        this.options = options;
        this.ahead = ahead;
    }

    /** How every file of the window is decoded. */
    DecoderOptions options() {
        return options;
    }

    /** Files read at once on this machine: one per core, at most eight (each holds a reader and a queue). */
    public static int defaultAhead() {
        return Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
    }

    public boolean hasNext() {
        return nextOut < files.size();
    }

    /** The next file in order, its scan running; the files after it up to the window start reading too. */
    public Scan next() throws IOException {
        if (!hasNext()) {
            throw new IllegalStateException("no file left");
        }
        int turn = nextOut++;
        fillWindow(turn);
        IOException failure = failures.get(turn);
        if (failure != null) {
            throw failure;
        }
        Scan scan = started.get(turn);
        started.set(turn, null);
        return scan;
    }

    private void fillWindow(int turn) {
        int until = Math.min(files.size(), turn + ahead);
        for (int i = started.size(); i < until; i++) {
            try {
                CaptureReader reader = files.get(i).open();
                started.add(new Scan(reader, BackgroundScan.startOpenEnded(reader, options, i > 0)));
                failures.add(null);
            } catch (IOException e) {
                started.add(null);
                failures.add(e);
            }
        }
    }

    /** Stops and closes every scan not handed out (those handed out are their caller's to close). */
    @Override
    public void close() throws IOException {
        IOException first = null;
        for (int i = 0; i < started.size(); i++) {
            Scan scan = started.get(i);
            if (scan != null) {
                started.set(i, null);
                try {
                    scan.close();
                } catch (IOException e) {
                    first = first == null ? e : first;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
