package io.ikescope.capture;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A plain pcap file read in byte ranges, each by a reader of its own (on as many threads as there are ranges): a
 * range holds the records that start in it, so consecutive ranges read together give every record once, provided
 * each range begins where a record begins. Where that is can only be known by reading the range before it ({@link
 * Range#end()}); {@link #resync} guesses it from the bytes (a chain of plausible record headers), so that a range
 * can be read before the one ahead of it is done, and the guess is checked against the end of the range before.
 *
 * <p>Every range reads the file reader's own open file by position (never by its name again: a file of a ring
 * buffer deleted or replaced while it is read is still the file read). Positional reads of one channel may run on
 * several threads at once; an interrupted one closes the channel for all, so the ranges' threads are not interrupted
 * while the scan goes on.
 *
 * <p>What the ranges meet (a record beyond the snapshot length, a record cut off at the end of the file) becomes the
 * whole file's reader's when a range is {@link #adopt adopted}, as it would have been had that reader read it.
 */
public final class PcapRanges {
    /** Plausible record headers in a row before a guessed boundary is believed (unless the file ends first). */
    static final int CHAIN = 8;
    /** Bytes read to guess a boundary: most captures need the first, records near the size limit the second. */
    private static final int[] GUESS_WINDOWS = {64 << 10, 4 << 20};

    private final PcapReader file;
    private final FileChannel channel;
    private final String source;
    private final long firstRecord;
    private final long size;
    private static final long UNREAD = Long.MIN_VALUE;

    /**
     * The first record's time (a plausible record of the same capture is not years away from it), read by the first
     * guess: a file that is not split is never opened a second time. Workers may race to read it; they read the same.
     */
    private volatile long firstSeconds = UNREAD;

    /** {@code size}: the file's when the reader was asked for its ranges. */
    PcapRanges(PcapReader file, FileChannel channel, String source, long firstRecord, long size) {
        this.file = file;
        this.channel = channel;
        this.source = source;
        this.firstRecord = firstRecord;
        this.size = size;
    }

    /** The file's size when it was opened (a file still growing is read on past it by the last range). */
    public long size() {
        return size;
    }

    /** Where the first record begins, after the file header. */
    public long firstRecord() {
        return firstRecord;
    }

    /** A buffer for {@link #open}: one per thread, used again for each range that thread reads. */
    public static byte[] newBuffer() {
        return new byte[StreamBuffer.CAPACITY];
    }

    /**
     * Opens the range of records that begin at or after {@code start} (which must be where one begins) and before
     * {@code limit} ({@code Long.MAX_VALUE}: to the end of the file); its frames are numbered from 1 and stay valid
     * until the next. It reads through {@code buffer} (from {@link #newBuffer()}), free again once it is closed.
     */
    public Range open(long start, long limit, byte[] buffer) {
        CountingInputStream counted = new CountingInputStream(new PositionedInput(channel, start));
        StreamBuffer in = new StreamBuffer(counted, counted, source, start, limit, buffer);
        return new Range(new PcapReader(in, source, file, limit));
    }

    /**
     * A guess at the first record that begins in [{@code from}, {@code to}): the first offset from which
     * {@link #CHAIN} plausible record headers follow one another (or fewer that end exactly at the end of the
     * file); -1 when none is found. Only a guess: a capture of a pcap file's transfer can hold such chains in its
     * packets. The caller checks it against where the range before really ended.
     */
    public long resync(long from, long to) throws IOException {
        long around = firstSeconds();
        for (int window : GUESS_WINDOWS) {
            byte[] b = new byte[(int) Math.max(0, Math.min(window, size - from))];
            int n = read(from, b);
            int candidates = (int) Math.min(n - PcapReader.RECORD_HEADER + 1L, to - from);
            for (int q = 0; q < candidates; q++) {
                if (chainAt(b, q, n, from, around)) {
                    return from + q;
                }
            }
            if (from + n >= size) {
                break;
            }
        }
        return -1;
    }

    private long firstSeconds() throws IOException {
        long seconds = firstSeconds;
        if (seconds == UNREAD) {
            byte[] header = new byte[PcapReader.RECORD_HEADER];
            seconds = read(firstRecord, header) == header.length ? file.seconds(header, 0) : 0;
            firstSeconds = seconds;
        }
        return seconds;
    }

    private boolean chainAt(byte[] b, int q, int n, long from, long aroundSeconds) {
        int p = q;
        for (int k = 0; k < CHAIN; k++) {
            if (from + p == size) {
                return k > 0;
            }
            if (p + PcapReader.RECORD_HEADER > n) {
                return false;
            }
            int length = file.plausibleRecord(b, p, aroundSeconds);
            if (length < 0) {
                return false;
            }
            p += length;
        }
        return true;
    }

    /** What {@code range} met becomes this file's, as if its reader had read the range; progress moves to its end. */
    public void adopt(Range range) {
        file.adopt(range.reader);
        file.rangesRead(range.end());
    }

    private int read(long at, byte[] into) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(into);
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at + buffer.position());
            if (n < 0) {
                break;
            }
        }
        return buffer.position();
    }

    /** The file's bytes from a position on, read by position: the channel's own position is the file reader's. */
    private static final class PositionedInput extends InputStream {
        private final FileChannel channel;
        private long position;

        PositionedInput(FileChannel channel, long position) {
            this.channel = channel;
            this.position = position;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            int n = channel.read(ByteBuffer.wrap(b, off, len), position);
            if (n > 0) {
                position += n;
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        /** The channel is the file reader's: it closes it. */
        @Override
        public void close() {
        }
    }

    /** The records that begin in one range, read in order; frames are numbered from 1 within it. */
    public static final class Range implements Closeable {
        private final PcapReader reader;

        private Range(PcapReader reader) {
            this.reader = reader;
        }

        /**
         * The next record of the range, valid until the next call; null after its last.
         *
         * @throws CaptureException a record the file's reader would have failed on (a length beyond the limit)
         */
        public Frame next() throws IOException {
            return reader.next();
        }

        /** Once {@link #next()} returned null: where the range's reading stopped (the next range's first record). */
        public long end() {
            return reader.offset();
        }

        /** Bytes taken from the file so far: the range's own, and past its end only what its last record needed. */
        public long bytesRead() {
            return reader.bytesRead();
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
