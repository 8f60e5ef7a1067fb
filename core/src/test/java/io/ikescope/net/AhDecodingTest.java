package io.ikescope.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.capture.CaptureReader;
import io.ikescope.capture.CaptureRewriter;
import io.ikescope.capture.Captures;
import io.ikescope.testsupport.RecordingSink;
import io.ikescope.testsupport.TestPaths;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AH (IP protocol 51, RFC 4302) is handed on with its SPI and sequence number, as ESP is, and what it protects is
 * decoded on. The capture is the lab sample ikev2-psk-ok with its ESP replaced by AH (this kernel has no AH; see
 * core/src/test/resources/captures/README.md); the rest is built by hand, as {@link ExtensionHeadersTest} does.
 */
class AhDecodingTest {
    private static final int AH = 51;
    private static final int ESP = 50;
    private static final int ICMP = 1;
    private static final int HOP_BY_HOP = 0;

    @TempDir
    Path temp;

    private record Decoded(RecordingSink sink, DecoderCounters counters) {
    }

    private static Decoded decode(Path capture) throws IOException {
        RecordingSink sink = new RecordingSink();
        try (CaptureReader reader = Captures.open(capture)) {
            DecoderCounters counters = CaptureScan.run(reader, DecoderOptions.defaults(), sink);
            return new Decoded(sink, counters);
        }
    }

    @Test
    void theAhPacketsOfARealTunnelAreHandedOnWithTheirSpisAndSequenceNumbers() throws IOException {
        Decoded d = decode(TestPaths.captureFixtures().resolve("ikev2-psk-ok-ah.pcap"));
        assertThat(d.sink().ah).extracting(AhPacket::frame).containsExactly(5L, 6L, 7L, 8L, 9L, 10L, 19L, 20L, 21L, 22L);
        assertThat(d.sink().ah).extracting(p -> Long.toHexString(p.spi())).containsExactly("d1d0f8a3", "715c1889",
                "d1d0f8a3", "715c1889", "d1d0f8a3", "715c1889", "e9b345d3", "847fea5a", "e9b345d3", "847fea5a");
        assertThat(d.sink().ah).extracting(AhPacket::sequence).containsExactly(1L, 1L, 2L, 2L, 3L, 3L, 1L, 1L, 2L, 2L);
        assertThat(d.sink().ah.get(0)).satisfies(p -> {
            assertThat(p.src()).isEqualTo("198.51.100.1");
            assertThat(p.dst()).isEqualTo("198.51.100.2");
            assertThat(p.headerLength()).isEqualTo(28);
        });
        assertThat(d.counters().ahPackets()).isEqualTo(10);
        assertThat(d.counters().espPackets()).isZero();
        assertThat(d.counters().ikeMessages()).isEqualTo(14);
        assertThat(d.sink().warnings).isEmpty();
    }

    @Test
    void ahAfterIpv6ExtensionHeadersAndInFrontOfEspIsHandedOnAndSoIsWhatItProtects() throws Exception {
        byte[] esp = ByteBuffer.allocate(40).putInt(0x11223344).putInt(9).array();
        byte[] icmp = {8, 0, 0, 0, 0, 1, 0, 1};
        Path p = write("chains.pcap",
                ipv6(HOP_BY_HOP, Packets.concat(hopByHop(AH), ah(ESP, 0x0badcafe, 7), esp)),
                ipv4(Packets.concat(ah(ICMP, 0xfffffffeL, 0xffffffffL), icmp)));
        Decoded d = decode(p);
        assertThat(d.sink().ah).extracting(AhPacket::spi).containsExactly(0x0badcafeL, 0xfffffffeL);
        assertThat(d.sink().ah).extracting(AhPacket::sequence).containsExactly(7L, 0xffffffffL);
        assertThat(d.sink().ah.get(0).src()).isEqualTo("2001:db8::1");
        assertThat(d.sink().esp).singleElement().satisfies(e -> assertThat(e.spi()).isEqualTo(0x11223344L));
        assertThat(d.counters().ahPackets()).isEqualTo(2);
        assertThat(d.sink().warnings).isEmpty();
    }

    @Test
    void anAhHeaderCutShortOrShorterThanItsFixedFieldsIsSkippedWithAWarning() throws Exception {
        byte[] whole = ah(ICMP, 0x1234, 1);
        byte[] lengthZero = whole.clone();
        lengthZero[1] = 0; // (0 + 2) * 4 = 8 bytes: less than the 12 of next header, length, reserved, SPI, sequence
        Path p = write("bad.pcap", ipv4(java.util.Arrays.copyOf(whole, 11)), ipv4(lengthZero), ipv4(whole));
        Decoded d = decode(p);
        assertThat(d.sink().ah).extracting(AhPacket::frame).containsExactly(3L);
        assertThat(d.counters().malformed()).isEqualTo(2);
        assertThat(d.sink().warnings).anySatisfy(w -> assertThat(w).startsWith("frame 1: an AH header is cut short"))
                .anySatisfy(w -> assertThat(w).startsWith("frame 2: an AH payload length of 0 is shorter than its own"
                        + " fixed fields"));
    }

    private Path write(String name, byte[]... frames) throws IOException {
        return Files.write(temp.resolve(name), CaptureRewriter.pcapOf(1, 1_700_000_000L, frames));
    }

    /** AH with a 12-byte ICV: 24 bytes, payload length (24 / 4) - 2 = 4. */
    private static byte[] ah(int next, long spi, long sequence) {
        return ByteBuffer.allocate(24).put((byte) next).put((byte) 4).putShort((short) 0).putInt((int) spi)
                .putInt((int) sequence).put(new byte[12]).array();
    }

    private static byte[] hopByHop(int next) {
        return ByteBuffer.allocate(8).put((byte) next).put((byte) 0).put((byte) 1).put((byte) 4).array();
    }

    private static byte[] ipv4(byte[] payload) {
        return Packets.ethernet(0x0800, Packets.ipv4(new int[] {192, 0, 2, 1}, new int[] {192, 0, 2, 2}, AH, 1, 0,
                payload));
    }

    private static byte[] ipv6(int next, byte[] payload) throws Exception {
        ByteBuffer b = ByteBuffer.allocate(40 + payload.length);
        b.putInt(0x6000_0000).putShort((short) payload.length).put((byte) next).put((byte) 64)
                .put(InetAddress.getByName("2001:db8::1").getAddress())
                .put(InetAddress.getByName("2001:db8::2").getAddress()).put(payload);
        return Packets.ethernet(0x86DD, b.array());
    }
}
