package io.ikescope.net;

import io.ikescope.capture.CaptureException;
import io.ikescope.capture.CaptureReader;
import io.ikescope.capture.Captures;
import io.ikescope.testsupport.IkeSurgery;
import io.ikescope.testsupport.RecordingSink;
import io.ikescope.testsupport.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The scan on its own thread hands over exactly what the scan on the caller's thread finds, in the same order. */
class BackgroundScanTest {
    @Test
    void everySampleAndTheBackgroundTrafficGiveWhatTheSynchronousScanGives() throws IOException {
        List<Path> captures = new ArrayList<>();
        try (Stream<Path> files = Stream.concat(Files.list(TestPaths.samples()),
                Files.list(TestPaths.samples().resolve("background")))) {
            files.filter(p -> p.toString().endsWith(".pcap")).sorted().forEach(captures::add);
        }
        assertThat(captures).hasSizeGreaterThan(40);
        long events = 0;
        for (Path capture : captures) {
            RecordingSink inline = new RecordingSink();
            RecordingSink background = new RecordingSink();
            DecoderCounters inlineCounts;
            try (CaptureReader reader = Captures.open(capture)) {
                inlineCounts = CaptureScan.run(reader, DecoderOptions.defaults(), inline);
            }
            DecoderCounters backgroundCounts;
            try (CaptureReader reader = Captures.open(capture);
                 BackgroundScan scan = BackgroundScan.start(reader, DecoderOptions.defaults())) {
                backgroundCounts = scan.drainTo(background);
            }
            assertThat(background.describe()).as(capture.toString()).isEqualTo(inline.describe());
            assertThat(backgroundCounts).as(capture.toString()).isEqualTo(inlineCounts);
            events += inline.all.size();
        }
        assertThat(events).as("IKE, ESP, ICMP and warnings in the samples").isGreaterThan(400);
    }

    @Test
    void aScanThatGetsAheadOfItsCallerWaitsAndLosesNothing(@TempDir Path dir) throws Exception {
        // 20,000 real IKE frames: far more than the queue holds
        Path big = repeat(TestPaths.sample("ikev2-ts-mismatch.pcap"), 20_000, dir.resolve("many.pcap"));
        RecordingSink inline = new RecordingSink();
        try (CaptureReader reader = Captures.open(big)) {
            CaptureScan.run(reader, DecoderOptions.defaults(), inline);
        }
        try (CaptureReader reader = Captures.open(big);
             BackgroundScan scan = BackgroundScan.start(reader, DecoderOptions.defaults())) {
            // However slow the machine: the scan reads until its queue is full, then reads nothing more.
            long early = settled(reader);
            Thread.sleep(300);
            assertThat(reader.bytesRead()).as("the scan waits while nobody drains").isEqualTo(early)
                    .isLessThan(Files.size(big));
            RecordingSink background = new RecordingSink();
            scan.drainTo(background);
            assertThat(background.describe()).hasSize(inline.describe().size()).isEqualTo(inline.describe());
        }
        assertThat(inline.all).hasSizeGreaterThanOrEqualTo(20_000);
    }

    /** The reader's position once it has not moved for 300 ms (at most 30 s: a scan that never waits fails). */
    private static long settled(CaptureReader reader) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        long last = -1;
        while (System.nanoTime() < deadline) {
            long now = reader.bytesRead();
            if (now == last) {
                return now;
            }
            last = now;
            Thread.sleep(300);
        }
        return last;
    }

    @Test
    void aCorruptRecordFailsTheDrainAfterTheEventsBeforeIt(@TempDir Path dir) throws IOException {
        Path source = repeat(TestPaths.sample("ikev2-ts-mismatch.pcap"), 3_000, dir.resolve("long.pcap"));
        byte[] bytes = Files.readAllBytes(source);
        long corruptAt = claimHugeLength(bytes, 2_000);
        Path corrupt = dir.resolve("corrupt.pcap");
        Files.write(corrupt, bytes);

        RecordingSink inline = new RecordingSink();
        CaptureException inlineFailure;
        try (CaptureReader reader = Captures.open(corrupt)) {
            inlineFailure = catchThrowableOfType(CaptureException.class,
                    () -> CaptureScan.run(reader, DecoderOptions.defaults(), inline));
        }
        RecordingSink background = new RecordingSink();
        try (CaptureReader reader = Captures.open(corrupt);
             BackgroundScan scan = BackgroundScan.start(reader, DecoderOptions.defaults())) {
            assertThatThrownBy(() -> scan.drainTo(background)).isInstanceOf(CaptureException.class)
                    .hasMessage(inlineFailure.getMessage())
                    .hasMessageContaining("at byte " + corruptAt);
        }
        assertThat(background.describe()).hasSize(2_000).isEqualTo(inline.describe());
    }

    @Test
    void closingAnUndrainedScanStopsItsThread(@TempDir Path dir) throws Exception {
        Path big = repeat(TestPaths.sample("ikev2-ts-mismatch.pcap"), 20_000, dir.resolve("many.pcap"));
        try (CaptureReader reader = Captures.open(big)) {
            BackgroundScan scan = BackgroundScan.start(reader, DecoderOptions.defaults());
            Thread.sleep(100);
            scan.close();
            assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("ikescope-scan"));
            assertThat(reader.bytesRead()).isLessThan(Files.size(big));
        }
    }

    /** A pcap of {@code count} frames taken in turn from a real (Ethernet) capture. */
    private static Path repeat(Path capture, int count, Path target) throws IOException {
        List<byte[]> frames = IkeSurgery.frames(capture);
        List<byte[]> repeated = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            repeated.add(frames.get(i % frames.size()));
        }
        return Files.write(target, IkeSurgery.ethernetPcap(repeated));
    }

    /** Makes record {@code index} (from 0) claim 4 GiB of captured bytes; returns its offset. */
    private static long claimHugeLength(byte[] pcap, int index) {
        ByteBuffer b = ByteBuffer.wrap(pcap).order(ByteOrder.LITTLE_ENDIAN);
        int at = 24;
        for (int i = 0; i < index; i++) {
            at += 16 + b.getInt(at + 8);
        }
        b.putInt(at + 8, -1);
        return at;
    }
}
