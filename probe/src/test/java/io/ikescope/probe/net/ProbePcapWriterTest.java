package io.ikescope.probe.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.net.IkeDatagram;
import io.ikescope.probe.testsupport.SampleMessages;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the probe writes is read back by ikescope's own capture readers: addresses, ports, NAT-T, IPv6. */
class ProbePcapWriterTest {
    private static byte[] ike(int fill) {
        byte[] m = new byte[40];
        Arrays.fill(m, 0, 8, (byte) fill);
        m[17] = 0x20; // IKEv2
        m[18] = 34;
        m[27] = 40;
        return m;
    }

    @Test
    void ipv4AndIpv6AndNatTRoundTrip(@TempDir Path dir) throws Exception {
        InetSocketAddress a4 = new InetSocketAddress(InetAddress.getByName("198.51.100.1"), 41000);
        InetSocketAddress b4 = new InetSocketAddress(InetAddress.getByName("198.51.100.2"), 500);
        InetSocketAddress a6 = new InetSocketAddress(InetAddress.getByName("2001:db8::1"), 41001);
        InetSocketAddress b6 = new InetSocketAddress(InetAddress.getByName("2001:db8::2"), 4500);
        byte[] natT = new byte[44];
        System.arraycopy(ike(3), 0, natT, 4, 40);
        Path pcap = dir.resolve("p.pcap");
        try (ProbePcapWriter w = new ProbePcapWriter(pcap)) {
            w.record(new Datagram(0, 1_000_000, true, a4, b4, ike(1), ike(1)));
            w.record(new Datagram(0, 2_000_000, false, b4, a4, ike(2), ike(2)));
            w.record(new Datagram(0, 3_000_000, true, a6, b6, natT, ike(3)));
        }
        List<IkeDatagram> read = SampleMessages.read(pcap);
        assertThat(read).hasSize(3);
        assertThat(read.get(0).src()).isEqualTo("198.51.100.1");
        assertThat(read.get(0).dstPort()).isEqualTo(500);
        assertThat(read.get(0).ike()).isEqualTo(ike(1));
        assertThat(read.get(1).src()).isEqualTo("198.51.100.2");
        assertThat(read.get(1).epochNanos()).isEqualTo(2_000_000_000L);
        assertThat(read.get(2).src()).isEqualTo("2001:db8::1");
        assertThat(read.get(2).dstPort()).isEqualTo(4500);
        assertThat(read.get(2).ike()).as("NAT-T marker removed by the reader").isEqualTo(ike(3));
    }
}
