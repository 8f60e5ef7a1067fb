package io.ikescope.probe.net;

import io.ikescope.probe.wire.WireWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes what a probe sent and received as a classic pcap file of raw IP packets (LINKTYPE_RAW), so that
 * {@code ikescope dissect}, tshark and Wireshark read it. The IP and UDP headers are rebuilt from the socket's
 * addresses (a user-space prober never sees the real ones): TTL 64, no options, checksums computed.
 */
public final class ProbePcapWriter implements DatagramLog, AutoCloseable {
    private static final long PCAP_MAGIC_MICROS = 0xa1b2c3d4L;
    private static final int LINKTYPE_RAW = 101;
    private static final int SNAPLEN = 65535;
    private static final int IPV4_HEADER = 20;
    private static final int IPV6_HEADER = 40;
    private static final int UDP_HEADER = 8;
    private static final int PROTOCOL_UDP = 17;
    private static final int TTL = 64;

    private final OutputStream out;

    public ProbePcapWriter(Path file) throws IOException {
        this.out = new BufferedOutputStream(Files.newOutputStream(file));
        WireWriter h = new WireWriter();
        h.u32(PCAP_MAGIC_MICROS).u16(2).u16(4).u32(0).u32(0).u32(SNAPLEN).u32(LINKTYPE_RAW);
        out.write(h.toArray());
    }

    @Override
    public synchronized void record(Datagram d) throws IOException {
        byte[] packet = packet(d.source(), d.destination(), d.payload());
        WireWriter r = new WireWriter();
        r.u32(d.epochMicros() / 1_000_000).u32(d.epochMicros() % 1_000_000).u32(packet.length).u32(packet.length);
        out.write(r.toArray());
        out.write(packet);
    }

    /** An IPv4 or IPv6 packet holding one UDP datagram. */
    static byte[] packet(InetSocketAddress source, InetSocketAddress destination, byte[] payload) {
        byte[] src = source.getAddress().getAddress();
        byte[] dst = destination.getAddress().getAddress();
        int udpLength = UDP_HEADER + payload.length;
        WireWriter w = new WireWriter();
        boolean v4 = source.getAddress() instanceof Inet4Address;
        if (v4) {
            w.u8(0x45).u8(0).u16(IPV4_HEADER + udpLength).u16(0).u16(0x4000).u8(TTL).u8(PROTOCOL_UDP).u16(0);
            w.bytes(src).bytes(dst);
        } else {
            w.u32(0x60000000L).u16(udpLength).u8(PROTOCOL_UDP).u8(TTL).bytes(src).bytes(dst);
        }
        int udpAt = w.size();
        w.u16(source.getPort()).u16(destination.getPort()).u16(udpLength).u16(0).bytes(payload);
        byte[] packet = w.toArray();
        if (v4) {
            int sum = onesComplement(packet, 0, IPV4_HEADER, 0);
            w.putU16(10, ~sum & 0xffff);
        }
        // UDP checksum over the pseudo-header (mandatory for IPv6, computed for IPv4 too)
        long pseudo = sum16(src) + sum16(dst) + PROTOCOL_UDP + udpLength;
        int udpSum = ~onesComplement(packet, udpAt, udpLength, pseudo) & 0xffff;
        w.putU16(udpAt + 6, udpSum == 0 ? 0xffff : udpSum);
        return w.toArray();
    }

    private static long sum16(byte[] b) {
        long s = 0;
        for (int i = 0; i + 1 < b.length; i += 2) {
            s += ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
        }
        return s;
    }

    private static int onesComplement(byte[] b, int from, int length, long initial) {
        long s = initial;
        for (int i = 0; i < length; i += 2) {
            int hi = b[from + i] & 0xff;
            int lo = i + 1 < length ? b[from + i + 1] & 0xff : 0;
            s += (hi << 8) | lo;
        }
        while ((s >>> 16) != 0) {
            s = (s & 0xffff) + (s >>> 16);
        }
        return (int) s;
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
