package io.ikescope.net;

import io.ikescope.capture.CaptureException;
import io.ikescope.capture.CaptureReader;
import io.ikescope.capture.Captures;
import io.ikescope.capture.Frame;
import io.ikescope.testsupport.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
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
            Recorder inline = new Recorder();
            Recorder background = new Recorder();
            DecoderCounters inlineCounts;
            try (CaptureReader reader = Captures.open(capture)) {
                inlineCounts = CaptureScan.run(reader, DecoderOptions.defaults(), inline);
            }
            DecoderCounters backgroundCounts;
            try (CaptureReader reader = Captures.open(capture);
                 BackgroundScan scan = BackgroundScan.start(reader, DecoderOptions.defaults())) {
                backgroundCounts = scan.drainTo(background);
            }
            assertThat(background.events).as(capture.toString()).isEqualTo(inline.events);
            assertThat(backgroundCounts).as(capture.toString()).isEqualTo(inlineCounts);
            events += inline.events.size();
        }
        assertThat(events).as("IKE, ESP, ICMP and warnings in the samples").isGreaterThan(400);
    }

    @Test
    void aScanThatGetsAheadOfItsCallerWaitsAndLosesNothing(@TempDir Path dir) throws Exception {
        // 20,000 real IKE frames: far more than the queue holds
        Path big = repeat(TestPaths.sample("ikev2-ts-mismatch.pcap"), 20_000, dir.resolve("many.pcap"));
        Recorder inline = new Recorder();
        try (CaptureReader reader = Captures.open(big)) {
            CaptureScan.run(reader, DecoderOptions.defaults(), inline);
        }
        try (CaptureReader reader = Captures.open(big);
             BackgroundScan scan = BackgroundScan.start(reader, DecoderOptions.defaults())) {
            Thread.sleep(300);
            long early = reader.bytesRead();
            Thread.sleep(300);
            assertThat(reader.bytesRead()).as("the scan waits while nobody drains").isEqualTo(early)
                    .isLessThan(Files.size(big));
            Recorder background = new Recorder();
            scan.drainTo(background);
            assertThat(background.events).hasSize(inline.events.size()).isEqualTo(inline.events);
        }
        assertThat(inline.events).hasSizeGreaterThanOrEqualTo(20_000);
    }

    @Test
    void aCorruptRecordFailsTheDrainAfterTheEventsBeforeIt(@TempDir Path dir) throws IOException {
        Path source = repeat(TestPaths.sample("ikev2-ts-mismatch.pcap"), 3_000, dir.resolve("long.pcap"));
        byte[] bytes = Files.readAllBytes(source);
        long corruptAt = claimHugeLength(bytes, 2_000);
        Path corrupt = dir.resolve("corrupt.pcap");
        Files.write(corrupt, bytes);

        Recorder inline = new Recorder();
        CaptureException inlineFailure;
        try (CaptureReader reader = Captures.open(corrupt)) {
            inlineFailure = catchThrowableOfType(CaptureException.class,
                    () -> CaptureScan.run(reader, DecoderOptions.defaults(), inline));
        }
        Recorder background = new Recorder();
        try (CaptureReader reader = Captures.open(corrupt);
             BackgroundScan scan = BackgroundScan.start(reader, DecoderOptions.defaults())) {
            assertThatThrownBy(() -> scan.drainTo(background)).isInstanceOf(CaptureException.class)
                    .hasMessage(inlineFailure.getMessage())
                    .hasMessageContaining("at byte " + corruptAt);
        }
        assertThat(background.events).hasSize(2_000).isEqualTo(inline.events);
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

    /** A pcap of {@code count} frames taken in turn from a real capture, a millisecond apart. */
    private static Path repeat(Path capture, int count, Path target) throws IOException {
        List<byte[]> frames = new ArrayList<>();
        int linkType;
        try (CaptureReader reader = Captures.open(capture)) {
            Frame first = reader.next();
            linkType = first.linkType();
            for (Frame f = first; f != null; f = reader.next()) {
                byte[] data = new byte[f.capturedLength()];
                System.arraycopy(f.data(), f.offset(), data, 0, data.length);
                frames.add(data);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65_535)
                .putInt(linkType);
        out.write(header.array());
        for (int i = 0; i < count; i++) {
            byte[] data = frames.get(i % frames.size());
            ByteBuffer record = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            record.putInt(1_700_000_000 + i / 1000).putInt(i % 1000 * 1000).putInt(data.length).putInt(data.length);
            out.write(record.array());
            out.write(data);
        }
        return Files.write(target, out.toByteArray());
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

    /** Each event as text, in the order received. */
    private static final class Recorder implements PacketSink {
        final List<String> events = new ArrayList<>();

        @Override
        public void onIke(IkeDatagram m) {
            events.add("ike " + m.frame() + " " + m.epochNanos() + " " + m.src() + ":" + m.srcPort() + " " + m.dst()
                    + ":" + m.dstPort() + " " + m.transport() + " " + HexFormat.of().formatHex(m.ike()));
        }

        @Override
        public void onEsp(EspPacket packet) {
            events.add(packet.toString());
        }

        @Override
        public void onWarning(String warning) {
            events.add("warning " + warning);
        }

        @Override
        public void onIcmpUnreachable(IcmpUnreachable error) {
            events.add(error.toString());
        }

        @Override
        public void onIncompleteDatagram(IncompleteDatagram datagram) {
            events.add(datagram.toString());
        }
    }
}
