package io.ikescope.capture;

/**
 * One captured packet as the capture file holds it.
 *
 * <p>The bytes are a view into the reader's buffer ({@code data[offset .. offset+capturedLength)}) and
 * stay valid only until the reader's next call: a consumer that keeps them must copy them. This keeps
 * reading allocation-free for the common case of a frame that is not IKE.
 *
 * @param number         1-based position in the file, counting every packet record exactly as tshark does
 * @param epochNanos     capture time in nanoseconds since the Unix epoch
 * @param linkType       LINKTYPE_* value of the interface the packet was captured on
 * @param data           buffer holding the packet bytes
 * @param offset         where the packet starts in {@code data}
 * @param capturedLength bytes present (may be less than {@code originalLength} when snaplen cut it)
 * @param originalLength length of the packet on the wire
 * @param fileOffset     offset of the packet record in the (decompressed) capture stream, for error messages
 */
public record Frame(long number, long epochNanos, int linkType, byte[] data, int offset, int capturedLength,
                   int originalLength, long fileOffset) {
}
