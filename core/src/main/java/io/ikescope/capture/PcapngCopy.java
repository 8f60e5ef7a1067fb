package io.ikescope.capture;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The pcapng side of {@link AnnotatedCopy}: walks the blocks with the framing rules of {@link PcapngReader} (byte
 * order per section, lengths checked at both ends, frames counted the same way) and copies each one, adding the
 * comments to the first section header and to commented enhanced or obsolete packet blocks.
 */
final class PcapngCopy {
    private static final int SHB_FIXED = 24;
    private static final int PACKET_FIXED = 28;

    private final BlockInput in;
    private final OutputStream out;
    private final AnnotatedCopy.Comments comments;
    private boolean bigEndian;
    private boolean sectionCommented;
    private long frames;
    private long commented;
    private long notCommented;

    PcapngCopy(BlockInput in, OutputStream out, AnnotatedCopy.Comments comments) {
        this.in = in;
        this.out = out;
        this.comments = comments;
    }

    AnnotatedCopy.Result run() throws IOException {
        while (true) {
            long at = in.offset();
            byte[] head = in.peek(12);
            if (head.length == 0) {
                return result(false);
            }
            if (head.length < 12) {
                return result(true);
            }
            int type = Bytes.int32(head, 0, bigEndian);
            if (type == PcapngReader.SECTION_HEADER) {
                bigEndian = byteOrder(head, at);
            }
            long length = Bytes.uint32(head, 4, bigEndian);
            if (length < 12 || length % 4 != 0) {
                throw new CaptureException(in.source(), at, "corrupt pcapng block length " + length
                        + " (block type 0x" + Integer.toHexString(type) + "): must be a multiple of 4 and at least 12");
            }
            boolean packet = type == PcapngReader.ENHANCED_PACKET || type == PcapngReader.PACKET_OBSOLETE
                    || type == PcapngReader.SIMPLE_PACKET;
            if (packet || PcapngReader.countsAsFrame(type)) {
                frames++;
            }
            String comment = packet ? comments.frame(frames) : null;
            // every section header is rewritten: comments make its section longer than its length field says
            boolean rewrite = type == PcapngReader.SECTION_HEADER || comment != null;
            if (!rewrite || length > CaptureLimits.MAX_PARSED_BLOCK) {
                if (length > CaptureLimits.MAX_SKIPPED_BLOCK) {
                    throw new CaptureException(in.source(), at, "pcapng block of type 0x" + Integer.toHexString(type)
                            + " claims " + length + " bytes, more than the limit of " + CaptureLimits.MAX_SKIPPED_BLOCK
                            + " (corrupt file?)");
                }
                if (!in.copy(length, out)) {
                    return result(true);
                }
                continue;
            }
            byte[] block = in.read((int) length);
            if (block == null) {
                return result(true);
            }
            if (Bytes.uint32(block, block.length - 4, bigEndian) != length) {
                throw new CaptureException(in.source(), at, "corrupt pcapng block: leading length " + length
                        + " but trailing length " + Bytes.uint32(block, block.length - 4, bigEndian)
                        + " (block type 0x" + Integer.toHexString(type) + ")");
            }
            if (type == PcapngReader.SECTION_HEADER) {
                out.write(sectionHeader(block, at, !sectionCommented));
                sectionCommented = true;
            } else if (type == PcapngReader.SIMPLE_PACKET) {
                notCommented++; // no options in a simple packet block: copied as it is
                out.write(block);
            } else {
                out.write(packetBlock(block, comment, at));
                commented++;
            }
        }
    }

    private AnnotatedCopy.Result result(boolean truncated) {
        return new AnnotatedCopy.Result(frames, commented, notCommented, truncated);
    }

    private boolean byteOrder(byte[] head, long at) throws CaptureException {
        int magic = Bytes.int32(head, 8, false);
        if (magic == 0x1A2B3C4D) {
            return false;
        }
        if (Integer.reverseBytes(magic) == 0x1A2B3C4D) {
            return true;
        }
        throw new CaptureException(in.source(), at + 8, String.format(
                "corrupt pcapng section header: byte-order magic 0x%08x", magic));
    }

    /** A section header with its section length set to -1 (unknown), the first one with the section comments. */
    private byte[] sectionHeader(byte[] block, long at, boolean first) throws CaptureException {
        if (block.length < SHB_FIXED + 4) {
            throw new CaptureException(in.source(), at, "corrupt pcapng section header block: length "
                    + block.length + " is less than 28");
        }
        PcapngOptions options = PcapngOptions.read(block, SHB_FIXED, block.length - 4, bigEndian, in.source(), at);
        if (first) {
            for (String c : comments.section()) {
                options.addComment(c);
            }
        }
        byte[] fixed = java.util.Arrays.copyOf(block, SHB_FIXED);
        for (int i = 16; i < 24; i++) {
            fixed[i] = (byte) 0xFF;
        }
        return assemble(fixed, options);
    }

    /** An enhanced (or obsolete) packet block with the comment added after its own options. */
    private byte[] packetBlock(byte[] block, String comment, long at) throws CaptureException {
        if (block.length < PACKET_FIXED + 4) {
            throw new CaptureException(in.source(), at, "corrupt pcapng packet block: length " + block.length
                    + " is less than 32");
        }
        long captured = Bytes.uint32(block, 20, bigEndian);
        long dataEnd = PACKET_FIXED + ((captured + 3) & ~3L);
        if (dataEnd > block.length - 4) {
            throw new CaptureException(in.source(), at, "corrupt pcapng packet block: captured length " + captured
                    + " exceeds the " + (block.length - PACKET_FIXED - 4) + " bytes the block holds");
        }
        PcapngOptions options = PcapngOptions.read(block, (int) dataEnd, block.length - 4, bigEndian, in.source(), at);
        options.addComment(comment);
        return assemble(java.util.Arrays.copyOf(block, (int) dataEnd), options);
    }

    /** Fixed part (type, a length to fill, body), the options, and the trailing length. */
    private byte[] assemble(byte[] fixed, PcapngOptions options) {
        byte[] opts = options.encode();
        int length = fixed.length + opts.length + 4;
        byte[] out = new byte[length];
        System.arraycopy(fixed, 0, out, 0, fixed.length);
        System.arraycopy(opts, 0, out, fixed.length, opts.length);
        PcapngOptions.putInt(out, 4, length, bigEndian);
        PcapngOptions.putInt(out, length - 4, length, bigEndian);
        return out;
    }

}
