package io.ikescope.net;

import static io.ikescope.testsupport.TestPaths.captureFixture;
import static io.ikescope.testsupport.TestPaths.sample;
import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.capture.CaptureReader;
import io.ikescope.capture.Captures;
import io.ikescope.capture.Frame;
import io.ikescope.capture.TestCaptures;
import io.ikescope.testsupport.RecordingSink;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ICMP destination unreachables quoting IKE datagrams, from real kernels: the fixture's and the lab's IPv4 port
 * unreachable, the lab's ICMPv6 port unreachable, and a router's administratively-filtered reject. Checked against
 * tshark's dissection of the same frames where tshark is installed.
 */
class IcmpUnreachableDecodingTest {
    /** Ethernet, IPv4 without options, ICMP header, quoted IPv4 header: where the quoted UDP header starts. */
    private static final int QUOTED_UDP = 14 + 20 + 8 + 20;

    private record Found(List<IkeDatagram> ike, List<IcmpUnreachable> icmp, DecoderCounters counters) {
    }

    private static Found decode(List<Frame> frames) {
        RecordingSink found = new RecordingSink();
        PacketDecoder decoder = new PacketDecoder(found, DecoderOptions.defaults());
        frames.forEach(decoder::accept);
        decoder.finish();
        return new Found(found.ike, found.icmp, decoder.counters());
    }

    /** Every frame of a capture, each with its own copy of the bytes. */
    private static List<Frame> frames(Path capture) throws IOException {
        List<Frame> out = new ArrayList<>();
        try (CaptureReader r = Captures.open(capture)) {
            Frame f;
            while ((f = r.next()) != null) {
                byte[] copy = Arrays.copyOfRange(f.data(), f.offset(), f.offset() + f.capturedLength());
                out.add(new Frame(f.number(), f.epochNanos(), f.linkType(), copy, 0, copy.length, f.originalLength(),
                        f.fileOffset()));
            }
        }
        return out;
    }

    private static String spiI(IkeDatagram d) {
        return HexFormat.of().formatHex(d.ike(), 0, 8);
    }

    @Test
    void anIpv4PortUnreachableNamesItsSenderAndTheRequestItQuotes() throws IOException {
        Path p = captureFixture("icmp-unreachable.pcap");
        Found found = decode(frames(p));
        assertThat(found.ike()).hasSize(1);
        IkeDatagram request = found.ike().get(0);
        assertThat(found.icmp()).hasSize(1);
        IcmpUnreachable e = found.icmp().get(0);
        assertThat(e.frame()).isEqualTo(2);
        assertThat(e.sender()).isEqualTo(request.dst());
        assertThat(List.of(e.ipVersion(), e.type(), e.code())).containsExactly(4, 3, 3);
        assertThat(e.portUnreachable()).isTrue();
        assertThat(e.administrativelyProhibited()).isFalse();
        assertThat(e.meaning()).isEqualTo("port unreachable");
        assertThat(List.of(e.quotedSrc(), e.quotedSrcPort(), e.quotedDst(), e.quotedDstPort()))
                .containsExactly(request.src(), request.srcPort(), request.dst(), request.dstPort());
        assertThat(e.spiI()).isEqualTo(spiI(request));
        assertThat(e.ikeVersion()).isEqualTo(1);
        if (TestCaptures.hasTool("tshark")) {
            // tshark: the outer source, the ICMP type and code, and the SPIs of the ISAKMP header inside the quote.
            assertThat(TestCaptures.tshark("-r", p.toString(), "-Y", "icmp", "-T", "fields", "-E", "occurrence=f",
                    "-e", "frame.number", "-e", "ip.src", "-e", "icmp.type", "-e", "icmp.code", "-e", "isakmp.ispi",
                    "-e", "isakmp.rspi"))
                    .containsExactly(String.join("\t", String.valueOf(e.frame()), e.sender(), String.valueOf(e.type()),
                            String.valueOf(e.code()), e.spiI(), e.spiR()));
        }
    }

    @Test
    void anIcmpv6PortUnreachableFromTheLabsKernel() throws IOException {
        Path p = sample("ikev2-port-unreachable.pcap");
        Found found = decode(frames(p));
        assertThat(found.ike()).extracting(IkeDatagram::frame).containsExactly(1L, 3L, 5L);
        assertThat(found.icmp()).extracting(IcmpUnreachable::frame).containsExactly(2L, 4L, 6L);
        IkeDatagram request = found.ike().get(0);
        for (IcmpUnreachable e : found.icmp()) {
            assertThat(List.of(e.ipVersion(), e.type(), e.code())).containsExactly(6, 1, 4);
            assertThat(e.portUnreachable()).isTrue();
            assertThat(e.sender()).isEqualTo(request.dst()).isEqualTo("2001:db8::2");
            assertThat(List.of(e.quotedSrc(), e.quotedSrcPort(), e.quotedDst(), e.quotedDstPort()))
                    .containsExactly(request.src(), 500, request.dst(), 500);
            assertThat(e.spiI()).isEqualTo(spiI(request));
            assertThat(e.spiR()).isEqualTo("0000000000000000");
            assertThat(e.ikeVersion()).isEqualTo(2);
        }
        if (TestCaptures.hasTool("tshark")) {
            List<String> ours = found.icmp().stream().map(e -> String.join("\t", String.valueOf(e.frame()),
                    e.sender(), String.valueOf(e.type()), String.valueOf(e.code()), e.spiI())).toList();
            assertThat(TestCaptures.tshark("-r", p.toString(), "-Y", "icmpv6", "-T", "fields", "-E", "occurrence=f",
                    "-e", "frame.number", "-e", "ipv6.src", "-e", "icmpv6.type", "-e", "icmpv6.code",
                    "-e", "isakmp.ispi")).isEqualTo(ours);
        }
    }

    @Test
    void aRoutersAdministrativelyFilteredRejectComesFromTheRouter() throws IOException {
        Path p = sample("ikev1-admin-prohibited.pcap");
        Found found = decode(frames(p));
        assertThat(found.icmp()).extracting(IcmpUnreachable::frame).containsExactly(2L, 4L, 6L);
        assertThat(found.counters().icmpUnreachable()).isEqualTo(3);
        IkeDatagram request = found.ike().get(0);
        for (IcmpUnreachable e : found.icmp()) {
            assertThat(e.sender()).isEqualTo("198.51.100.34").isNotEqualTo(request.dst());
            assertThat(List.of(e.ipVersion(), e.type(), e.code())).containsExactly(4, 3, 13);
            assertThat(e.administrativelyProhibited()).isTrue();
            assertThat(e.portUnreachable()).isFalse();
            assertThat(e.meaning()).isEqualTo("communication administratively filtered");
            assertThat(e.quotedDst()).isEqualTo(request.dst());
            assertThat(e.spiI()).isEqualTo(spiI(request));
        }
    }

    @Test
    void aQuoteCutBeforeTheIkeHeaderStillNamesAddressesAndPorts() throws IOException {
        // The fixture's ICMP frame cut (as a snapshot length would) to RFC 792's minimum: the quoted IP header and
        // the 8 bytes of the UDP header, no IKE header.
        List<Frame> frames = frames(captureFixture("icmp-unreachable.pcap"));
        Frame icmp = frames.get(1);
        Frame cut = new Frame(icmp.number(), icmp.epochNanos(), icmp.linkType(), icmp.data(), 0, QUOTED_UDP + 8,
                icmp.originalLength(), icmp.fileOffset());
        Found found = decode(List.of(frames.get(0), cut));
        assertThat(found.icmp()).hasSize(1);
        IcmpUnreachable e = found.icmp().get(0);
        assertThat(e.quotedDstPort()).isEqualTo(500);
        assertThat(e.spiI()).isNull();
        assertThat(e.spiR()).isNull();
        assertThat(e.ikeVersion()).isZero();
        // One byte short of the UDP header: nothing tells it is IKE, so nothing is reported.
        Frame shorter = new Frame(icmp.number(), icmp.epochNanos(), icmp.linkType(), icmp.data(), 0, QUOTED_UDP + 7,
                icmp.originalLength(), icmp.fileOffset());
        Found none = decode(List.of(shorter));
        assertThat(none.icmp()).isEmpty();
        assertThat(none.counters().icmpUnreachable()).isZero();
    }

    @Test
    void quotesOfOtherTrafficAndOtherIcmpMessagesAreIgnored() throws IOException {
        Frame icmp = frames(captureFixture("icmp-unreachable.pcap")).get(1);
        // The quoted datagram went to UDP 53 instead of 500.
        byte[] dns = icmp.data().clone();
        dns[QUOTED_UDP] = 0;
        dns[QUOTED_UDP + 1] = 53;
        dns[QUOTED_UDP + 2] = 0;
        dns[QUOTED_UDP + 3] = 53;
        // UDP 4500 carrying ESP: the first word after the UDP header is an SPI, not the zero non-ESP marker.
        byte[] esp = icmp.data().clone();
        esp[QUOTED_UDP] = 0x11;
        esp[QUOTED_UDP + 1] = (byte) 0x94;
        esp[QUOTED_UDP + 2] = 0x11;
        esp[QUOTED_UDP + 3] = (byte) 0x94;
        // A time exceeded (type 11) quoting the same IKE datagram is not a refusal.
        byte[] timeExceeded = icmp.data().clone();
        timeExceeded[34] = 11;
        timeExceeded[35] = 0;
        for (byte[] b : List.of(dns, esp, timeExceeded)) {
            Frame f = new Frame(2, icmp.epochNanos(), icmp.linkType(), b, 0, b.length, b.length, 0);
            assertThat(decode(List.of(f)).icmp()).isEmpty();
        }
        // The same frame unmodified is reported, so each change above is what made the difference.
        assertThat(decode(List.of(icmp)).icmp()).hasSize(1);
    }
}
