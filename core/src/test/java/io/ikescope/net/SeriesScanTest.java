package io.ikescope.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.capture.CaptureReader;
import io.ikescope.capture.Captures;
import io.ikescope.testsupport.TestPaths;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A real capture cut into two files at every packet boundary, read as a series, yields exactly what the whole file
 * yields: the same IKE messages (reassembled from IP fragments or RFC 8229 streams that the cut splits), ESP packets
 * and incomplete datagrams, with the same frame numbers; with one file read at a time and with several at once.
 */
class SeriesScanTest {
    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"samples/ikev1-cert-ipfrag-ok.pcap", "samples/ikev2-cert-fragmented-ok.pcap",
        "samples/ikev1-cert-ipfrag-loss.pcap", "core/src/test/resources/captures/ip-fragments-reordered.pcap",
        "core/src/test/resources/captures/rfc8229-tcp.pcap",
        "core/src/test/resources/captures/rfc8229-tcp-reordered.pcap"})
    void everyCutGivesWhatTheWholeFileGives(String name) throws IOException {
        Path whole = TestPaths.repositoryRoot().resolve(name);
        for (DecoderOptions options : OPTIONS) {
            cutEverywhere(whole, options);
        }
    }

    /**
     * A capture that ends with a datagram still incomplete (a lost fragment) followed by one of unfragmented IKE
     * messages: the first file's decoder gives the datagram up in the second file after the messages it decoded
     * there, and the second file's own scan takes over without giving those messages twice.
     */
    @Test
    void aDatagramLeftOpenIsGivenUpInTheNextFileWithoutRepeatingWhatCameBefore() throws IOException {
        byte[] lossy = Files.readAllBytes(TestPaths.sampleCapture("ikev1-cert-ipfrag-loss"));
        byte[] plain = Files.readAllBytes(TestPaths.sampleCapture("ikev2-psk-ok"));
        Path whole = temp.resolve("whole.pcap");
        ByteBuffer joined = ByteBuffer.allocate(lossy.length + plain.length - 24);
        joined.put(lossy).put(plain, 24, plain.length - 24);
        Files.write(whole, joined.array());
        int before = handOvers;
        for (DecoderOptions options : OPTIONS) {
            List<String> expected = new ArrayList<>();
            try (CaptureReader reader = Captures.open(whole)) {
                expected.add("frames " + CaptureScan.run(reader, options, recorder(expected)).frames());
            }
            assertThat(readSeries(List.of(TestPaths.sampleCapture("ikev1-cert-ipfrag-loss"),
                    TestPaths.sampleCapture("ikev2-psk-ok")), 2, options)).as("%s", options)
                    .containsExactlyElementsOf(expected);
        }
        assertThat(handOvers).as("hand-overs with the short timeout").isGreaterThan(before);
    }

    /**
     * The defaults; fragments given up after 3 frames (so that a datagram left open by the first file expires in the
     * second, and its own scan takes over there); at most one datagram pending (evictions).
     */
    private static final List<DecoderOptions> OPTIONS = List.of(DecoderOptions.defaults(),
            DecoderOptions.defaults().withFragmentLimits(1024, 1 << 20, 30_000_000_000L, 3),
            DecoderOptions.defaults().withFragmentLimits(1, 1 << 20, 30_000_000_000L, 100_000));

    /** Cuts, over all captures, where the second file's own scan took over from the first file's decoder. */
    private static int handOvers;

    @AfterAll
    static void theShortTimeoutMadeTheSecondFilesScanTakeOver() {
        assertThat(handOvers).as("cuts where the second file's own scan took over part-way").isPositive();
    }

    private void cutEverywhere(Path whole, DecoderOptions options) throws IOException {
        List<String> expected = new ArrayList<>();
        try (CaptureReader reader = Captures.open(whole)) {
            expected.add("frames " + CaptureScan.run(reader, options, recorder(expected)).frames());
        }
        byte[] bytes = Files.readAllBytes(whole);
        List<Integer> records = recordStarts(bytes);
        assertThat(records).hasSizeGreaterThan(2);
        assertThat(expected).anyMatch(e -> e.startsWith("ike "));
        for (int cut = 1; cut < records.size(); cut++) {
            Path first = temp.resolve("cap.pcap");
            Path second = temp.resolve("cap.pcap1");
            Files.write(first, Arrays.copyOfRange(bytes, 0, records.get(cut)));
            ByteBuffer rest = ByteBuffer.allocate(24 + bytes.length - records.get(cut));
            rest.put(bytes, 0, 24).put(bytes, records.get(cut), bytes.length - records.get(cut));
            Files.write(second, rest.array());
            for (int ahead : new int[] {1, 2}) {
                assertThat(readSeries(List.of(first, second), ahead, options)).as("cut before record %d, %d at once,"
                        + " %s", cut, ahead, options).containsExactlyElementsOf(expected);
            }
        }
    }

    private List<String> readSeries(List<Path> files, int ahead, DecoderOptions options) throws IOException {
        List<String> seen = new ArrayList<>();
        // a file into which the decoder of the one before goes on is still read once: its scan's log is replayed
        int[] opened = new int[files.size()];
        List<ScanAhead.Opener> openers = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            int file = i;
            openers.add(() -> {
                opened[file]++;
                return Captures.open(files.get(file));
            });
        }
        try (ScanAhead window = new ScanAhead(openers, options, ahead)) {
            SeriesScan series = new SeriesScan(window);
            long frames = 0;
            for (int i = 0; i < files.size(); i++) {
                boolean more = i + 1 < files.size();
                SeriesScan.FileResult r = series.read(recorder(seen), last -> more, reader -> () -> { });
                frames += r.frames();
            }
            handOvers += series.handOvers();
            seen.add("frames " + frames);
        }
        assertThat(opened).as("times each file was opened").containsOnly(1);
        return seen;
    }

    /** Byte offsets of the records of a little-endian pcap file. */
    private static List<Integer> recordStarts(byte[] pcap) {
        ByteBuffer b = ByteBuffer.wrap(pcap).order(ByteOrder.LITTLE_ENDIAN);
        List<Integer> starts = new ArrayList<>();
        int at = 24;
        while (at + 16 <= pcap.length) {
            starts.add(at);
            at += 16 + b.getInt(at + 8);
        }
        return starts;
    }

    private static PacketSink recorder(List<String> out) {
        return new PacketSink() {
            @Override
            public void onIke(IkeDatagram m) {
                out.add("ike " + m.frame() + " " + m.src() + ":" + m.srcPort() + " " + m.dst() + ":" + m.dstPort()
                        + " " + m.transport() + " " + HexFormat.of().formatHex(m.ike()));
            }

            @Override
            public void onEsp(EspPacket p) {
                out.add("esp " + p.frame() + " " + p.spi() + " " + p.sequence());
            }

            @Override
            public void onIncompleteDatagram(IncompleteDatagram d) {
                out.add("incomplete " + d.firstFrame() + " " + d.src() + " " + d.bytesReceived());
            }

            @Override
            public void onIcmpUnreachable(IcmpUnreachable e) {
                out.add("icmp " + e.frame());
            }
        };
    }
}
