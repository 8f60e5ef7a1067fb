package io.ikescope.capture;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A frame copied out of the reader's buffer, for comparing whole captures. */
public record FrameSnapshot(long number, long epochNanos, int linkType, byte[] bytes, int originalLength) {

    public static List<FrameSnapshot> readAll(Path path) throws IOException {
        try (CaptureReader reader = Captures.open(path)) {
            return readAll(reader);
        }
    }

    public static List<FrameSnapshot> readAll(CaptureReader reader) throws IOException {
        List<FrameSnapshot> frames = new ArrayList<>();
        Frame f;
        while ((f = reader.next()) != null) {
            frames.add(new FrameSnapshot(f.number(), f.epochNanos(), f.linkType(),
                    Arrays.copyOfRange(f.data(), f.offset(), f.offset() + f.capturedLength()), f.originalLength()));
        }
        return frames;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FrameSnapshot s && s.number == number && s.epochNanos == epochNanos
                && s.linkType == linkType && Arrays.equals(s.bytes, bytes) && s.originalLength == originalLength;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(number) * 31 + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "frame " + number + " t=" + epochNanos + " link=" + linkType + " len=" + bytes.length + "/" + originalLength;
    }

    /** tshark's frame numbers and epoch times (nanoseconds) for a capture. */
    public static List<long[]> tsharkTimes(Path path) {
        List<long[]> times = new ArrayList<>();
        for (String line : TestCaptures.tshark("-r", path.toString(), "-T", "fields", "-e", "frame.number",
                "-e", "frame.time_epoch")) {
            String[] f = line.split("\t", -1);
            if (f[1].isEmpty()) {
                times.add(new long[] {Long.parseLong(f[0]), 0}); // no timestamp (simple packet block): epoch
                continue;
            }
            String[] secondsAndFraction = f[1].split("\\.");
            String fraction = (secondsAndFraction.length > 1 ? secondsAndFraction[1] : "") + "000000000";
            long nanos = Long.parseLong(secondsAndFraction[0]) * 1_000_000_000L
                    + Long.parseLong(fraction.substring(0, 9)) * (secondsAndFraction[0].startsWith("-") ? -1 : 1);
            times.add(new long[] {Long.parseLong(f[0]), nanos});
        }
        return times;
    }
}
