package io.ikescope.net;

import io.ikescope.capture.CaptureException;
import io.ikescope.capture.CaptureReader;
import io.ikescope.capture.Captures;
import io.ikescope.capture.Frame;
import io.ikescope.capture.PcapRanges;
import io.ikescope.testsupport.RecordingSink;
import io.ikescope.testsupport.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A pcap file read in byte ranges on several threads gives its one decoder what a single reader gives: the same
 * events in the same order, the same counts, the same warnings and failures, with ranges far smaller than records
 * (boundaries guessed in the middle of packets) and with captures whose packets carry pcap files (wrong guesses).
 */
class RangeScanTest {
    private static final DecoderOptions OPTIONS = DecoderOptions.defaults();

    @Test
    void everySampleReadInRangesOfAnySizeGivesWhatOneReaderGives() throws IOException {
        int files = 0;
        for (Path capture : plainPcaps()) {
            Result whole = whole(capture);
            for (long rangeBytes : new long[] {61, 500, 4096}) {
                for (int workers : new int[] {1, 3}) {
                    Result split = split(capture, rangeBytes, workers);
                    String as = capture + " in ranges of " + rangeBytes + " bytes, " + workers + " workers";
                    assertThat(split.events).as(as).isEqualTo(whole.events);
                    assertThat(split.counters).as(as).isEqualTo(whole.counters);
                    assertThat(split.bytesRead).as(as).isEqualTo(Files.size(capture));
                }
            }
            files++;
        }
        assertThat(files).isGreaterThan(40);
    }

    @Test
    void theLabsFreshCapturesReadInRangesGiveWhatOneReaderGives() throws IOException {
        Path out = TestPaths.repositoryRoot().resolve("lab/out");
        assumeThat(Files.isDirectory(out)).as("no fresh lab captures in " + out + " (run lab/run.sh --all as root)")
                .isTrue();
        List<Path> captures;
        try (Stream<Path> files = Files.walk(out)) {
            captures = files.filter(p -> p.toString().endsWith(".pcap") && Files.isRegularFile(p)).sorted().toList();
        }
        assumeThat(captures).as("no capture in " + out).isNotEmpty();
        for (Path capture : captures) {
            Result whole = whole(capture);
            for (long rangeBytes : new long[] {200, 3000}) {
                Result split = split(capture, rangeBytes, 2);
                assertThat(split.events).as(capture + " in ranges of " + rangeBytes).isEqualTo(whole.events);
                assertThat(split.counters).as(capture + " in ranges of " + rangeBytes).isEqualTo(whole.counters);
            }
        }
    }

    @Test
    void packetsCarryingAPcapFileMisleadTheGuessButNotTheResult(@TempDir Path dir) throws IOException {
        // UDP packets carrying a pcap file of small frames: chains of plausible records inside records
        List<Frame> ike = CapturedFrames.of(TestPaths.sample("ikev2-ts-mismatch.pcap"));
        List<Frame> background = CapturedFrames.background();
        long nanos = ike.get(0).epochNanos();
        ByteArrayOutputStream transferred = new ByteArrayOutputStream();
        for (int i = 0; i < 6000; i++) {
            Frame f = background.get(i % background.size());
            transferred.write(record(new Frame(0, nanos + i, 1, f.data(), f.offset(), Math.min(44, f.capturedLength()),
                    f.originalLength(), 0)));
        }
        byte[] inner = transferred.toByteArray();
        List<Frame> frames = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            int from = i * 1000 % (inner.length - 1200);
            byte[] slice = Arrays.copyOfRange(inner, from, from + 1200);
            frames.add(frame(Packets.ethernet(0x0800, Packets.ipv4(new int[] {10, 0, 0, 1}, new int[] {10, 0, 0, 2},
                    17, i, 0, Packets.udp(40000, 9000, slice))), nanos + i * 1000L));
            frames.add(retimed(ike.get(i % ike.size()), nanos + i * 1000L + 500));
        }
        Path capture = write(dir.resolve("pcap-transfer.pcap"), frames, 65535);
        Result whole = whole(capture);
        for (long rangeBytes : new long[] {700, 3000}) {
            RecordingSink sink = new RecordingSink();
            RangeScan scan;
            try (CaptureReader reader = Captures.open(capture)) {
                scan = new RangeScan(reader.ranges(), OPTIONS, rangeBytes, 2);
                PacketDecoder decoder = new PacketDecoder(sink, OPTIONS);
                scan.frames(decoder, (time, kept) -> { });
                CaptureScan.finish(reader, decoder, sink);
                assertThat(decoder.counters()).isEqualTo(whole.counters);
            }
            assertThat(sink.describe()).isEqualTo(whole.events);
            assertThat(scan.rereads()).as("ranges whose guessed boundary was wrong").isPositive();
        }
    }

    @Test
    void aRecordCutOffByTheEndOfTheFileIsWarnedAboutAsOneReaderWarns(@TempDir Path dir) throws IOException {
        byte[] bytes = Files.readAllBytes(TestPaths.sample("ikev2-ts-mismatch.pcap"));
        Path cut = Files.write(dir.resolve("cut.pcap"), Arrays.copyOf(bytes, bytes.length - 37));
        Result whole = whole(cut);
        assertThat(whole.events).anyMatch(e -> e.contains("truncated packet record"));
        for (long rangeBytes : new long[] {100, 1000}) {
            Result split = split(cut, rangeBytes, 2);
            assertThat(split.events).isEqualTo(whole.events);
            assertThat(split.counters).isEqualTo(whole.counters);
        }
    }

    @Test
    void recordsBeyondTheSnapshotLengthAreWarnedAboutOnceAtTheFirst(@TempDir Path dir) throws IOException {
        List<Frame> ike = CapturedFrames.of(TestPaths.sample("ikev2-ts-mismatch.pcap"));
        Path capture = write(dir.resolve("snap.pcap"), ike, 200);
        Result whole = whole(capture);
        assertThat(whole.events).filteredOn(e -> e.contains("snapshot length")).hasSize(1);
        Result split = split(capture, 300, 3);
        assertThat(split.events).isEqualTo(whole.events);
    }

    @Test
    void aCorruptRecordFailsAfterTheSameFramesAndWithTheSameMessage(@TempDir Path dir) throws IOException {
        List<Frame> ike = CapturedFrames.of(TestPaths.sample("ikev2-ts-mismatch.pcap"));
        List<Frame> many = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            many.add(retimed(ike.get(i % ike.size()), ike.get(0).epochNanos() + i * 1000L));
        }
        byte[] bytes = Files.readAllBytes(write(dir.resolve("ok.pcap"), many, 65535));
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int at = 24;
        for (int i = 0; i < 200; i++) {
            at += 16 + b.getInt(at + 8);
        }
        b.putInt(at + 8, -1); // 4 GiB captured
        Path corrupt = Files.write(dir.resolve("corrupt.pcap"), bytes);
        Result whole = whole(corrupt);
        assertThat(whole.failure).isInstanceOf(CaptureException.class).hasMessageContaining("at byte " + at);
        for (long rangeBytes : new long[] {500, 5000}) {
            Result split = split(corrupt, rangeBytes, 2);
            assertThat(split.failure).isInstanceOf(CaptureException.class).hasMessage(whole.failure.getMessage());
            assertThat(split.events).hasSize(whole.events.size()).isEqualTo(whole.events);
        }
    }

    @Test
    void aReaderTakesFromTheFileOnlyWhatItIsAskedFor(@TempDir Path dir) throws IOException {
        List<Frame> background = CapturedFrames.background();
        List<Frame> many = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            many.add(retimed(background.get(i % background.size()), background.get(0).epochNanos() + i * 1000L));
        }
        Path capture = write(dir.resolve("many.pcap"), many, 65535);
        long size = Files.size(capture);
        assertThat(size).isGreaterThan(1 << 20);
        // a look at the first packet (how a directory's files are put in order) reads the first 64 KiB, not 1 MiB
        try (CaptureReader reader = Captures.open(capture)) {
            assertThat(reader.next()).isNotNull();
            assertThat(reader.bytesRead()).isLessThanOrEqualTo(64 << 10);
            while (reader.next() != null) {
                assertThat(reader.bytesRead()).isLessThanOrEqualTo(size);
            }
            assertThat(reader.bytesRead()).isEqualTo(size);
        }
        // a range reads its own bytes and, past its end, only the rest of its last record and at most 4 KiB more
        try (CaptureReader reader = Captures.open(capture)) {
            PcapRanges ranges = reader.ranges();
            byte[] buffer = PcapRanges.newBuffer();
            long start = ranges.firstRecord();
            for (long limit = start + 100_000; start < size; limit += 100_000) {
                try (PcapRanges.Range range = ranges.open(start, limit, buffer)) {
                    long frames = 0;
                    while (range.next() != null) {
                        frames++;
                    }
                    assertThat(frames).isPositive();
                    assertThat(range.end()).isGreaterThanOrEqualTo(limit > size ? size : limit);
                    assertThat(range.bytesRead()).isBetween(range.end() - start, range.end() - start + (4 << 10));
                    start = range.end();
                }
            }
        }
    }

    @Test
    void onlyAPlainPcapFileCanBeReadInRanges(@TempDir Path dir) throws IOException {
        Path pcap = TestPaths.sample("ikev2-ts-mismatch.pcap");
        try (CaptureReader reader = Captures.open(pcap)) {
            assertThat(reader.ranges()).isNotNull();
        }
        Path gzip = dir.resolve("c.pcap.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzip))) {
            out.write(Files.readAllBytes(pcap));
        }
        try (CaptureReader reader = Captures.open(gzip);
             CaptureReader stream = Captures.open(Files.newInputStream(pcap), "-")) {
            assertThat(reader.ranges()).isNull();
            assertThat(stream.ranges()).isNull();
        }
        try (CaptureReader reader = Captures.open(TestPaths.captureFixture("main-mode.pcapng"))) {
            assertThat(reader.format()).isEqualTo("pcapng");
            assertThat(reader.ranges()).isNull();
        }
    }

    @Test
    void aNamedPipeIsNotOpenedASecondTime(@TempDir Path dir) throws Exception {
        Path mkfifo = Path.of("/usr/bin/mkfifo");
        assumeThat(Files.isExecutable(mkfifo)).as("mkfifo(1) makes the pipe").isTrue();
        Path pipe = dir.resolve("pipe.pcap");
        assertThat(new ProcessBuilder(mkfifo.toString(), pipe.toString()).start().waitFor()).isZero();
        Path pcap = TestPaths.sample("ikev2-ts-mismatch.pcap");
        Thread writer = new Thread(() -> {
            try {
                Files.write(pipe, Files.readAllBytes(pcap));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.setDaemon(true);
        writer.start();
        // a second open of the pipe would wait for a writer that has gone: a guard, not a timing
        int frames = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            try (CaptureReader reader = Captures.open(pipe)) {
                assertThat(reader.ranges()).isNull();
                int n = 0;
                while (reader.next() != null) {
                    n++;
                }
                return n;
            }
        });
        // nothing was taken from the pipe by a second reader
        assertThat(frames).isEqualTo(CapturedFrames.of(pcap).size());
        writer.join();
    }

    @Test
    void aFileReplacedWhileItIsReadIsStillTheOneReadInRanges(@TempDir Path dir) throws IOException {
        // a ring buffer (tcpdump -W) removes the oldest file and writes a new one under its name meanwhile
        Path capture = Files.copy(TestPaths.sample("ikev2-ts-mismatch.pcap"), dir.resolve("ring0.pcap"));
        Result whole = whole(capture);
        Path other = TestPaths.sample("ikev1-main-psk-mismatch.pcap");
        assertThat(whole(other).events).isNotEqualTo(whole.events);
        for (int workers : new int[] {1, 3}) {
            RecordingSink sink = new RecordingSink();
            try (CaptureReader reader = Captures.open(capture)) {
                PcapRanges ranges = reader.ranges();
                Files.delete(capture);
                Files.copy(other, capture);
                PacketDecoder decoder = new PacketDecoder(sink, OPTIONS);
                new RangeScan(ranges, OPTIONS, 300, workers).frames(decoder, (time, kept) -> { });
                CaptureScan.finish(reader, decoder, sink);
                assertThat(decoder.counters()).isEqualTo(whole.counters);
            }
            assertThat(sink.describe()).as(workers + " workers").isEqualTo(whole.events);
            Files.delete(capture);
            Files.copy(TestPaths.sample("ikev2-ts-mismatch.pcap"), capture);
        }
    }

    @Test
    void aLargeFileIsReadInRangesByTheBackgroundScan(@TempDir Path dir) throws IOException {
        assumeThat(RangeScan.defaultWorkers()).as("a split needs at least two cores").isPositive();
        // real IKE frames among the background traffic, past the size from which a file is split
        List<Frame> ike = CapturedFrames.of(TestPaths.sample("ikev2-ts-mismatch.pcap"));
        List<Frame> background = CapturedFrames.background();
        Path capture = dir.resolve("large.pcap");
        long start = ike.get(0).epochNanos();
        // the size from which a file is split, lowered as the launcher's training run lowers it (a GiB by default)
        long splitFrom = 2 * RangeScan.RANGE_BYTES;
        assertThat(RangeScan.SPLIT_FROM_BYTES).isGreaterThan(splitFrom);
        try (OutputStream out = Files.newOutputStream(capture)) {
            out.write(fileHeader(65535));
            long written = 24;
            for (int i = 0; written < splitFrom + 3 * RangeScan.RANGE_BYTES / 2; i++) {
                Frame f = i % 200 == 0 ? ike.get(i / 200 % ike.size()) : background.get(i % background.size());
                byte[] record = record(retimed(f, start + i * 10_000L));
                out.write(record);
                written += record.length;
            }
        }
        Result whole = whole(capture);
        try (CaptureReader reader = Captures.open(capture);
             BackgroundScan scan = BackgroundScan.start(reader, OPTIONS)) {
            scan.drainTo(new RecordingSink());
            assertThat(scan.wasSplit()).as("below the size a file is split from").isFalse();
        }
        RecordingSink sink = new RecordingSink();
        String before = System.getProperty(RangeScan.SPLIT_FROM_PROPERTY);
        System.setProperty(RangeScan.SPLIT_FROM_PROPERTY, Long.toString(splitFrom));
        try (CaptureReader reader = Captures.open(capture);
             BackgroundScan scan = BackgroundScan.start(reader, OPTIONS)) {
            assertThat(scan.drainTo(sink)).isEqualTo(whole.counters);
            assertThat(scan.wasSplit()).isTrue();
            assertThat(reader.bytesRead()).isEqualTo(Files.size(capture));
        } finally {
            if (before == null) {
                System.clearProperty(RangeScan.SPLIT_FROM_PROPERTY);
            } else {
                System.setProperty(RangeScan.SPLIT_FROM_PROPERTY, before);
            }
        }
        assertThat(sink.describe()).isEqualTo(whole.events);
        assertThat(whole.counters.ikeMessages()).isGreaterThan(100);
    }

    private record Result(List<String> events, DecoderCounters counters, long bytesRead, IOException failure) {
    }

    private static Result whole(Path capture) throws IOException {
        RecordingSink sink = new RecordingSink();
        try (CaptureReader reader = Captures.open(capture)) {
            PacketDecoder decoder = new PacketDecoder(sink, OPTIONS);
            IOException failure = null;
            try {
                CaptureScan.frames(reader, decoder, () -> { });
                CaptureScan.finish(reader, decoder, sink);
            } catch (IOException e) {
                failure = e;
            }
            return new Result(sink.describe(), decoder.counters(), reader.bytesRead(), failure);
        }
    }

    private static Result split(Path capture, long rangeBytes, int workers) throws IOException {
        RecordingSink sink = new RecordingSink();
        try (CaptureReader reader = Captures.open(capture)) {
            PcapRanges ranges = reader.ranges();
            assertThat(ranges).as(capture.toString()).isNotNull();
            PacketDecoder decoder = new PacketDecoder(sink, OPTIONS);
            IOException failure = null;
            try {
                new RangeScan(ranges, OPTIONS, rangeBytes, workers).frames(decoder, (time, kept) -> { });
                CaptureScan.finish(reader, decoder, sink);
            } catch (IOException e) {
                failure = e;
            }
            return new Result(sink.describe(), decoder.counters(), reader.bytesRead(), failure);
        }
    }

    private static List<Path> plainPcaps() throws IOException {
        // the samples, the background traffic and the committed lab matrix captures (libreswan, capture points)
        Path matrix = TestPaths.repositoryRoot().resolve("core/src/test/resources/matrix");
        try (Stream<Path> files = Stream.of(TestPaths.samples(), TestPaths.samples().resolve("background"), matrix)
                .flatMap(RangeScanTest::list)) {
            return files.filter(p -> p.toString().endsWith(".pcap")).sorted().toList();
        }
    }

    private static Stream<Path> list(Path dir) {
        try {
            return Files.list(dir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Frame frame(byte[] ethernet, long nanos) {
        return new Frame(0, nanos, 1, ethernet, 0, ethernet.length, ethernet.length, 0);
    }

    private static Frame retimed(Frame f, long nanos) {
        return new Frame(0, nanos, f.linkType(), f.data(), f.offset(), f.capturedLength(), f.originalLength(), 0);
    }

    /** A little-endian, nanosecond Ethernet pcap of {@code frames}, with the snapshot length given. */
    private static Path write(Path target, List<Frame> frames, int snapLength) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(fileHeader(snapLength));
        for (Frame f : frames) {
            out.write(record(f));
        }
        return Files.write(target, out.toByteArray());
    }

    private static byte[] fileHeader(int snapLength) {
        return ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN).putInt(0xa1b23c4d).putShort((short) 2)
                .putShort((short) 4).putInt(0).putInt(0).putInt(snapLength).putInt(1).array();
    }

    private static byte[] record(Frame f) {
        return ByteBuffer.allocate(16 + f.capturedLength()).order(ByteOrder.LITTLE_ENDIAN)
                .putInt((int) (f.epochNanos() / 1_000_000_000L)).putInt((int) (f.epochNanos() % 1_000_000_000L))
                .putInt(f.capturedLength()).putInt(f.originalLength())
                .put(f.data(), f.offset(), f.capturedLength()).array();
    }
}
