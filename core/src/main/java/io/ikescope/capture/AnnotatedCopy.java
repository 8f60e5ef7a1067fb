package io.ikescope.capture;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a capture back as pcapng with comments: a packet comment on the frames that have one and comments on the
 * (first) section header; every block and packet is otherwise copied as it was. A pcapng input keeps its blocks
 * byte for byte (interfaces, statistics, name resolution, the packets' own options), only the section header's
 * length field becomes "unknown" since the section grows; a pcap input becomes one section with one interface of
 * its link type, snap length and timestamp resolution, each record an enhanced packet block with the same
 * timestamp and lengths. Frames are numbered as {@link Captures#open} numbers them, so a comment lands on the
 * frame a diagnosis of the same file named.
 */
public final class AnnotatedCopy {
    /** The longest comment a pcapng option holds (its length field has 16 bits). */
    static final int MAX_COMMENT_BYTES = 65_535;

    private AnnotatedCopy() {
    }

    /** What to write: the comment of a frame (null for none) and the section's comments. */
    public interface Comments {
        String frame(long frameNumber);

        List<String> section();
    }

    /**
     * @param frames        frames copied
     * @param commented     frames that received a comment
     * @param notCommented  frames that had a comment to receive but a block that cannot carry one (a simple packet
     *                      block has no options)
     * @param truncatedTail the input ended inside a block or record (as a killed tcpdump leaves it): the complete
     *                      ones were copied
     */
    public record Result(long frames, long commented, long notCommented, boolean truncatedTail) {
    }

    /** Copies one capture file (pcap or pcapng, gzip-compressed or not) with its comments to {@code out}. */
    public static Result copy(Path input, OutputStream out, Comments comments) throws IOException {
        return copy(Captures.fileStream(input), input.toString(), out, comments);
    }

    /** The same for a capture read from a stream (closed at the end), {@code name} naming it in errors. */
    public static Result copy(InputStream capture, String name, OutputStream out, Comments comments)
            throws IOException {
        try (InputStream in = Captures.plainStream(capture, name)) {
            BlockInput blocks = new BlockInput(in, name);
            byte[] head = blocks.peek(4);
            if (head.length < 4) {
                throw new CaptureException(name, 0, "truncated capture header: needs 4 bytes, " + head.length
                        + " remain");
            }
            int magic = Bytes.int32(head, 0, false);
            if (magic == PcapngReader.SECTION_HEADER) {
                return new PcapngCopy(blocks, out, comments).run();
            }
            int swapped = Integer.reverseBytes(magic);
            if (magic == PcapReader.MAGIC_MICROS || magic == PcapReader.MAGIC_NANOS
                    || swapped == PcapReader.MAGIC_MICROS || swapped == PcapReader.MAGIC_NANOS) {
                return new PcapCopy(blocks, out, comments).run();
            }
            throw new CaptureException(name, 0, String.format("not a pcap or pcapng capture (magic 0x%08x)",
                    swapped));
        }
    }
}
