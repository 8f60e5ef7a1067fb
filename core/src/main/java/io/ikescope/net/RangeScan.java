package io.ikescope.net;

import io.ikescope.capture.PcapRanges;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Decodes one large plain pcap file with its reading spread over several cores: worker threads read consecutive
 * byte ranges of {@link #RANGE_BYTES} ({@link PcapRanges}) and triage their frames ({@link FrameTriage}); the one
 * decoder, on the calling thread, takes the ranges in file order and decodes the frames kept, and is told of the
 * others ({@link PacketDecoder#skip}). So it sees what it would have seen reading the file itself: the same frames,
 * numbers, times, warnings and failure, in the same order.
 *
 * <p>A worker guesses where its range's first record begins; the guess is used only when it is exactly where the
 * range before ended, otherwise the range is read again on the calling thread from there. At most
 * {@code workers + 1} ranges are read ahead of the decoder, so memory follows the range size, not the file's.
 */
public final class RangeScan {
    /** 8 MiB: few enough ranges that guessing boundaries costs little (64 KiB each), small enough to spread. */
    static final long RANGE_BYTES = 8L << 20;
    /**
     * Files below this are read by one thread: on two cores the split pays only for the largest files (whole-process
     * medians of the same build, split against not: 300 MB 1.07x, 1 GB 1.01x, 3 GB 0.88x; the JIT compiler and the
     * cold code of a short run share the same two cores). A directory's files are already read on several cores.
     */
    static final long SPLIT_FROM_BYTES = 1L << 30;
    /** Lowers {@link #SPLIT_FROM_BYTES}: for the launcher's training run (its start-up cache then holds this code). */
    static final String SPLIT_FROM_PROPERTY = "ikescope.splitFromBytes";

    private final PcapRanges ranges;
    private final FrameTriage triage;
    private final long rangeBytes;
    private final int workers;
    /** Ranges read again from the true boundary because the guess was wrong or missing (for tests). */
    private int rereads;

    RangeScan(PcapRanges ranges, DecoderOptions options, long rangeBytes, int workers) {
        this.ranges = ranges;
        this.triage = new FrameTriage(options);
        this.rangeBytes = rangeBytes;
        this.workers = workers;
    }

    /** Worker threads on this machine: one per core, at most four; none (no split) on one core. */
    static int defaultWorkers() {
        int cores = Runtime.getRuntime().availableProcessors();
        return cores < 2 ? 0 : Math.min(4, cores);
    }

    /** Whether splitting pays for this file on this machine (see {@link #SPLIT_FROM_BYTES}). */
    static boolean suits(PcapRanges ranges) {
        return ranges != null && defaultWorkers() > 0 && ranges.size() >= splitFromBytes();
    }

    static long splitFromBytes() {
        return Long.getLong(SPLIT_FROM_PROPERTY, SPLIT_FROM_BYTES);
    }

    /** The ranges with the defaults: see {@link #frames(PacketDecoder, TriagedFrames.Tap)}. */
    static DecoderCounters frames(PcapRanges ranges, DecoderOptions options, PacketDecoder decoder,
                                  TriagedFrames.Tap afterFrame) throws IOException {
        return new RangeScan(ranges, options, RANGE_BYTES, defaultWorkers()).frames(decoder, afterFrame);
    }

    /**
     * Every frame of the file through {@code decoder} (kept ones decoded, the rest skipped), {@code afterFrame} told
     * after each; the decoder is not finished. A record the file's reader would fail on is thrown after the frames before
     * it, and the ranges' warnings become the file reader's.
     */
    DecoderCounters frames(PacketDecoder decoder, TriagedFrames.Tap afterFrame) throws IOException {
        long first = ranges.firstRecord();
        long count = Math.max(1, (ranges.size() - first + rangeBytes - 1) / rangeBytes);
        TriagedFrames.Step step = (nanos, kept) -> {
            afterFrame.frame(nanos, kept);
            return false;
        };
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, workers), daemonThreads());
        Deque<Future<TriagedRange>> ahead = new ArrayDeque<>();
        try {
            long submitted = 0;
            long expected = first;
            long frames = 0;
            for (long i = 0; i < count; i++) {
                while (submitted < count && ahead.size() <= workers) {
                    long index = submitted++;
                    ahead.add(pool.submit(() -> guessAndRead(index, count)));
                }
                TriagedRange range = await(ahead.poll());
                if (range.start != expected) {
                    // the guess was wrong (or none was made): read the range from where the one before ended
                    range = TriagedRange.read(ranges, expected, limit(i, count), triage);
                    rereads++;
                }
                range.frames.deliver(frames + 1, decoder, step);
                ranges.adopt(range.range);
                if (range.failure != null) {
                    throw range.failure;
                }
                frames += range.frames.frames();
                expected = range.range.end();
            }
        } finally {
            // not interrupted: that would close the file for every reader of it (a range left is at most 8 MiB)
            for (Future<TriagedRange> f : ahead) {
                f.cancel(false);
            }
            pool.shutdown();
        }
        return decoder.counters();
    }

    int rereads() {
        return rereads;
    }

    private TriagedRange guessAndRead(long index, long count) throws IOException {
        long from = ranges.firstRecord() + index * rangeBytes;
        long limit = limit(index, count);
        long start = index == 0 ? from : ranges.resync(from, limit);
        return start < 0 ? TriagedRange.unsynced() : TriagedRange.read(ranges, start, limit, triage);
    }

    /** Where range {@code index} ends; the last one reads on to the end of the file, however long it has grown. */
    private long limit(long index, long count) {
        return index == count - 1 ? Long.MAX_VALUE : ranges.firstRecord() + (index + 1) * rangeBytes;
    }

    private static TriagedRange await(Future<TriagedRange> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading a capture");
        } catch (ExecutionException e) {
            throw BackgroundScan.rethrown(e.getCause());
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, "ikescope-range-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
