package io.ikescope.capture;

import java.io.IOException;

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
    private static final int RECORD_HEADER = 16;

    private final boolean bigEndian;
    private final boolean nanos;
    private final int linkType;
    private final long snapLength;
    private long frameNumber;
    private boolean warnedSnapLength;

    PcapReader(StreamBuffer in, String source, String format) throws IOException {
        super(in, source, format);
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

    @Override
    public Frame next() throws IOException {
        if (finished) {
            return null;
        }
        long recordOffset = in.offset();
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
        if (snapLength > 0 && captured > snapLength && !warnedSnapLength) {
            warnedSnapLength = true;
            warnings.add("packet records longer than the file's snapshot length " + snapLength
                    + " (first at byte " + recordOffset + ")");
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

    private String truncated(long offset, long need, long remain) {
        return truncated("packet record", offset, need, remain);
    }

}
