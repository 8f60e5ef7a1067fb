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

import static org.assertj.core.api.Assertions.assertThat;

/** Addresses are written as tshark writes them. */
class AddressTextTest {
    @TempDir
    Path temp;

    private static final List<String> IPV6 = List.of("::ffff:1.2.3.4", "::1.2.3.4", "2001:db8:0:0:1:0:0:1",
            "2001:0:0:1:0:0:0:1", "FE80::1", "::", "::1", "1::", "2001:db8::ffff:1.2.3.4", "64:ff9b::1.2.3.4",
            "::ffff:0:1.2.3.4", "0:0:0:0:0:1:0:0", "1:0:1:0:1:0:1:0", "2001:db8:0:0:0:0:2:1", "2001:db8::a:0:0:1",
            "0:0:0:1::", "::0.0.0.1", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");

    /** The address bytes; Java turns IPv4-mapped IPv6 into IPv4, so those are mapped back to 16 bytes. */
    private static byte[] bytes(String address) throws Exception {
        byte[] b = InetAddress.getByName(address).getAddress();
        if (b.length == 4 && address.contains(":")) {
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xFF;
            mapped[11] = (byte) 0xFF;
            System.arraycopy(b, 0, mapped, 12, 4);
            return mapped;
        }
        return b;
    }

    private static String text(String address) throws Exception {
        byte[] b = bytes(address);
        return b.length == 4 ? AddressText.ipv4(b, 0) : AddressText.ipv6(b, 0);
    }

    @Test
    void rfc5952Forms() throws Exception {
        assertThat(text("2001:db8:0:0:1:0:0:1")).isEqualTo("2001:db8::1:0:0:1"); // first of two equal runs
        assertThat(text("2001:db8:0:0:0:0:2:1")).isEqualTo("2001:db8::2:1");
        assertThat(text("2001:db8:0:1:1:1:1:1")).isEqualTo("2001:db8:0:1:1:1:1:1"); // a single 0 stays
        assertThat(text("FE80::ABCD")).isEqualTo("fe80::abcd");
        assertThat(text("::")).isEqualTo("::");
        assertThat(text("::ffff:192.0.2.1")).isEqualTo("::ffff:192.0.2.1");
        assertThat(text("198.51.100.255")).isEqualTo("198.51.100.255");
        assertThat(text("0.0.0.0")).isEqualTo("0.0.0.0");
    }

    @Test
    void ipv6AsTsharkWritesIt() throws Exception {
        TestCaptures.assumeTshark();
        // IPv6 packets with these sources carrying a UDP 500 IKE header; tshark prints ipv6.src.
        byte[][] frames = new byte[IPV6.size()][];
        for (int i = 0; i < IPV6.size(); i++) {
            byte[] udp = Packets.udp(500, 500, ByteBuffer.allocate(28).putLong(1).putInt(24, 28).array());
            ByteBuffer ip = ByteBuffer.allocate(40 + udp.length);
            ip.putInt(0x6000_0000).putShort((short) udp.length).put((byte) 17).put((byte) 64)
                    .put(bytes(IPV6.get(i)))
                    .put(InetAddress.getByName("2001:db8::1").getAddress()).put(udp);
            frames[i] = Packets.ethernet(0x86DD, ip.array());
        }
        Path p = Files.write(temp.resolve("v6.pcap"), CaptureRewriter.pcapOf(1, 1_700_000_000L, frames));
        List<String> tshark = TestCaptures.tshark("-r", p.toString(), "-T", "fields", "-e", "ipv6.src");
        List<String> ours = DecodedCapture.of(p).ike().stream().map(IkeDatagram::src).toList();
        assertThat(ours).hasSize(IPV6.size()).isEqualTo(tshark);
    }
}
