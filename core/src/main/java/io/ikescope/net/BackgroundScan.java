package io.ikescope.net;

import io.ikescope.capture.CaptureReader;
import io.ikescope.capture.Frame;
import io.ikescope.capture.PcapRanges;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link CaptureScan} on a thread of its own: reading and decoding a capture, the part of a run that grows with
 * the file, overlaps with what the caller does meanwhile (reconstructing negotiations from what was found so far). {@link #drainTo} hands the caller everything in capture order, on the caller's
 * thread, exactly as {@link CaptureScan#run} would have; a failure of the scan is thrown there, after what was
 * found before it.
 *
 * <p>Memory stays bounded: what was found travels in batches of at most {@link #BATCH_EVENTS} events or about
 * {@link #BATCH_BYTES} bytes of IKE messages, and at most {@link #QUEUED_BATCHES} batches wait; beyond that the
 * scan waits for the caller. {@link #close()} stops a scan whose results are not wanted. A large plain pcap file is
 * read by several threads at once ({@link RangeScan}); the decoder stays on the scan's thread.
 */
public final class BackgroundScan implements AutoCloseable {
    static final int BATCH_EVENTS = 512;
    static final int BATCH_BYTES = 256 * 1024;
    static final int QUEUED_BATCHES = 8;
    /** Frames after which a non-empty batch goes out even if not full, so the caller has work while the scan runs. */
    static final int FRAMES_PER_HANDOVER = 8192;

    private final CaptureReader reader;
    private final DecoderOptions options;
    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
    private final Thread thread;
    /** Live input: every frame's events are handed over at once, so the caller sees them as they arrive. */
    private final boolean live;
    /** A file of a series: the decoder is left open for the caller (see {@link #decoder()}). */
    private final boolean openEnded;
    /** The frames go with the batches too, triaged ({@link #startOpenEnded}), until {@link #stopLogging()}. */
    private volatile boolean logging;
    private volatile PacketDecoder decoder;
    /** The file was read in ranges by several threads (for tests). */
    private volatile boolean split;
    private volatile boolean cancelled;
    private boolean drained;

    private BackgroundScan(CaptureReader reader, DecoderOptions options, boolean live, boolean openEnded,
                           boolean logging) {
        this.reader = reader;
        this.options = options;
        this.live = live;
        this.openEnded = openEnded;
        this.logging = logging;
        this.thread = new Thread(this::scan, "ikescope-scan");
        // a scan nobody waits for must not keep the process alive
        thread.setDaemon(true);
    }

    /** Starts scanning {@code reader} (which stays the caller's to close, after this scan is closed). */
    public static BackgroundScan start(CaptureReader reader, DecoderOptions options) {
        BackgroundScan scan = new BackgroundScan(reader, options, false, false, false);
        scan.thread.start();
        return scan;
    }

    /**
     * The same for one file of a rotated series: the decoder is neither finished nor told the reader's warnings when
     * the file ends; after {@link #drainTo} the caller has it ({@link #decoder()}) to finish, or to go on with into
     * the next file when a datagram or stream is still open.
     *
     * <p>{@code logged}: each batch also carries its frames as the triage saw them (their times, copies of the few it
     * keeps), so that the decoder of the file before can be given them ({@link #drainTo(PacketSink, FrameReplay)})
     * without reading the file again, until {@link #stopLogging()}.
     */
    static BackgroundScan startOpenEnded(CaptureReader reader, DecoderOptions options, boolean logged) {
        BackgroundScan scan = new BackgroundScan(reader, options, false, true, logged);
        scan.thread.start();
        return scan;
    }

    /** The batches handed over from now on carry no frames (those queued still may): nobody replays them. */
    void stopLogging() {
        logging = false;
    }

    /** Takes the frames of a logged scan batch by batch (consecutive, numbered from 1 in the file). */
    interface FrameReplay {
        void replay(TriagedFrames frames);
    }

    /** The open-ended scan's decoder, once {@link #drainTo} has returned; its sink is the scan's: redirect it. */
    public PacketDecoder decoder() {
        if (!openEnded || decoder == null) {
            throw new IllegalStateException("not an open-ended scan that was drained");
        }
        return decoder;
    }

    /**
     * The same for a live stream ({@code tcpdump -U -w -}): what a frame yields is handed over after that frame,
     * not in batches, and {@link #drainTo(PacketSink, Runnable)} ticks while the stream is quiet.
     */
    public static BackgroundScan startLive(CaptureReader reader, DecoderOptions options) {
        BackgroundScan scan = new BackgroundScan(reader, options, true, false, false);
        scan.thread.start();
        return scan;
    }

    /**
     * Delivers everything the scan finds to {@code sink}, in capture order, on the calling thread, and returns the
     * decoder's counts once the capture has been read to its end. Call once.
     *
     * @throws IOException the scan's own failure (an unreadable capture), after the events that preceded it
     */
    public DecoderCounters drainTo(PacketSink sink) throws IOException {
        return drainTo(sink, () -> { });
    }

    /**
     * The same, running {@code tick} after each batch and every 100 ms the scan hands nothing over (a live capture's
     * clock: what waits for a timeout is looked at even when no packet comes).
     */
    public DecoderCounters drainTo(PacketSink sink, Runnable tick) throws IOException {
        return drainTo(sink, tick, null);
    }

    /**
     * The same, giving {@code replay} each batch's frames (when the scan was still logging them) before the events
     * they yielded: a replay is never behind the events, and takes nothing that the queue does not bound.
     */
    DecoderCounters drainTo(PacketSink sink, FrameReplay replay) throws IOException {
        return drainTo(sink, () -> { }, replay);
    }

    private DecoderCounters drainTo(PacketSink sink, Runnable tick, FrameReplay replay) throws IOException {
        if (drained) {
            throw new IllegalStateException("already drained");
        }
        drained = true;
        while (true) {
            Batch batch;
            try {
                batch = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new InterruptedIOException("interrupted while reading " + reader.format() + " capture");
            }
            if (batch == null) {
                // a thread that died without handing over its end (out of memory while doing so) must not hang us
                if (!thread.isAlive() && queue.isEmpty()) {
                    throw new IllegalStateException("the capture scan stopped without a result");
                }
                tick.run();
                continue;
            }
            if (replay != null && batch.frames != null) {
                replay.replay(batch.frames);
            }
            for (Object event : batch.events) {
                deliver(event, sink);
            }
            tick.run();
            if (batch.failure != null) {
                throw rethrown(batch.failure);
            }
            if (batch.counters != null) {
                return batch.counters;
            }
        }
    }

    /** Whether the file was read in byte ranges on several threads ({@link RangeScan}); known once drained. */
    boolean wasSplit() {
        return split;
    }

    /** Stops the scan if it is still running and waits for its thread to let go of the reader. */
    @Override
    public void close() {
        cancelled = true;
        thread.interrupt();
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void scan() {
        Collector collector = new Collector();
        try {
            PacketDecoder open = new PacketDecoder(collector, options);
            PcapRanges ranges = live ? null : reader.ranges();
            split = RangeScan.suits(ranges);
            DecoderCounters counters;
            if (split) {
                counters = RangeScan.frames(ranges, options, open, collector::afterFrame);
            } else if (openEnded) {
                counters = triaged(open, collector);
            } else {
                counters = CaptureScan.frames(reader, open, collector::afterFrame);
            }
            if (openEnded) {
                decoder = open;
            } else {
                counters = CaptureScan.finish(reader, open, collector);
            }
            collector.hand(counters, null);
        } catch (Cancelled e) {
            // close() was called: nobody reads what is left
        } catch (IOException | RuntimeException | Error e) {
            // an IOException on a cancelled scan may be the interrupt itself: nobody reads it then
            if (!cancelled) {
                try {
                    collector.hand(null, e);
                } catch (Cancelled ignored) {
                    // closed while handing over the failure
                }
            }
        }
    }

    /** The frames the triage rules out are only counted (a file of a series may have to be told them again). */
    private DecoderCounters triaged(PacketDecoder decoder, Collector collector) throws IOException {
        FrameTriage triage = new FrameTriage(options);
        for (Frame f = reader.next(); f != null; f = reader.next()) {
            Frame kept = triage.mayMatter(f) ? f : null;
            if (kept != null) {
                decoder.accept(f);
            } else {
                decoder.skip(f.number(), f.epochNanos());
            }
            collector.afterFrame(f.epochNanos(), kept);
        }
        return decoder.counters();
    }

    private static void deliver(Object event, PacketSink sink) {
        if (event instanceof IkeDatagram ike) {
            sink.onIke(ike);
        } else if (event instanceof EspPacket esp) {
            sink.onEsp(esp);
        } else if (event instanceof AhPacket ah) {
            sink.onAh(ah);
        } else if (event instanceof IcmpUnreachable icmp) {
            sink.onIcmpUnreachable(icmp);
        } else if (event instanceof IncompleteDatagram incomplete) {
            sink.onIncompleteDatagram(incomplete);
        } else {
            sink.onWarning((String) event);
        }
    }

    /** The failure of a scan or a worker as the caller's: an IOException returned, anything else thrown. */
    static IOException rethrown(Throwable failure) {
        if (failure instanceof IOException io) {
            return io;
        }
        if (failure instanceof UncheckedIOException unchecked) {
            return unchecked.getCause();
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        throw (Error) failure;
    }

    /**
     * A batch of events, the last one also carrying the end of the scan: its counts or its failure; and, while the
     * scan logs them, the frames that yielded the events (null otherwise).
     */
    private record Batch(List<Object> events, TriagedFrames frames, DecoderCounters counters, Throwable failure) {
    }

    private static final class Cancelled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Cancelled() {
            super(null, null, false, false);
        }
    }

    /** The decoder's sink on the scan thread: fills the current batch and hands it over when it is full. */
    private final class Collector implements PacketSink {
        private List<Object> events = new ArrayList<>();
        private long bytes;
        private int framesSinceHandover;
        private TriagedFrames frames = logging ? new TriagedFrames() : null;

        @Override
        public void onIke(IkeDatagram message) {
            events.add(message);
            bytes += message.ike().length;
        }

        @Override
        public void onEsp(EspPacket packet) {
            events.add(packet);
        }

        @Override
        public void onAh(AhPacket packet) {
            events.add(packet);
        }

        @Override
        public void onWarning(String warning) {
            events.add(warning);
        }

        @Override
        public void onIcmpUnreachable(IcmpUnreachable error) {
            events.add(error);
        }

        @Override
        public void onIncompleteDatagram(IncompleteDatagram datagram) {
            events.add(datagram);
        }

        /** The same for a frame the batch logs (when the scan logs them): its time, a copy of it when it was kept. */
        void afterFrame(long nanos, Frame kept) {
            if (frames != null) {
                frames.add(nanos, kept);
            }
            afterFrame();
        }

        /** Hands the batch over when it is full or enough frames went by; stops a closed scan (Cancelled). */
        void afterFrame() {
            long held = frames == null ? bytes : bytes + frames.keptBytes();
            boolean full = events.size() >= BATCH_EVENTS || held >= BATCH_BYTES || live && !events.isEmpty();
            if (full || ++framesSinceHandover == FRAMES_PER_HANDOVER) {
                framesSinceHandover = 0;
                if (cancelled) {
                    throw new Cancelled();
                }
                if (!events.isEmpty() || frames != null) {
                    hand(null, null);
                }
            }
        }

        /** Queues the current batch, waiting while the caller is behind; throws Cancelled once closed. */
        void hand(DecoderCounters counters, Throwable failure) {
            Batch batch = new Batch(events, frames, counters, failure);
            events = new ArrayList<>();
            bytes = 0;
            frames = logging ? new TriagedFrames() : null;
            try {
                queue.put(batch);
            } catch (InterruptedException e) {
                throw new Cancelled();
            }
        }
    }
}
