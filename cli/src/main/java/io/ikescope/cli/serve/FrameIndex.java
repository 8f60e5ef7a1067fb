package io.ikescope.cli.serve;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where each frame's decoded message lies in the JSON Lines {@code ikescope dissect -f json} wrote for one capture:
 * one (frame, offset, length) per line, in the file's order (frames ascend; a message rebuilt from fragments adds a
 * second line for the frame that completed it). Held as arrays: about 20 bytes a message, nothing of its content.
 */
final class FrameIndex {
    private int[] frames = new int[64];
    private long[] offsets = new long[64];
    private int[] lengths = new int[64];
    private int size;
    private final Path file;

    private FrameIndex(Path file) {
        this.file = file;
    }

    static FrameIndex of(Path jsonLines) throws IOException {
        FrameIndex index = new FrameIndex(jsonLines);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(jsonLines), 1 << 16)) {
            long offset = 0;
            long lineStart = 0;
            // the frame number: the digits after the line's opening {"frame":
            byte[] head = "{\"frame\":".getBytes(StandardCharsets.US_ASCII);
            int headPos = 0;
            long frame = -1;
            boolean inNumber = false;
            for (int c = in.read(); c >= 0; c = in.read(), offset++) {
                if (c == '\n') {
                    if (frame >= 0) {
                        index.add((int) frame, lineStart, (int) (offset - lineStart));
                    }
                    lineStart = offset + 1;
                    headPos = 0;
                    frame = -1;
                    inNumber = false;
                } else if (headPos < head.length) {
                    headPos = c == head[headPos] ? headPos + 1 : Integer.MAX_VALUE;
                    if (headPos == head.length) {
                        inNumber = true;
                        frame = 0;
                    }
                } else if (inNumber) {
                    if (c >= '0' && c <= '9' && frame < Integer.MAX_VALUE / 10) {
                        frame = frame * 10 + (c - '0');
                    } else {
                        inNumber = false;
                    }
                }
            }
        }
        return index;
    }

    private void add(int frame, long offset, int length) {
        if (size == frames.length) {
            frames = Arrays.copyOf(frames, size * 2);
            offsets = Arrays.copyOf(offsets, size * 2);
            lengths = Arrays.copyOf(lengths, size * 2);
        }
        frames[size] = frame;
        offsets[size] = offset;
        lengths[size] = length;
        size++;
    }

    int messages() {
        return size;
    }

    /** The JSON objects of {@code frame}, in the order dissect wrote them; empty when the frame held no IKE. */
    List<String> lines(int frame) throws IOException {
        int i = Arrays.binarySearch(frames, 0, size, frame);
        if (i < 0) {
            return List.of();
        }
        while (i > 0 && frames[i - 1] == frame) {
            i--;
        }
        List<String> out = new ArrayList<>();
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            for (; i < size && frames[i] == frame; i++) {
                byte[] line = new byte[lengths[i]];
                f.seek(offsets[i]);
                f.readFully(line);
                out.add(new String(line, StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
