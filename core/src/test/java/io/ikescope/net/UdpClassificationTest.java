package io.ikescope.net;

import io.ikescope.capture.CaptureRewriter;
import io.ikescope.capture.TestCaptures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static io.ikescope.testsupport.TestPaths.captureFixture;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which UDP payloads are IKE, NAT-T keepalives or ESP, on the edge cases of lengths and ports. The packets are
 * built by hand (no capture has them all) and tshark is asked about the very same file: both must pick the same
 * frames. Where ikescope deliberately differs, the case is kept apart and the difference is asserted.
 */
class UdpClassificationTest {
    @TempDir
    Path temp;

    private static final int[] A = {10, 0, 0, 1};
    private static final int[] B = {10, 0, 0, 2};

    private record Case(String what, byte[] frame, int captured, String expect) {
    }

    /** A 28-byte IKE header whose length field says {@code length}; message ID 0. */
    private static byte[] header(int length) {
        ByteBuffer b = ByteBuffer.allocate(28);
        for (int i = 0; i < 16; i++) {
            b.put((byte) i);
        }
        return b.put(new byte[] {0x21, 0x20, 0x22, 0x08}).putInt(0).putInt(length).array();
    }

    private static final byte[] MARKER = {0, 0, 0, 0};

    private static byte[] udpFrame(int sourcePort, int destinationPort, byte[] payload) {
        return Packets.ethernet(0x0800, Packets.ipv4(A, B, 17, 1, 0, Packets.udp(sourcePort, destinationPort, payload)));
    }

    private static Case udp(String what, int sp, int dp, byte[] payload, String expect) {
        return new Case(what, udpFrame(sp, dp, payload), Integer.MAX_VALUE, expect);
    }

    private static byte[] withIpTotalLength(byte[] frame, int totalLength) {
        byte[] f = frame.clone();
        f[16] = (byte) (totalLength >> 8);
        f[17] = (byte) totalLength;
        return f;
    }

    private static List<Case> cases() {
        byte[] ike = header(28);
        List<Case> c = new ArrayList<>();
        c.add(udp("empty on 500", 500, 500, new byte[0], "-"));
        c.add(udp("1 byte on 500", 500, 500, new byte[] {1}, "-"));
        c.add(udp("27 bytes on 500", 500, 500, new byte[27], "-"));
        c.add(udp("header length 0", 500, 500, header(0), "-"));
        c.add(udp("header length 28", 500, 500, ike, "ike"));
        c.add(udp("header length beyond the datagram", 500, 500, header(1000), "ike"));
        c.add(udp("header length 5", 500, 500, header(5), "-"));
        c.add(udp("2 bytes after the message", 500, 500, Packets.concat(ike, new byte[2]), "ike"));
        c.add(udp("empty on 4500", 4500, 4500, new byte[0], "-"));
        c.add(udp("NAT-T keepalive", 4500, 4500, new byte[] {(byte) 0xFF}, "-"));
        c.add(udp("one zero byte on 4500", 4500, 4500, new byte[] {0}, "-"));
        c.add(udp("three zero bytes on 4500", 4500, 4500, new byte[3], "-"));
        c.add(udp("marker only", 4500, 4500, MARKER, "-"));
        c.add(udp("marker and 10 bytes", 4500, 4500, Packets.concat(MARKER, new byte[10]), "-"));
        c.add(udp("marker and IKE", 4500, 4500, Packets.concat(MARKER, ike), "natt"));
        c.add(udp("three bytes on 4500", 4500, 4500, new byte[] {1, 2, 3}, "-"));
        c.add(udp("ESP SPI and sequence", 4500, 4500, new byte[] {1, 2, 3, 4, 0, 0, 0, 1}, "esp"));
        c.add(udp("two 0xff bytes", 4500, 4500, new byte[] {(byte) 0xFF, (byte) 0xFF}, "-"));
        c.add(udp("500 -> 4500 without marker: 500 is tried first", 500, 4500, ike, "ike"));
        c.add(udp("4500 -> 500 with marker: not IKE for 500, so NAT-T", 4500, 500, Packets.concat(MARKER, ike), "natt"));
        c.add(udp("4500 -> high port with marker", 4500, 12345, Packets.concat(MARKER, ike), "natt"));
        c.add(udp("1701 -> 4500 with marker", 1701, 4500, Packets.concat(MARKER, ike), "natt"));
        c.add(new Case("UDP length beyond the IP payload",
                Packets.ethernet(0x0800, Packets.ipv4(A, B, 17, 1, 0, Packets.udp(500, 500, ike, 1000))),
                Integer.MAX_VALUE, "ike"));
        c.add(new Case("UDP length 20 cuts the payload to 12",
                Packets.ethernet(0x0800, Packets.ipv4(A, B, 17, 1, 0, Packets.udp(500, 500, ike, 20))),
                Integer.MAX_VALUE, "-"));
        c.add(new Case("UDP length 4", Packets.ethernet(0x0800, Packets.ipv4(A, B, 17, 1, 0, Packets.udp(500, 500, ike, 4))),
                Integer.MAX_VALUE, "-"));
        c.add(new Case("UDP length 0", Packets.ethernet(0x0800, Packets.ipv4(A, B, 17, 1, 0, Packets.udp(500, 500, ike, 0))),
                Integer.MAX_VALUE, "-"));
        c.add(new Case("IP total length beyond the frame", withIpTotalLength(udpFrame(500, 500, ike), 200),
                Integer.MAX_VALUE, "ike"));
        c.add(new Case("IP total length cuts the message", withIpTotalLength(udpFrame(500, 500, ike), 48),
                Integer.MAX_VALUE, "-"));
        c.add(new Case("IP total length 0 (segmentation offload)", withIpTotalLength(udpFrame(500, 500, ike), 0),
                Integer.MAX_VALUE, "ike"));
        c.add(new Case("IP total length below the header", withIpTotalLength(udpFrame(500, 500, ike), 10),
                Integer.MAX_VALUE, "-"));
        byte[] badIhl = udpFrame(500, 500, ike);
        badIhl[14] = 0x44;
        c.add(new Case("IP header length 16", badIhl, Integer.MAX_VALUE, "-"));
        c.add(new Case("snaplen leaves 27 bytes of the header", udpFrame(500, 500, ike), 14 + 20 + 8 + 27, "-"));
        c.add(new Case("snaplen leaves the 28-byte header", udpFrame(500, 500, header(300)), 14 + 20 + 8 + 28, "ike"));
        c.add(new Case("snaplen leaves 20 bytes", udpFrame(500, 500, ike), 14 + 20 + 8 + 20, "-"));
        return c;
    }

    @Test
    void theSameFramesAsTshark() throws IOException {
        List<Case> cases = cases();
        byte[][] frames = cases.stream().map(Case::frame).toArray(byte[][]::new);
        int[] captured = cases.stream().mapToInt(Case::captured).toArray();
        Path p = Files.write(temp.resolve("udp-cases.pcap"), CaptureRewriter.pcapOfCut(1, 1_700_000_000L, captured, frames));
        DecodedCapture d = DecodedCapture.of(p);
        Set<Long> ike = new TreeSet<>();
        Set<Long> natt = new TreeSet<>();
        Set<Long> esp = new TreeSet<>();
        for (int i = 0; i < cases.size(); i++) {
            switch (cases.get(i).expect()) {
                case "ike" -> ike.add(i + 1L);
                case "natt" -> natt.add(i + 1L);
                case "esp" -> esp.add(i + 1L);
                default -> {
                }
            }
        }
        assertThat(d.ike().stream().filter(m -> m.transport() == Transport.UDP).map(IkeDatagram::frame))
                .as("plain IKE frames").containsExactlyElementsOf(ike);
        assertThat(d.ike().stream().filter(m -> m.transport() == Transport.UDP_NATT).map(IkeDatagram::frame))
                .as("NAT-T IKE frames").containsExactlyElementsOf(natt);
        assertThat(d.espFrames()).containsExactlyElementsOf(esp);
        assertThat(d.counters().natKeepalives()).isEqualTo(1);
        // A message cut by the snapshot length is handed on as captured: the codec sees the header claim 300.
        IkeDatagram cut = d.ike().stream().filter(m -> m.ike().length == 28 && m.ike()[27] == 44).findFirst().orElseThrow();
        assertThat(cut.ike()).hasSize(28);
        // The marker is removed.
        assertThat(d.ike().stream().filter(m -> m.transport() == Transport.UDP_NATT))
                .allSatisfy(m -> assertThat(m.ike()).isEqualTo(header(28)));
        if (TestCaptures.hasTool("tshark")) {
            assertThat(TsharkComparison.differences(p, DecoderOptions.defaults())).isEmpty();
        }
    }

    @Test
    void deliberateDifferencesFromTshark() throws IOException {
        byte[] ike = header(28);
        // 1: four bytes on 4500 are too short for ESP's SPI and sequence number; tshark shows a malformed ESP.
        // 2: UDP 53 -> 500: ikescope looks at port 500; tshark gives the lower, well-known port 53 to DNS.
        Path p = Files.write(temp.resolve("differences.pcap"), CaptureRewriter.pcapOf(1, 1_700_000_000L,
                udpFrame(4500, 4500, new byte[] {1, 2, 3, 4}), udpFrame(53, 500, ike)));
        DecodedCapture d = DecodedCapture.of(p);
        assertThat(d.esp()).isEmpty();
        assertThat(d.ikeFrames()).containsExactly(2L);
        if (TestCaptures.hasTool("tshark")) {
            assertThat(TsharkComparison.tsharkEsp(p)).containsOnlyKeys(1L);
            assertThat(TsharkComparison.tsharkIke(p)).isEmpty();
        }
    }

    @Test
    void extraPortsCarryIkeLikePort500() throws IOException {
        Path p = captureFixture("custom-port-dumpcap.pcapng");
        assertThat(DecodedCapture.of(p).ike()).isEmpty();
        DecodedCapture d = DecodedCapture.of(p, DecoderOptions.defaults().withExtraIkeUdpPorts(Set.of(5001)));
        assertThat(d.ikeFrames()).containsExactly(1L, 2L, 3L, 4L);
        assertThat(d.ike()).extracting(IkeDatagram::transport).containsOnly(Transport.UDP);
        assertThat(d.ike()).extracting(IkeDatagram::srcPort).containsOnly(5000);
        if (TestCaptures.hasTool("tshark")) {
            assertThat(TsharkComparison.differences(p, DecoderOptions.defaults().withExtraIkeUdpPorts(Set.of(5001)),
                    "-d", "udp.port==5001,isakmp")).isEmpty();
        }
    }

    @Test
    void anIcmpErrorQuotingAnIkeDatagramIsNotAnotherIkeMessage() throws IOException {
        // tshark dissects the IKE header quoted inside "port unreachable" as ISAKMP (frame 2); counting it would
        // make a retransmission out of an error report, so ikescope does not.
        Path p = captureFixture("icmp-unreachable.pcap");
        assertThat(DecodedCapture.of(p).ikeFrames()).containsExactly(1L);
        if (TestCaptures.hasTool("tshark")) {
            assertThat(TsharkComparison.tsharkIke(p)).containsOnlyKeys(1L, 2L);
            assertThat(TestCaptures.tshark("-r", p.toString(), "-Y", "frame.number==2", "-T", "fields",
                    "-e", "frame.protocols")).containsExactly("eth:ethertype:ip:icmp:ip:udp:isakmp");
        }
    }

    @Test
    void theIkeBytesBelongToTheRecordNotToTheReadersBuffer() throws IOException {
        // Arrays exactly as long as each message (the header lengths tshark shows for this file) cannot be the
        // reader's buffer (64 KiB for its first read, a MiB after): the records own copies that outlive the frame.
        DecodedCapture d = DecodedCapture.of(captureFixture("main-mode.pcapng"));
        assertThat(d.ike()).extracting(m -> m.ike().length).containsExactly(168, 108, 284, 304, 108, 76, 220, 220, 60);
        try (var r = io.ikescope.capture.Captures.open(captureFixture("main-mode.pcapng"))) {
            var f = r.next();
            assertThat(f.data().length).isGreaterThanOrEqualTo(64 << 10);
            assertThat(Arrays.copyOfRange(f.data(), f.offset() + 42, f.offset() + 42 + 168)).isEqualTo(d.ike().get(0).ike());
        }
    }
}
