package io.ikescope.net;

import io.ikescope.capture.CaptureRewriter;
import io.ikescope.capture.TestCaptures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.ikescope.testsupport.TestPaths.publicCorpusOrSkip;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * IPv6 extension-header chains and AH in front of UDP and ESP. Built by hand around a real IKE message (no
 * capture at hand has these chains); tshark reads the same file and must find the same messages.
 */
class ExtensionHeadersTest {
    @TempDir
    Path temp;

    private static final int HOP_BY_HOP = 0;
    private static final int ROUTING = 43;
    private static final int FRAGMENT = 44;
    private static final int ESP = 50;
    private static final int AH = 51;
    private static final int NO_NEXT = 59;
    private static final int DEST_OPTS = 60;
    private static final int UDP = 17;

    /** An extension header of {@code length} bytes (a multiple of 8) with PadN filling. */
    private static byte[] options(int next, int length) {
        ByteBuffer b = ByteBuffer.allocate(length);
        b.put((byte) next).put((byte) (length / 8 - 1)).put((byte) 1).put((byte) (length - 4));
        return b.array();
    }

    private static byte[] routing(int next) {
        // Type 2 routing header (Mobile IPv6): 24 bytes, segments left 1, one address.
        ByteBuffer b = ByteBuffer.allocate(24);
        b.put((byte) next).put((byte) 2).put((byte) 2).put((byte) 1).putInt(0);
        b.put(new byte[] {0x20, 0x01, 0x0d, (byte) 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9});
        return b.array();
    }

    private static byte[] atomicFragment(int next) {
        return ByteBuffer.allocate(8).put((byte) next).put((byte) 0).putShort((short) 0).putInt(0x1234).array();
    }

    private static byte[] ah(int next) {
        // AH with a 12-byte ICV: 24 bytes in all; its length field counts 32-bit words minus 2, so 4.
        ByteBuffer b = ByteBuffer.allocate(24);
        b.put((byte) next).put((byte) 4).putShort((short) 0).putInt(0x0badcafe).putInt(7).put(new byte[12]);
        return b.array();
    }

    private static byte[] ipv6(int next, byte[] payload) throws Exception {
        ByteBuffer b = ByteBuffer.allocate(40 + payload.length);
        b.putInt(0x6000_0000).putShort((short) payload.length).put((byte) next).put((byte) 64)
                .put(InetAddress.getByName("2001:db8::1").getAddress())
                .put(InetAddress.getByName("2001:db8::2").getAddress()).put(payload);
        return Packets.ethernet(0x86DD, b.array());
    }

    @Test
    void chainsOfExtensionHeaders() throws Exception {
        byte[] ike = DecodedCapture.of(publicCorpusOrSkip().resolve("suricata-verify/ikev1-isakmp-main-mode.pcap"))
                .ike().get(0).ike();
        byte[] udp = Packets.udp(500, 500, ike);
        byte[] esp = ByteBuffer.allocate(40).putInt(0x11223344).putInt(9).array();
        List<byte[]> frames = List.of(
                ipv6(HOP_BY_HOP, Packets.concat(options(UDP, 8), udp)),
                ipv6(HOP_BY_HOP, Packets.concat(options(DEST_OPTS, 8), options(ROUTING, 16), routing(DEST_OPTS),
                        options(UDP, 8), udp)),
                ipv6(DEST_OPTS, Packets.concat(options(FRAGMENT, 8), atomicFragment(UDP), udp)),
                ipv6(AH, Packets.concat(ah(UDP), udp)),
                ipv6(HOP_BY_HOP, Packets.concat(options(ESP, 8), esp)),
                ipv6(AH, Packets.concat(ah(ESP), esp)),
                ipv6(HOP_BY_HOP, Packets.concat(options(NO_NEXT, 8), udp)),
                Packets.ethernet(0x0800, Packets.ipv4(new int[] {192, 0, 2, 1}, new int[] {192, 0, 2, 2}, AH, 1, 0,
                        Packets.concat(ah(UDP), udp))));
        Path p = Files.write(temp.resolve("chains.pcap"),
                CaptureRewriter.pcapOf(1, 1_700_000_000L, frames.toArray(byte[][]::new)));
        DecodedCapture d = DecodedCapture.of(p);
        assertThat(d.ikeFrames()).containsExactly(1L, 2L, 3L, 4L, 8L);
        assertThat(d.ike()).allSatisfy(m -> assertThat(m.ike()).isEqualTo(ike));
        assertThat(d.espFrames()).containsExactly(5L, 6L);
        assertThat(d.esp()).allSatisfy(e -> {
            assertThat(e.spi()).isEqualTo(0x11223344L);
            assertThat(e.sequence()).isEqualTo(9);
            assertThat(e.length()).isEqualTo(40);
            assertThat(e.udpEncapsulated()).isFalse();
            assertThat(e.srcPort()).isZero();
        });
        assertThat(d.decoderWarnings()).isEmpty();
        if (TestCaptures.hasTool("tshark")) {
            assertThat(TsharkComparison.differences(p, DecoderOptions.defaults())).isEmpty();
        }
    }
}
