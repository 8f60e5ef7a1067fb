package io.ikescope.net;

import io.ikescope.capture.Frame;
import io.ikescope.capture.PcapRanges;

import java.io.IOException;

/**
 * One byte range of a pcap file read and triaged ({@link TriagedFrames}). What it holds grows with the range
 * (bounded by {@link RangeScan#RANGE_BYTES} and the records in it), never with the file.
 */
final class TriagedRange {
    /** Each thread reads its ranges through one buffer: a range's frames are copied out of it before the next. */
    private static final ThreadLocal<byte[]> BUFFERS = ThreadLocal.withInitial(PcapRanges::newBuffer);

    /** Where the range's first record was taken to begin; -1 when no boundary was found in it. */
    final long start;
    /** The range read: its warnings and end, for the file's reader to take over. Null when unsynced. */
    PcapRanges.Range range;
    final TriagedFrames frames = new TriagedFrames();
    /** The read stopped on a record the file's reader would have failed on: thrown after the frames before it. */
    IOException failure;

    private TriagedRange(long start) {
        this.start = start;
    }

    /** A range in which no record boundary could be guessed: its reader must begin where the range before ended. */
    static TriagedRange unsynced() {
        return new TriagedRange(-1);
    }

    /** Reads the records that begin in [{@code start}, {@code limit}) and keeps what {@code triage} cannot rule out. */
    static TriagedRange read(PcapRanges ranges, long start, long limit, FrameTriage triage) throws IOException {
        TriagedRange r = new TriagedRange(start);
        try (PcapRanges.Range range = ranges.open(start, limit, BUFFERS.get())) {
            r.range = range;
            for (Frame f = range.next(); f != null; f = range.next()) {
                r.frames.add(f.epochNanos(), triage.mayMatter(f) ? f : null);
            }
        } catch (IOException e) {
            r.failure = e;
        }
        return r;
    }
}
