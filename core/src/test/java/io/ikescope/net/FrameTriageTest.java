package io.ikescope.net;

import io.ikescope.capture.CaptureReader;
import io.ikescope.capture.Captures;
import io.ikescope.capture.Frame;
import io.ikescope.testsupport.RecordingSink;
import io.ikescope.testsupport.TestPaths;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A decoder told only of the frames {@link FrameTriage} keeps (the others {@link PacketDecoder#skip}ped) finds,
 * warns and counts exactly what a decoder given every frame does: on every sample and background capture, and on
 * the same frames with their headers damaged at random (where the decoder's malformed-header paths run).
 */
class FrameTriageTest {
    private static final DecoderOptions OPTIONS = DecoderOptions.defaults();

    @Test
    void skippingWhatTheTriageRulesOutChangesNothingOnTheCaptures() throws IOException {
        long frames = 0;
        long skipped = 0;
        for (Path capture : captures()) {
            List<Frame> all = CapturedFrames.of(capture);
            Outcome whole = decode(all, OPTIONS, false);
            Outcome triaged = decode(all, OPTIONS, true);
            assertThat(triaged.events).as(capture.toString()).isEqualTo(whole.events);
            assertThat(triaged.counters).as(capture.toString()).isEqualTo(whole.counters);
            frames += all.size();
            skipped += triaged.skipped;
        }
        // the background traffic is ordinary TCP and UDP: most of it must be ruled out, or the triage is useless
        long background = CapturedFrames.background().size();
        assertThat(skipped).as("frames ruled out").isGreaterThan(background / 2).isLessThan(frames);
    }

    @Test
    void damagedHeadersAreKeptWheneverTheDecoderWouldNoticeThem() throws IOException {
        List<Frame> sample = new ArrayList<>();
        for (Path capture : captures()) {
            sample.addAll(CapturedFrames.of(capture));
        }
        Random random = new Random(20261207);
        long skipped = 0;
        long malformed = 0;
        for (int round = 0; round < 40; round++) {
            List<Frame> damaged = new ArrayList<>(sample.size());
            for (Frame f : sample) {
                damaged.add(random.nextInt(4) == 0 ? damage(f, random) : f);
            }
            // extra ports move the line between what may matter and what does not
            DecoderOptions options = round % 2 == 0 ? OPTIONS
                    : OPTIONS.withExtraIkeUdpPorts(Set.of(53, 443)).withTcpPorts(Set.of(443, 80));
            Outcome whole = decode(damaged, options, false);
            Outcome triaged = decode(damaged, options, true);
            assertThat(triaged.events).as("round " + round).isEqualTo(whole.events);
            assertThat(triaged.counters).as("round " + round).isEqualTo(whole.counters);
            skipped += triaged.skipped;
            malformed += whole.counters.malformed();
        }
        assertThat(malformed).as("damaged headers the decoder noticed").isGreaterThan(1000);
        assertThat(skipped).isGreaterThan(1000);
    }

    @Test
    void fragmentsStillExpireAtTheFrameTheyWouldHaveExpiredAt() throws IOException {
        // a datagram waiting for its last fragment expires after 8 frames here, however many of them are skipped
        DecoderOptions options = OPTIONS.withFragmentLimits(OPTIONS.maxPendingFragmentDatagrams(),
                OPTIONS.maxPendingFragmentBytes(), OPTIONS.fragmentTimeoutNanos(), 8);
        for (Path capture : captures()) {
            List<Frame> all = CapturedFrames.of(capture);
            if (all.size() < 2) {
                continue;
            }
            // the background traffic between the fragments of every sample
            List<Frame> mixed = new ArrayList<>();
            List<Frame> background = CapturedFrames.background();
            int b = 0;
            for (Frame f : all) {
                mixed.add(renumbered(f, mixed.size() + 1));
                for (int i = 0; i < 5 && b < background.size(); i++, b++) {
                    Frame g = background.get(b);
                    mixed.add(new Frame(mixed.size() + 1, f.epochNanos(), g.linkType(), g.data(), g.offset(),
                            g.capturedLength(), g.originalLength(), g.fileOffset()));
                }
            }
            Outcome whole = decode(mixed, options, false);
            Outcome triaged = decode(mixed, options, true);
            assertThat(triaged.events).as(capture.toString()).isEqualTo(whole.events);
            assertThat(triaged.counters).as(capture.toString()).isEqualTo(whole.counters);
        }
    }

    private record Outcome(List<String> events, DecoderCounters counters, long skipped) {
    }

    private static Outcome decode(List<Frame> frames, DecoderOptions options, boolean triage) {
        RecordingSink sink = new RecordingSink();
        PacketDecoder decoder = new PacketDecoder(sink, options);
        FrameTriage triageOf = new FrameTriage(options);
        long skipped = 0;
        for (Frame f : frames) {
            if (!triage || triageOf.mayMatter(f)) {
                decoder.accept(f);
            } else {
                decoder.skip(f.number(), f.epochNanos());
                skipped++;
            }
        }
        decoder.finish();
        return new Outcome(sink.describe(), decoder.counters(), skipped);
    }

    /** A copy with one to four bytes of its first 80 changed, or cut short, or with a different link type. */
    private static Frame damage(Frame f, Random random) {
        byte[] b = Arrays.copyOfRange(f.data(), f.offset(), f.offset() + f.capturedLength());
        int captured = b.length;
        int linkType = f.linkType();
        switch (random.nextInt(6)) {
            case 0 -> captured = random.nextInt(Math.min(captured, 80) + 1);
            case 1 -> linkType = new int[] {0, 1, 12, 101, 108, 113, 228, 229, 276, 147}[random.nextInt(10)];
            default -> {
                for (int i = random.nextInt(4); i >= 0 && b.length > 0; i--) {
                    int at = random.nextInt(Math.min(b.length, 80));
                    b[at] = random.nextInt(3) == 0 ? (byte) random.nextInt(256) : (byte) (b[at] ^ 1 << random.nextInt(8));
                }
            }
        }
        return new Frame(f.number(), f.epochNanos(), linkType, b, 0, captured, f.originalLength(), f.fileOffset());
    }

    private static Frame renumbered(Frame f, long number) {
        return new Frame(number, f.epochNanos(), f.linkType(), f.data(), f.offset(), f.capturedLength(),
                f.originalLength(), f.fileOffset());
    }

    private static List<Path> captures() throws IOException {
        List<Path> captures = new ArrayList<>();
        try (Stream<Path> files = Stream.concat(Files.list(TestPaths.samples()),
                Files.list(TestPaths.samples().resolve("background")))) {
            files.filter(p -> p.toString().endsWith(".pcap") || p.toString().endsWith(".pcapng")).sorted()
                    .forEach(captures::add);
        }
        assertThat(captures).hasSizeGreaterThan(40);
        return captures;
    }

}
