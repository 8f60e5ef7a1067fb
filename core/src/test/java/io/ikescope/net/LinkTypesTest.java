package io.ikescope.net;

import io.ikescope.capture.CaptureRewriter;
import io.ikescope.capture.TestCaptures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.ikescope.testsupport.TestPaths.captureFixture;
import static io.ikescope.testsupport.TestPaths.publicCorpusOrSkip;
import static org.assertj.core.api.Assertions.assertThat;

/** Every link layer the decoder reads yields the IKE messages tshark finds, byte for byte the same. */
class LinkTypesTest {
    @TempDir
    Path temp;

    private static List<String> messages(DecodedCapture c) {
        return c.ike().stream().map(d -> java.util.HexFormat.of().formatHex(d.ike())).toList();
    }

    private static void assertAgreesWithTshark(Path p) throws IOException {
        if (TestCaptures.hasTool("tshark")) {
            assertThat(TsharkComparison.differences(p, DecoderOptions.defaults())).isEmpty();
        }
    }

    @Test
    void capturedLinkTypes() throws IOException {
        record Case(String file, int linkType, int ikeMessages, int espPackets) {
        }
        for (Case c : List.of(
                new Case("linux-sll.pcap", 113, 1, 0),
                new Case("linux-sll2.pcap", 276, 1, 0),
                new Case("vlan-qinq.pcap", 1, 3, 0),
                new Case("main-mode-rawip.pcap", 101, 9, 0),
                new Case("main-mode-rawip4.pcap", 228, 9, 0),
                new Case("ikev2-ipv6-rawip6.pcap", 229, 7, 5))) {
            Path p = captureFixture(c.file());
            DecodedCapture d = DecodedCapture.of(p);
            assertThat(d.ike()).as(c.file()).hasSize(c.ikeMessages());
            assertThat(d.esp()).as(c.file()).hasSize(c.espPackets());
            assertThat(d.decoderWarnings()).as(c.file()).isEmpty();
            assertThat(firstLinkType(p)).isEqualTo(c.linkType());
            assertAgreesWithTshark(p);
        }
    }

    @Test
    void theVlanFramesCarryTheSameMessageAsTheLoopbackCapture() throws IOException {
        List<String> sll = messages(DecodedCapture.of(captureFixture("linux-sll.pcap")));
        DecodedCapture vlan = DecodedCapture.of(captureFixture("vlan-qinq.pcap"));
        assertThat(messages(vlan)).containsOnly(sll.get(0));
        assertThat(vlan.ike()).extracting(IkeDatagram::src).containsExactly("198.51.100.1", "198.51.101.1", "198.51.102.1");
    }

    @Test
    void rawIpAndItsDltAliasesGiveTheEthernetCapturesMessages() throws IOException {
        Path ethernet = publicCorpusOrSkip().resolve("suricata-verify/ikev1-isakmp-main-mode.pcap");
        List<String> reference = messages(DecodedCapture.of(ethernet));
        assertThat(reference).hasSize(9);
        byte[] raw = Files.readAllBytes(captureFixture("main-mode-rawip.pcap"));
        for (int linkType : new int[] {101, 12, 14, 228}) {
            Path p = write("raw-" + linkType + ".pcap", CaptureRewriter.relinkPcap(raw, linkType, 0, packet -> new byte[0]));
            assertThat(messages(DecodedCapture.of(p))).as("link type " + linkType).isEqualTo(reference);
            assertAgreesWithTshark(p);
        }
    }

    @Test
    void bsdLoopbackInEitherByteOrderAndOpenBsdLoop() throws IOException {
        byte[] v4 = Files.readAllBytes(captureFixture("main-mode-rawip.pcap"));
        byte[] v6 = Files.readAllBytes(captureFixture("ikev2-ipv6-rawip6.pcap"));
        List<String> v4Messages = messages(DecodedCapture.of(captureFixture("main-mode-rawip.pcap")));
        List<String> v6Messages = messages(DecodedCapture.of(captureFixture("ikev2-ipv6-rawip6.pcap")));
        for (int linkType : new int[] {0, 108}) {
            for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
                Path p4 = write("loop-" + linkType + "-" + order + "-2.pcap",
                        CaptureRewriter.relinkPcap(v4, linkType, 0, packet -> family(2, order)));
                assertThat(messages(DecodedCapture.of(p4))).as(p4.toString()).isEqualTo(v4Messages);
                // tshark reads LOOP (108) only in network byte order, NULL (0) in both.
                if (linkType == 0 || order == ByteOrder.BIG_ENDIAN) {
                    assertAgreesWithTshark(p4);
                }
                for (int af6 : new int[] {24, 28, 30}) {
                    Path p6 = write("loop-" + linkType + "-" + order + "-" + af6 + ".pcap",
                            CaptureRewriter.relinkPcap(v6, linkType, 0, packet -> family(af6, order)));
                    DecodedCapture d = DecodedCapture.of(p6);
                    assertThat(messages(d)).as(p6.toString()).isEqualTo(v6Messages);
                    assertThat(d.esp()).hasSize(5);
                    if (linkType == 0 || order == ByteOrder.BIG_ENDIAN) {
                        assertAgreesWithTshark(p6);
                    }
                }
            }
        }
        // The corpus's Openswan captures are BSD NULL with a little-endian AF_INET.
        Path openswan = publicCorpusOrSkip().resolve("openswan/libpluto__lp13-parentI3__parentR2.pcap");
        assertThat(firstLinkType(openswan)).isZero();
        assertThat(DecodedCapture.of(openswan).ike()).hasSize(1);
    }

    @Test
    void anUnknownLinkTypeIsAWarningOnceNotAnError() throws IOException {
        byte[] raw = Files.readAllBytes(captureFixture("main-mode-rawip.pcap"));
        Path p = write("user0.pcap", CaptureRewriter.relinkPcap(raw, 147, 0, packet -> new byte[0]));
        DecodedCapture d = DecodedCapture.of(p);
        assertThat(d.ike()).isEmpty();
        assertThat(d.decoderWarnings()).containsExactly("frame 1: link type 147 is not supported; its frames are skipped");
        assertThat(d.counters().unknownLinkType()).isEqualTo(9);
        assertThat(d.counters().frames()).isEqualTo(9);
    }

    private static byte[] family(int af, ByteOrder order) {
        return ByteBuffer.allocate(4).order(order).putInt(af).array();
    }

    private static int firstLinkType(Path p) throws IOException {
        try (var r = io.ikescope.capture.Captures.open(p)) {
            return r.next().linkType();
        }
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = temp.resolve(name);
        Files.write(p, bytes);
        return p;
    }
}
