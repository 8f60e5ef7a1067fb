package io.ikescope.net;

import io.ikescope.capture.Frame;

import java.util.Arrays;

/**
 * Consecutive frames of a capture as {@link FrameTriage} saw them: the time of every frame and a copy of each one it
 * kept, so that a decoder can be given them ({@link #deliver}) after the reader's buffer has moved on. It grows with
 * the frames added: its owners bound how many they add (a byte range, a batch of a scan).
 */
final class TriagedFrames {
    /** Told of each frame after the decoder had it: its time, and the frame when it was kept (else null). */
    interface Step {
        /** @return true to give the decoder no more of these frames */
        boolean after(long nanos, Frame kept);
    }

    /** Told of each frame a scan read, after the decoder had it: its time, the frame when it was kept (else null). */
    interface Tap {
        void frame(long nanos, Frame kept);
    }

    private int frames;
    private long[] nanos = new long[1024];
    private int kept;
    private int[] keptIndex = new int[64];
    private int[] keptAt = new int[64];
    private int[] keptLength = new int[64];
    private int[] keptOriginal = new int[64];
    private int[] keptLinkType = new int[64];
    private long[] keptOffset = new long[64];
    private byte[] bytes = new byte[0];
    private int bytesUsed;

    int frames() {
        return frames;
    }

    /** Bytes of the kept frames' copies. */
    int keptBytes() {
        return bytesUsed;
    }

    /** One more frame: its time, and a copy of it when {@code kept} is not null. */
    void add(long epochNanos, Frame kept) {
        if (frames == nanos.length) {
            nanos = Arrays.copyOf(nanos, frames * 2);
        }
        nanos[frames] = epochNanos;
        if (kept != null) {
            keep(kept);
        }
        frames++;
    }

    /**
     * Gives the frames to {@code decoder} in order, the first numbered {@code number}: the kept ones decoded, the
     * others skipped ({@link PacketDecoder#skip}), {@code step} told after each.
     *
     * @return how many were given (fewer than all when {@code step} asked to stop)
     */
    int deliver(long number, PacketDecoder decoder, Step step) {
        int k = 0;
        for (int i = 0; i < frames; i++) {
            Frame f = null;
            if (k < kept && keptIndex[k] == i) {
                f = new Frame(number + i, nanos[i], keptLinkType[k], bytes, keptAt[k], keptLength[k],
                        keptOriginal[k], keptOffset[k]);
                k++;
                decoder.accept(f);
            } else {
                decoder.skip(number + i, nanos[i]);
            }
            if (step.after(nanos[i], f)) {
                return i + 1;
            }
        }
        return frames;
    }

    private void keep(Frame f) {
        if (kept == keptIndex.length) {
            int n = kept * 2;
            keptIndex = Arrays.copyOf(keptIndex, n);
            keptAt = Arrays.copyOf(keptAt, n);
            keptLength = Arrays.copyOf(keptLength, n);
            keptOriginal = Arrays.copyOf(keptOriginal, n);
            keptLinkType = Arrays.copyOf(keptLinkType, n);
            keptOffset = Arrays.copyOf(keptOffset, n);
        }
        int length = f.capturedLength();
        if (bytes.length - bytesUsed < length) {
            bytes = Arrays.copyOf(bytes, Math.max(Math.max(bytes.length * 2, 16 << 10), bytesUsed + length));
        }
        System.arraycopy(f.data(), f.offset(), bytes, bytesUsed, length);
        keptIndex[kept] = frames;
        keptAt[kept] = bytesUsed;
        keptLength[kept] = length;
        keptOriginal[kept] = f.originalLength();
        keptLinkType[kept] = f.linkType();
        keptOffset[kept] = f.fileOffset();
        kept++;
        bytesUsed += length;
    }
}
