package io.ikescope.fuzz;

import io.ikescope.capture.Frame;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The packet decoder's fuzz input: a sequence of frames of one link type in a byte string simple enough that
 * seeds can be written from real frames and that every mutation still means some frames.
 *
 * <pre>
 * byte 0        bits 0-6: index into {@link #LINK_TYPES}; bit 7: tight decoder limits (exercises eviction)
 * then, per frame: u16 captured length, u8 bytes cut by the snapshot length, the captured bytes
 * </pre>
 * A frame whose bytes run past the input keeps what is there. Frame i is stamped i seconds after the epoch.
 */
record FrameScript(int linkType, boolean tightLimits, List<Frame> frames) {
    /** The link types the decoder reads, then one it does not (which must only warn). */
    static final int[] LINK_TYPES = {1, 113, 276, 101, 228, 229, 0, 108, 12, 14, 147};

    static FrameScript parse(byte[] input) {
        if (input.length == 0) {
            return new FrameScript(LINK_TYPES[0], false, List.of());
        }
        int selector = input[0] & 0xFF;
        int linkType = LINK_TYPES[(selector & 0x7F) % LINK_TYPES.length];
        List<Frame> frames = new ArrayList<>();
        int at = 1;
        while (at + 3 <= input.length) {
            int declared = ((input[at] & 0xFF) << 8) | (input[at + 1] & 0xFF);
            int cut = input[at + 2] & 0xFF;
            at += 3;
            int captured = Math.min(declared, input.length - at);
            long number = frames.size() + 1;
            // Own array per frame, ending where the frame ends (a read past it fails loudly), starting after 4
            // filler bytes (a decoder that ignored the frame's offset would read them).
            byte[] data = new byte[captured + 4];
            java.util.Arrays.fill(data, 0, 4, (byte) 0xEE);
            System.arraycopy(input, at, data, 4, captured);
            frames.add(new Frame(number, number * 1_000_000_000L, linkType, data, 4, captured, captured + cut, at));
            at += captured;
        }
        return new FrameScript(linkType, (selector & 0x80) != 0, frames);
    }

    /** Encodes frames (of the link type at {@code linkTypeIndex}) as a script, for seeds. */
    static byte[] encode(int linkType, List<byte[]> frames) {
        int index = -1;
        for (int i = 0; i < LINK_TYPES.length; i++) {
            if (LINK_TYPES[i] == linkType) {
                index = i;
            }
        }
        if (index < 0) {
            throw new IllegalArgumentException("no script selector for link type " + linkType);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(index);
        for (byte[] f : frames) {
            int n = Math.min(f.length, 0xFFFF);
            out.write(n >> 8);
            out.write(n);
            out.write(0);
            out.write(f, 0, n);
        }
        return out.toByteArray();
    }
}
