package io.ikescope.capture;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The pcap side of {@link AnnotatedCopy}: one pcapng section (little-endian) with the comments, one interface with
 * the file's link type, snap length and timestamp resolution, and an enhanced packet block per record holding the
 * record's timestamp, lengths and bytes.
 */
final class PcapCopy {
    private static final int FILE_HEADER = 24;
    private static final int RECORD_HEADER = 16;
    private static final int OPT_IF_TSRESOL = 9;
    private static final int OPT_IF_FCSLEN = 13;
    private static final int NANOSECONDS = 9;

    private final BlockInput in;
    private final OutputStream out;
    private final AnnotatedCopy.Comments comments;

    PcapCopy(BlockInput in, OutputStream out, AnnotatedCopy.Comments comments) {
        this.in = in;
        this.out = out;
        this.comments = comments;
    }

    AnnotatedCopy.Result run() throws IOException {
        byte[] header = in.read(FILE_HEADER);
        if (header == null) {
            throw new CaptureException(in.source(), 0, "truncated pcap file header: needs " + FILE_HEADER
                    + " bytes");
        }
        int magic = Bytes.int32(header, 0, false);
        boolean bigEndian = magic != PcapReader.MAGIC_MICROS && magic != PcapReader.MAGIC_NANOS;
        boolean nanos = (bigEndian ? Integer.reverseBytes(magic) : magic) == PcapReader.MAGIC_NANOS;
        long snapLength = Bytes.uint32(header, 16, bigEndian);
        int linkField = Bytes.int32(header, 20, bigEndian);
        writeSectionHeader();
        writeInterface(linkField, snapLength, nanos);
        long frames = 0;
        long commented = 0;
        while (true) {
            long at = in.offset();
            if (in.peek(1).length == 0) {
                return new AnnotatedCopy.Result(frames, commented, 0, false);
            }
            byte[] record = in.read(RECORD_HEADER);
            if (record == null) {
                return new AnnotatedCopy.Result(frames, commented, 0, true);
            }
            long seconds = Bytes.uint32(record, 0, bigEndian);
            long fraction = Bytes.uint32(record, 4, bigEndian);
            long captured = Bytes.uint32(record, 8, bigEndian);
            long original = Bytes.uint32(record, 12, bigEndian);
            if (captured > CaptureLimits.MAX_PACKET) {
                throw new CaptureException(in.source(), at, "pcap record claims " + captured
                        + " captured bytes, more than the limit of " + CaptureLimits.MAX_PACKET);
            }
            byte[] data = in.read((int) captured);
            if (data == null) {
                return new AnnotatedCopy.Result(frames, commented, 0, true);
            }
            frames++;
            String comment = comments.frame(frames);
            PcapngOptions options = PcapngOptions.empty();
            if (comment != null) {
                options.addComment(comment);
                commented++;
            }
            long units = seconds * (nanos ? 1_000_000_000L : 1_000_000L) + fraction;
            writePacket(units, captured, original, data, options);
        }
    }

    private void writeSectionHeader() throws IOException {
        PcapngOptions options = PcapngOptions.empty();
        comments.section().forEach(options::addComment);
        byte[] fixed = new byte[24];
        PcapngOptions.putInt(fixed, 0, PcapngReader.SECTION_HEADER, false);
        PcapngOptions.putInt(fixed, 8, 0x1A2B3C4D, false);
        fixed[12] = 1; // version 1.0
        for (int i = 16; i < 24; i++) {
            fixed[i] = (byte) 0xFF; // section length unknown
        }
        write(fixed, options);
    }

    /** The link type keeps its low 16 bits; the FCS bits of the pcap header become if_fcslen. */
    private void writeInterface(int linkField, long snapLength, boolean nanos) throws IOException {
        PcapngOptions options = PcapngOptions.empty();
        if (nanos) {
            options.add(OPT_IF_TSRESOL, new byte[] {NANOSECONDS});
        }
        if ((linkField & 0x04000000) != 0) {
            options.add(OPT_IF_FCSLEN, new byte[] {(byte) (((linkField >>> 28) & 0x0F) * 16 / 8)});
        }
        byte[] fixed = new byte[16];
        PcapngOptions.putInt(fixed, 0, PcapngReader.INTERFACE_DESCRIPTION, false);
        fixed[8] = (byte) linkField;
        fixed[9] = (byte) (linkField >>> 8);
        PcapngOptions.putInt(fixed, 12, snapLength, false);
        write(fixed, options);
    }

    private void writePacket(long units, long captured, long original, byte[] data, PcapngOptions options)
            throws IOException {
        byte[] fixed = new byte[28 + ((data.length + 3) & ~3)];
        PcapngOptions.putInt(fixed, 0, PcapngReader.ENHANCED_PACKET, false);
        PcapngOptions.putInt(fixed, 12, units >>> 32, false);
        PcapngOptions.putInt(fixed, 16, units, false);
        PcapngOptions.putInt(fixed, 20, captured, false);
        PcapngOptions.putInt(fixed, 24, original, false);
        System.arraycopy(data, 0, fixed, 28, data.length);
        write(fixed, options);
    }

    private void write(byte[] fixed, PcapngOptions options) throws IOException {
        byte[] opts = options.encode();
        int length = fixed.length + opts.length + 4;
        PcapngOptions.putInt(fixed, 4, length, false);
        out.write(fixed);
        out.write(opts);
        byte[] trailer = new byte[4];
        PcapngOptions.putInt(trailer, 0, length, false);
        out.write(trailer);
    }
}
