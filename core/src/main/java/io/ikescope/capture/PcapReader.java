package io.ikescope.capture;

import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * Reads the classic libpcap format: a 24-byte file header, then 16-byte record headers each followed by
 * the packet bytes. Both byte orders and both timestamp precisions (microseconds, nanoseconds) are read.
 *
 * <p>Every record is a frame, so frame numbers are simply the record count, as tshark numbers them.
 */
final class PcapReader extends StreamCaptureReader {
    static final int MAGIC_MICROS = 0xa1b2c3d4;
    static final int MAGIC_NANOS = 0xa1b23c4d;
    private static final int FILE_HEADER = 24;
    static final int RECORD_HEADER = 16;
    private static final long YEAR = 366L * 24 * 3600;

    private final boolean bigEndian;
    private final boolean nanos;
    private final int linkType;
    private final long snapLength;
    /** The open file read, when it is one and plain pcap (it can then be read in ranges too); else null. */
    private final FileChannel file;
    /** No record starting at or after this offset is read (a byte range of the file); else Long.MAX_VALUE. */
    private final long limit;
    private long frameNumber;
    /** The warning about records beyond the snapshot length, once given (a range's is taken over by its file's). */
    private String snapLengthWarning;
    /** Where the ranges read of this file have got to, for {@link #bytesRead()}. */
    private volatile long rangesRead;

    PcapReader(StreamBuffer in, String source, String format, FileChannel file) throws IOException {
        super(in, source, format);
        this.file = file;
        this.limit = Long.MAX_VALUE;
        int available = in.require(FILE_HEADER);
        if (available < FILE_HEADER) {
            throw new CaptureException(source, 0,
                    "truncated pcap file header: needs " + FILE_HEADER + " bytes, " + available + " remain");
        }
        byte[] b = in.array();
        int p = in.position();
        int magic = Bytes.int32(b, p, false);
        if (magic == MAGIC_MICROS || magic == MAGIC_NANOS) {
            bigEndian = false;
        } else if (Integer.reverseBytes(magic) == MAGIC_MICROS || Integer.reverseBytes(magic) == MAGIC_NANOS) {
            bigEndian = true;
            magic = Integer.reverseBytes(magic);
        } else {
            throw new CaptureException(source, 0, String.format("not a pcap capture (magic 0x%08x)", magic));
        }
        nanos = magic == MAGIC_NANOS;
        int major = Bytes.uint16(b, p + 4, bigEndian);
        if (major != 2) {
            throw new CaptureException(source, 4, "unsupported pcap version " + major + "."
                    + Bytes.uint16(b, p + 6, bigEndian) + " (only 2.x is defined)");
        }
        snapLength = Bytes.uint32(b, p + 16, bigEndian);
        // The upper bits of the link-type field carry FCS information (pcap spec, LinkType field).
        linkType = Bytes.int32(b, p + 20, bigEndian) & 0xFFFF;
        in.advance(FILE_HEADER);
    }

    /** The records of {@code layout}'s file that start in [{@code in.offset()}, {@code limit}), numbered from 1. */
    PcapReader(StreamBuffer in, String source, PcapReader layout, long limit) {
        super(in, source, layout.format());
        this.bigEndian = layout.bigEndian;
        this.nanos = layout.nanos;
        this.linkType = layout.linkType;
        this.snapLength = layout.snapLength;
        this.file = null;
        this.limit = limit;
    }

    @Override
    public Frame next() throws IOException {
        if (finished) {
            return null;
        }
        long recordOffset = in.offset();
        if (recordOffset >= limit) {
            return end(null);
        }
        int available = in.require(RECORD_HEADER);
        if (available == 0) {
            return end(in.earlyEnd() == null ? null : source + ": at byte " + recordOffset + ": " + in.earlyEnd());
        }
        if (available < RECORD_HEADER) {
            return end(truncated(recordOffset, RECORD_HEADER, available));
        }
        byte[] b = in.array();
        int p = in.position();
        long seconds = Bytes.uint32(b, p, bigEndian);
        long fraction = Bytes.uint32(b, p + 4, bigEndian);
        long captured = Bytes.uint32(b, p + 8, bigEndian);
        long original = Bytes.uint32(b, p + 12, bigEndian);
        if (captured > CaptureLimits.MAX_PACKET) {
            throw new CaptureException(source, recordOffset, "packet record claims " + captured
                    + " captured bytes, more than the limit of " + CaptureLimits.MAX_PACKET + " (corrupt file?)");
        }
        if (snapLength > 0 && captured > snapLength && snapLengthWarning == null) {
            snapLengthWarning = "packet records longer than the file's snapshot length " + snapLength
                    + " (first at byte " + recordOffset + ")";
            warnings.add(snapLengthWarning);
        }
        int recordLength = RECORD_HEADER + (int) captured;
        available = in.require(recordLength);
        if (available < recordLength) {
            return end(truncated(recordOffset, recordLength, available));
        }
        p = in.position();
        long epochNanos = seconds * 1_000_000_000L + (nanos ? fraction : fraction * 1_000L);
        in.advance(recordLength);
        return new Frame(++frameNumber, epochNanos, linkType, in.array(), p + RECORD_HEADER, (int) captured,
                (int) Math.min(original, Integer.MAX_VALUE), recordOffset);
    }

    @Override
    public PcapRanges ranges() {
        if (file == null || frameNumber > 0) {
            return null; // a stream, or a reader already under way (its ranges would begin where it is)
        }
        long size;
        try {
            file.position(); // a pipe (a named one, /dev/stdin) cannot seek: it is read once, in order
            size = file.size();
        } catch (IOException e) {
            return null;
        }
        // a device has no size: nothing to divide
        return size > FILE_HEADER ? new PcapRanges(this, file, source, FILE_HEADER, size) : null;
    }

    @Override
    public long bytesRead() {
        return Math.max(super.bytesRead(), rangesRead);
    }

    /** Where the next record would begin: after a range's last record, the first one of the next range. */
    long offset() {
        return in.offset();
    }

    /** Takes over what a range of this file met (the snapshot-length warning only if this reader has not given it). */
    void adopt(PcapReader range) {
        for (String warning : range.warnings()) {
            if (!warning.equals(range.snapLengthWarning)) {
                warnings.add(warning);
            } else if (snapLengthWarning == null) {
                snapLengthWarning = warning;
                warnings.add(warning);
            }
        }
    }

    void rangesRead(long offset) {
        rangesRead = offset;
    }

    /**
     * Whether 16 bytes at {@code p} could be a record header of this file: a captured length within the limit and no
     * more than the length on the wire, a fraction of a second below one second, seconds within a year of
     * {@code aroundSeconds}. A guess for finding record boundaries; the reader itself never relies on it.
     *
     * @return the record's whole length (header and data), or -1
     */
    int plausibleRecord(byte[] b, int p, long aroundSeconds) {
        long seconds = Bytes.uint32(b, p, bigEndian);
        long fraction = Bytes.uint32(b, p + 4, bigEndian);
        long captured = Bytes.uint32(b, p + 8, bigEndian);
        long original = Bytes.uint32(b, p + 12, bigEndian);
        boolean fits = captured <= CaptureLimits.MAX_PACKET && original >= captured
                && fraction < (nanos ? 1_000_000_000L : 1_000_000L) && Math.abs(seconds - aroundSeconds) <= YEAR;
        return fits ? RECORD_HEADER + (int) captured : -1;
    }

    /** The seconds field of a record header at {@code p}. */
    long seconds(byte[] b, int p) {
        return Bytes.uint32(b, p, bigEndian);
    }

    private String truncated(long offset, long need, long remain) {
        return truncated("packet record", offset, need, remain);
    }

}
