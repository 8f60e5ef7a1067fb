package io.ikescope.net;

import io.ikescope.capture.CaptureRewriter;
import io.ikescope.capture.TestCaptures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import static io.ikescope.testsupport.TestPaths.captureFixture;
import static io.ikescope.testsupport.TestPaths.publicCorpusOrSkip;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * IPv4 and IPv6 reassembly on captures of datagrams the kernel fragmented (ip-fragments.pcap: the 1764- and
 * 1932-byte IKEv1 messages of the corpus's ikev1-certs.pcap, over a 1280-byte MTU, once over IPv4 and once over IPv6).
 */
class FragmentReassemblyTest {
    @TempDir
    Path temp;

    /** The two big messages as the corpus capture (unfragmented) holds them. */
    private static List<String> bigMessages() throws IOException {
        DecodedCapture certs = DecodedCapture.of(publicCorpusOrSkip().resolve("wireshark/ikev1-certs.pcap"));
        return certs.ike().stream().filter(d -> d.frame() == 5 || d.frame() == 6)
                .map(d -> HexFormat.of().formatHex(d.ike())).toList();
    }

    private static List<String> hex(DecodedCapture c) {
        return c.ike().stream().map(d -> HexFormat.of().formatHex(d.ike())).toList();
    }

    @Test
    void fragmentedIpv4AndIpv6DatagramsAreReportedInTheFrameThatCompletesThem() throws IOException {
        Path p = captureFixture("ip-fragments.pcap");
        DecodedCapture c = DecodedCapture.of(p);
        assertThat(c.ikeFrames()).containsExactly(2L, 4L, 6L, 8L);
        List<String> big = bigMessages();
        assertThat(big).hasSize(2);
        assertThat(hex(c)).containsExactly(big.get(0), big.get(1), big.get(0), big.get(1));
        assertThat(c.ike()).extracting(IkeDatagram::src)
                .containsExactly("198.51.100.1", "198.51.100.1", "2001:db8::1", "2001:db8::1");
        assertThat(c.ike()).extracting(IkeDatagram::transport).containsOnly(Transport.UDP);
        assertThat(c.counters().datagramsReassembled()).isEqualTo(4);
        // Each message carries the time of the frame that completed it.
        List<io.ikescope.capture.FrameSnapshot> frames = io.ikescope.capture.FrameSnapshot.readAll(p);
        assertThat(c.ike()).allSatisfy(m ->
                assertThat(m.epochNanos()).isEqualTo(frames.get((int) m.frame() - 1).epochNanos()));
        assertThat(frames.get(1).epochNanos()).isNotEqualTo(frames.get(0).epochNanos());
        assertThat(c.decoderWarnings()).isEmpty();
        if (TestCaptures.hasTool("tshark")) {
            assertThat(TsharkComparison.differences(p, DecoderOptions.defaults())).isEmpty();
        }
    }

    @Test
    void outOfOrderAndRepeatedFragments() throws IOException {
        // Each datagram's last fragment comes first; the first IPv4 fragment is repeated after completion.
        Path p = captureFixture("ip-fragments-reordered.pcap");
        DecodedCapture c = DecodedCapture.of(p);
        assertThat(c.ikeFrames()).containsExactly(2L, 5L, 7L, 9L);
        List<String> big = bigMessages();
        assertThat(hex(c)).containsExactly(big.get(0), big.get(1), big.get(0), big.get(1));
        // The repeat (frame 3) starts a datagram of its own that never completes, as in tshark.
        assertThat(c.counters().datagramsIncomplete()).isEqualTo(1);
        assertThat(c.decoderWarnings()).containsExactly(
                "IP fragments from frame 3 never formed a whole datagram: the capture ended first");
        if (TestCaptures.hasTool("tshark")) {
            assertThat(TsharkComparison.differences(p, DecoderOptions.defaults())).isEmpty();
        }
    }

    @Test
    void interleavedDatagramsNeedRoomForTwo() throws IOException {
        byte[] pcap = Files.readAllBytes(captureFixture("ip-fragments.pcap"));
        Path interleaved = write("interleaved.pcap", CaptureRewriter.pcapSelect(pcap, 1, 3, 2, 4));
        assertThat(DecodedCapture.of(interleaved).ikeFrames()).containsExactly(3L, 4L);

        DecoderOptions one = DecoderOptions.defaults().withFragmentLimits(1, 1 << 20, 30_000_000_000L, 100_000);
        DecodedCapture c = DecodedCapture.of(interleaved, one);
        assertThat(c.ike()).isEmpty();
        assertThat(c.counters().datagramsIncomplete()).isEqualTo(4);
        assertThat(c.decoderWarnings()).first().asString().isEqualTo("IP fragments from frame 1 never formed a whole"
                + " datagram: the reassembly limit (1 datagrams, 1048576 bytes) was reached at frame 2");
        assertThat(c.decoderWarnings()).last().asString().startsWith("3 more like this: ");
    }

    @Test
    void aByteLimitBelowOneDatagramDropsIt() throws IOException {
        DecoderOptions small = DecoderOptions.defaults().withFragmentLimits(1024, 1000, 30_000_000_000L, 100_000);
        DecodedCapture c = DecodedCapture.of(captureFixture("ip-fragments.pcap"), small);
        assertThat(c.ike()).isEmpty();
        assertThat(c.counters().datagramsIncomplete()).isPositive();
    }

    @Test
    void datagramsOlderThanTheFrameTimeoutAreDropped() throws IOException {
        byte[] pcap = Files.readAllBytes(captureFixture("ip-fragments.pcap"));
        // IPv4 first fragment, then both IPv6 datagrams, then the IPv4 last fragment five frames later.
        Path p = write("late.pcap", CaptureRewriter.pcapSelect(pcap, 1, 5, 6, 7, 8, 2));
        assertThat(DecodedCapture.of(p).ikeFrames()).containsExactly(3L, 5L, 6L);
        DecodedCapture c = DecodedCapture.of(p, DecoderOptions.defaults().withFragmentLimits(1024, 1 << 20,
                30_000_000_000L, 3));
        assertThat(c.ikeFrames()).containsExactly(3L, 5L);
        assertThat(c.decoderWarnings()).first().asString().isEqualTo("IP fragments from frame 1 never formed a whole"
                + " datagram: no further fragment arrived within 30 s / 3 frames");
    }

    @Test
    void datagramsOlderThanTheTimeTimeoutAreDropped() throws IOException {
        Path p = captureFixture("ip-fragments.pcap");
        long gap;
        try (var r = io.ikescope.capture.Captures.open(p)) {
            long first = r.next().epochNanos();
            gap = r.next().epochNanos() - first;
        }
        assertThat(gap).isPositive();
        DecodedCapture kept = DecodedCapture.of(p, DecoderOptions.defaults().withFragmentLimits(1024, 1 << 20,
                gap, 100_000));
        assertThat(kept.ikeFrames()).contains(2L);
        DecodedCapture dropped = DecodedCapture.of(p, DecoderOptions.defaults().withFragmentLimits(1024, 1 << 20,
                gap - 1, 100_000));
        assertThat(dropped.ikeFrames()).doesNotContain(2L);
        assertThat(dropped.counters().datagramsIncomplete()).isPositive();
    }

    @Test
    void overlappingFragmentsKeepTheBytesThatArrivedFirst() throws IOException {
        // Built by hand: no tool here makes overlapping fragments. The IKE message is the corpus's Main Mode #1.
        byte[] ike = DecodedCapture.of(publicCorpusOrSkip().resolve("suricata-verify/ikev1-isakmp-main-mode.pcap"))
                .ike().get(0).ike();
        byte[] udp = Packets.udp(500, 500, ike);
        int[] a = {192, 0, 2, 1};
        int[] b = {192, 0, 2, 2};
        byte[] first = Arrays.copyOfRange(udp, 0, 64);
        byte[] second = Arrays.copyOfRange(udp, 48, udp.length); // offset 48 overlaps bytes 48..63 of the first
        second[4] ^= 0x55; // the overlapping bytes differ
        byte[] frag1 = Packets.ethernet(0x0800, Packets.ipv4(a, b, 17, 77, 0x2000, first));
        byte[] frag2 = Packets.ethernet(0x0800, Packets.ipv4(a, b, 17, 77, 48 / 8, second));
        byte[] copy1 = Packets.ethernet(0x0800, Packets.ipv4(a, b, 17, 78, 0x2000, first));
        byte[] copy2 = Packets.ethernet(0x0800, Packets.ipv4(a, b, 17, 78, 48 / 8, Arrays.copyOfRange(udp, 48, udp.length)));
        Path p = write("overlap.pcap", CaptureRewriter.pcapOf(1, 1_700_000_000L, frag1, frag2, copy1, copy2));
        DecodedCapture c = DecodedCapture.of(p);
        assertThat(c.ikeFrames()).containsExactly(2L, 4L);
        assertThat(c.ike().get(0).ike()).isEqualTo(ike);  // first-arrived bytes kept
        assertThat(c.ike().get(1).ike()).isEqualTo(ike);  // identical overlap: nothing to report
        assertThat(c.counters().fragmentOverlapConflicts()).isEqualTo(1);
        assertThat(c.decoderWarnings()).containsExactly(
                "frame 2: overlapping IP fragments carry different bytes; the bytes that arrived first are kept");
        if (TestCaptures.hasTool("tshark")) {
            // tshark reassembles both too (and flags the first as an overlap conflict).
            assertThat(TsharkComparison.tsharkIke(p).keySet()).containsExactly(2L, 4L);
            assertThat(TestCaptures.tshark("-r", p.toString(), "-Y", "ip.fragment.overlap.conflict", "-T", "fields",
                    "-e", "frame.number")).containsExactly("2");
        }
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = temp.resolve(name);
        Files.write(p, bytes);
        return p;
    }
}
