package io.ikescope.net;

import io.ikescope.capture.Frame;
import io.ikescope.capture.PcapRanges;

import java.io.IOException;
import java.util.Arrays;

/**
 * One byte range of a pcap file read and triaged: the time of every frame, and a copy of the few frames
 * {@link FrameTriage} cannot rule out. What it holds grows with the range (bounded by {@link RangeScan#RANGE_BYTES}
 * and the records in it), never with the file.
 */
final class TriagedRange {
    /** Each thread reads its ranges through one buffer: a range's frames are copied out of it before the next. */
    private static final ThreadLocal<byte[]> BUFFERS = ThreadLocal.withInitial(PcapRanges::newBuffer);

    /** Where the range's first record was taken to begin; -1 when no boundary was found in it. */
    final long start;
    /** The range read: its warnings and end, for the file's reader to take over. Null when unsynced. */
    PcapRanges.Range range;
    int frames;
    long[] nanos = new long[8192];
    int kept;
    int[] keptIndex = new int[64];
    int[] keptAt = new int[64];
    int[] keptLength = new int[64];
    int[] keptOriginal = new int[64];
    long[] keptOffset = new long[64];
    int linkType;
    byte[] bytes = new byte[64 << 10];
    int bytesUsed;
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
                r.add(f, triage.mayMatter(f));
            }
        } catch (IOException e) {
            if (r.range == null) {
                throw e; // could not even open it
            }
            r.failure = e;
        }
        return r;
    }

    boolean isKept(int index, int keptSoFar) {
        return keptSoFar < kept && keptIndex[keptSoFar] == index;
    }

    /** The {@code k}th kept frame, numbered {@code number} in the file. */
    Frame keptFrame(int k, long number) {
        return new Frame(number, nanos[keptIndex[k]], linkType, bytes, keptAt[k], keptLength[k], keptOriginal[k],
                keptOffset[k]);
    }

    private void add(Frame f, boolean keep) {
        if (frames == nanos.length) {
            nanos = Arrays.copyOf(nanos, frames * 2);
        }
        nanos[frames] = f.epochNanos();
        if (keep) {
            keep(f);
        }
        frames++;
    }

    private void keep(Frame f) {
        if (kept == keptIndex.length) {
            int n = kept * 2;
            keptIndex = Arrays.copyOf(keptIndex, n);
            keptAt = Arrays.copyOf(keptAt, n);
            keptLength = Arrays.copyOf(keptLength, n);
            keptOriginal = Arrays.copyOf(keptOriginal, n);
            keptOffset = Arrays.copyOf(keptOffset, n);
        }
        int length = f.capturedLength();
        if (bytes.length - bytesUsed < length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, bytesUsed + length));
        }
        System.arraycopy(f.data(), f.offset(), bytes, bytesUsed, length);
        linkType = f.linkType();
        keptIndex[kept] = frames;
        keptAt[kept] = bytesUsed;
        keptLength[kept] = length;
        keptOriginal[kept] = f.originalLength();
        keptOffset[kept] = f.fileOffset();
        kept++;
        bytesUsed += length;
    }
}
