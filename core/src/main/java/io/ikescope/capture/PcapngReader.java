package io.ikescope.capture;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads pcapng: a sequence of sections, each a Section Header Block (which fixes the byte order) followed by
 * Interface Description Blocks and packet blocks.
 *
 * <p>Packets come from Enhanced Packet Blocks, Simple Packet Blocks (interface 0, length from the block and
 * the snaplen) and the obsolete Packet Block. Other blocks are skipped without being buffered. Frame numbers
 * count every block that tshark 4.0 shows as a frame: besides the three packet blocks that is the systemd
 * Journal Export block, the sysdig event blocks and custom blocks (checked against tshark with crafted files).
 */
final class PcapngReader extends StreamCaptureReader {
    static final int SECTION_HEADER = 0x0A0D0D0A;
    private static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    static final int INTERFACE_DESCRIPTION = 1;
    static final int PACKET_OBSOLETE = 2;
    static final int SIMPLE_PACKET = 3;
    static final int ENHANCED_PACKET = 6;
    private static final int OPT_END = 0;
    private static final int OPT_IF_TSRESOL = 9;
    private static final int OPT_IF_TSOFFSET = 14;

    private record Interface(int linkType, long snapLength, TimestampScale scale) {
    }

    private final List<Interface> interfaces = new ArrayList<>();
    /** Unknown block types already warned about (a type is named once). */
    private final java.util.Set<Integer> unknownTypes = new java.util.HashSet<>();
    private boolean bigEndian;
    private long frameNumber;

    PcapngReader(StreamBuffer in, String source, String format) throws IOException {
        super(in, source, format);
        int available = in.require(28);
        if (available < 28) {
            throw new CaptureException(source, 0,
                    "truncated pcapng section header block: needs 28 bytes, " + available + " remain");
        }
    }

    @Override
    public Frame next() throws IOException {
        while (!finished) {
            long blockOffset = in.offset();
            int available = in.require(12);
            if (available == 0) {
                return end(in.earlyEnd() == null ? null : source + ": at byte " + blockOffset + ": " + in.earlyEnd());
            }
            if (available < 12) {
                return end(truncated(blockOffset, 12, available));
            }
            byte[] b = in.array();
            int p = in.position();
            int type = Bytes.int32(b, p, bigEndian);
            if (type == SECTION_HEADER) {
                bigEndian = sectionByteOrder(b, p, blockOffset);
            }
            long length = Bytes.uint32(b, p + 4, bigEndian);
            if (length < 12 || length % 4 != 0) {
                throw new CaptureException(source, blockOffset, "corrupt pcapng block length " + length
                        + " (block type 0x" + Integer.toHexString(type) + "): must be a multiple of 4 and at least 12");
            }
            boolean parsed = type == SECTION_HEADER || type == INTERFACE_DESCRIPTION || type == ENHANCED_PACKET
                    || type == SIMPLE_PACKET || type == PACKET_OBSOLETE;
            if (!parsed) {
                if (!knownSkipped(type) && unknownTypes.add(type)) {
                    warnings.add(source + ": pcapng block type 0x" + Integer.toHexString(type)
                            + " is not known; such blocks are skipped (first at byte " + blockOffset + ")");
                }
                skipBlock(type, length, blockOffset);
                if (countsAsFrame(type)) {
                    frameNumber++;
                }
                continue;
            }
            if (length > CaptureLimits.MAX_PARSED_BLOCK) {
                throw new CaptureException(source, blockOffset, "pcapng block of type 0x" + Integer.toHexString(type)
                        + " claims " + length + " bytes, more than the limit of " + CaptureLimits.MAX_PARSED_BLOCK
                        + " (corrupt file?)");
            }
            int blockLength = (int) length;
            available = in.require(blockLength);
            if (available < blockLength) {
                if (type == SECTION_HEADER && blockOffset == 0) {
                    throw new CaptureException(source, 0, "truncated pcapng section header block: needs "
                            + blockLength + " bytes, " + available + " remain");
                }
                return end(truncated(blockOffset, blockLength, available));
            }
            b = in.array();
            p = in.position();
            long trailer = Bytes.uint32(b, p + blockLength - 4, bigEndian);
            if (trailer != length) {
                throw new CaptureException(source, blockOffset, "corrupt pcapng block: leading length " + length
                        + " but trailing length " + trailer + " (block type 0x" + Integer.toHexString(type) + ")");
            }
            Frame frame = switch (type) {
                case SECTION_HEADER -> readSectionHeader(b, p, blockLength, blockOffset);
                case INTERFACE_DESCRIPTION -> readInterface(b, p, blockLength, blockOffset);
                case ENHANCED_PACKET -> readTimestampedPacket("enhanced packet", false, b, p, blockLength, blockOffset);
                case SIMPLE_PACKET -> readSimplePacket(b, p, blockLength, blockOffset);
                default -> readTimestampedPacket("packet", true, b, p, blockLength, blockOffset);
            };
            in.advance(blockLength);
            if (frame != null) {
                return frame;
            }
        }
        return null;
    }

    /**
     * Block types skipped as expected: name resolution (4), interface statistics (5), IRIG timestamp (7),
     * ARINC 429 (8), decryption secrets (10), Darwin process information (0x80000001) and the frame-like ones.
     * Any other type is skipped too, with a warning: it may be a packet format this reader does not know.
     */
    private static boolean knownSkipped(int type) {
        return type == 4 || type == 5 || type == 7 || type == 8 || type == 0x0A || type == 0x80000001
                || countsAsFrame(type);
    }

    /** tshark 4.0 numbers these non-packet records as frames too (verified with crafted pcapng files). */
    static boolean countsAsFrame(int type) {
        return switch (type) {
            case 0x00000009, // systemd Journal Export
                 0x00000204, 0x00000216, 0x00000221, // sysdig events (v1, v2, v2 large)
                 0x00000BAD, 0x40000BAD -> true; // custom blocks (copyable and not)
            default -> false;
        };
    }

    private boolean sectionByteOrder(byte[] b, int p, long blockOffset) throws CaptureException {
        int magic = Bytes.int32(b, p + 8, false);
        if (magic == BYTE_ORDER_MAGIC) {
            return false;
        }
        if (Integer.reverseBytes(magic) == BYTE_ORDER_MAGIC) {
            return true;
        }
        throw new CaptureException(source, blockOffset + 8,
                String.format("corrupt pcapng section header: byte-order magic 0x%08x", magic));
    }

    private Frame readSectionHeader(byte[] b, int p, int length, long offset) throws CaptureException {
        if (length < 28) {
            throw new CaptureException(source, offset, "corrupt pcapng section header block: length " + length
                    + " is less than 28");
        }
        int major = Bytes.uint16(b, p + 12, bigEndian);
        if (major != 1) {
            throw new CaptureException(source, offset + 12, "unsupported pcapng version " + major + "."
                    + Bytes.uint16(b, p + 14, bigEndian) + " (only 1.x is defined)");
        }
        // A new section has its own interfaces; frame numbering continues across sections.
        interfaces.clear();
        return null;
    }

    private Frame readInterface(byte[] b, int p, int length, long offset) throws CaptureException {
        if (length < 20) {
            throw new CaptureException(source, offset, "corrupt pcapng interface description block: length "
                    + length + " is less than 20");
        }
        if (interfaces.size() >= CaptureLimits.MAX_INTERFACES) {
            throw new CaptureException(source, offset, "more than " + CaptureLimits.MAX_INTERFACES
                    + " interface description blocks in one section (corrupt file?)");
        }
        int linkType = Bytes.uint16(b, p + 8, bigEndian);
        long snapLength = Bytes.uint32(b, p + 12, bigEndian);
        int tsresol = 6;
        long tsoffset = 0;
        int at = p + 16;
        int end = p + length - 4;
        while (at + 4 <= end) {
            int code = Bytes.uint16(b, at, bigEndian);
            int optionLength = Bytes.uint16(b, at + 2, bigEndian);
            if (code == OPT_END) {
                break;
            }
            int value = at + 4;
            if (value + optionLength > end) {
                throw new CaptureException(source, offset + (at - p), "corrupt pcapng interface option " + code
                        + ": length " + optionLength + " runs past the end of the block");
            }
            if (code == OPT_IF_TSRESOL && optionLength >= 1) {
                tsresol = b[value] & 0xFF;
            } else if (code == OPT_IF_TSOFFSET && optionLength >= 8) {
                tsoffset = Bytes.int64(b, value, bigEndian);
            }
            at = value + ((optionLength + 3) & ~3);
        }
        TimestampScale scale = TimestampScale.of(tsresol, tsoffset);
        if (scale == null) {
            throw new CaptureException(source, offset, String.format(
                    "unsupported pcapng timestamp resolution if_tsresol=0x%02x on interface %d", tsresol,
                    interfaces.size()));
        }
        interfaces.add(new Interface(linkType, snapLength, scale));
        return null;
    }

    /**
     * An Enhanced Packet Block, or the obsolete Packet Block laid out the same way but with a 16-bit interface ID
     * (its drops count takes the other two bytes).
     */
    private Frame readTimestampedPacket(String blockName, boolean shortInterfaceId, byte[] b, int p, int length,
                                        long offset) throws CaptureException {
        if (length < 32) {
            throw new CaptureException(source, offset, "corrupt pcapng " + blockName + " block: length " + length
                    + " is less than 32");
        }
        long interfaceId = shortInterfaceId ? Bytes.uint16(b, p + 8, bigEndian) : Bytes.uint32(b, p + 8, bigEndian);
        Interface itf = interfaceAt(interfaceId, offset);
        long units = (Bytes.uint32(b, p + 12, bigEndian) << 32) | Bytes.uint32(b, p + 16, bigEndian);
        long captured = Bytes.uint32(b, p + 20, bigEndian);
        long original = Bytes.uint32(b, p + 24, bigEndian);
        return packet(itf, itf.scale().toEpochNanos(units), captured, original, length - 32, b, p + 28, offset);
    }

    private Frame readSimplePacket(byte[] b, int p, int length, long offset) throws CaptureException {
        if (length < 16) {
            throw new CaptureException(source, offset, "corrupt pcapng simple packet block: length " + length
                    + " is less than 16");
        }
        Interface itf = interfaceAt(0, offset);
        long original = Bytes.uint32(b, p + 8, bigEndian);
        long captured = Math.min(original, length - 16);
        if (itf.snapLength() > 0) {
            captured = Math.min(captured, itf.snapLength());
        }
        // A simple packet block has no timestamp: tshark shows the epoch, so do we.
        return packet(itf, 0, captured, original, length - 16, b, p + 12, offset);
    }

    private Frame packet(Interface itf, long epochNanos, long captured, long original, int room, byte[] b, int data,
                         long offset) throws CaptureException {
        if (captured > room) {
            throw new CaptureException(source, offset, "corrupt pcapng packet block: captured length " + captured
                    + " exceeds the " + room + " bytes the block holds");
        }
        if (captured > CaptureLimits.MAX_PACKET) {
            throw new CaptureException(source, offset, "packet block claims " + captured
                    + " captured bytes, more than the limit of " + CaptureLimits.MAX_PACKET);
        }
        return new Frame(++frameNumber, epochNanos, itf.linkType(), b, data, (int) captured,
                (int) Math.min(original, Integer.MAX_VALUE), offset);
    }

    private Interface interfaceAt(long id, long offset) throws CaptureException {
        if (id >= interfaces.size()) {
            throw new CaptureException(source, offset, "packet block refers to interface " + id + " but the section"
                    + " describes " + interfaces.size() + (interfaces.size() == 1 ? " interface" : " interfaces"));
        }
        return interfaces.get((int) id);
    }

    private void skipBlock(int type, long length, long offset) throws IOException {
        if (length > CaptureLimits.MAX_SKIPPED_BLOCK) {
            throw new CaptureException(source, offset, "pcapng block of type 0x" + Integer.toHexString(type)
                    + " claims " + length + " bytes, more than the limit of " + CaptureLimits.MAX_SKIPPED_BLOCK
                    + " (corrupt file?)");
        }
        long skipped = in.skip(length - 4);
        int available = skipped == length - 4 ? in.require(4) : 0;
        if (available < 4) {
            end(truncated(offset, length, skipped + available));
            return;
        }
        long trailer = Bytes.uint32(in.array(), in.position(), bigEndian);
        if (trailer != length) {
            throw new CaptureException(source, offset, "corrupt pcapng block: leading length " + length
                    + " but trailing length " + trailer + " (block type 0x" + Integer.toHexString(type) + ")");
        }
        in.advance(4);
    }

    private String truncated(long offset, long need, long remain) {
        return truncated("pcapng block", offset, need, remain);
    }

}
