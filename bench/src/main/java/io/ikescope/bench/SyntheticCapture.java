package io.ikescope.bench;

import io.ikescope.capture.CaptureReader;
import io.ikescope.capture.Captures;
import io.ikescope.capture.Frame;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a large pcap of ordinary traffic (TCP bulk data and ACKs, small UDP) with real IKE frames spliced
 * in at a given rate, for benchmarks. Usage:
 * {@code SyntheticCapture OUT.pcap SIZE_MB IKE_SOURCE.pcap[,MORE.pcap] [IKE_PER_THOUSAND]}.
 * The background is synthetic on purpose: it only has to look like a busy link to the reader; the IKE part
 * is copied from real captures (Ethernet link type), byte for byte except the IKE SPIs: each pass over the
 * sources xors its pass number into them, so every pass makes new negotiations (see {@link IkeSpiRewriter}).
 */
public final class SyntheticCapture {
    private static final int ETHERNET = 1;

    private SyntheticCapture() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: SyntheticCapture OUT.pcap SIZE_MB IKE_SOURCE.pcap[,MORE.pcap] [IKE_PER_THOUSAND]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        long targetBytes = Long.parseLong(args[1]) * 1_000_000L;
        List<byte[]> ike = new ArrayList<>();
        for (String source : args[2].split(",")) {
            ike.addAll(ethernetFrames(Path.of(source)));
        }
        double ikeRate = args.length > 3 ? Double.parseDouble(args[3]) / 1000.0 : 0.001;
        long[] counts = write(out, targetBytes, ike, ikeRate, 42);
        System.err.printf("wrote %s: %d packets, %d IKE, %d bytes%n", out, counts[0], counts[1], Files.size(out));
    }

    static List<byte[]> ethernetFrames(Path source) throws IOException {
        List<byte[]> frames = new ArrayList<>();
        try (CaptureReader reader = Captures.open(source)) {
            for (Frame f = reader.next(); f != null; f = reader.next()) {
                if (f.linkType() != ETHERNET) {
                    throw new IOException(source + ": frame " + f.number() + " is not Ethernet (link type " + f.linkType() + ")");
                }
                frames.add(Arrays.copyOfRange(f.data(), f.offset(), f.offset() + f.capturedLength()));
            }
        }
        if (frames.isEmpty()) {
            throw new IOException(source + ": no frames to splice");
        }
        return frames;
    }

    /**
     * Returns {packets, ikePackets}. IKE frames are spliced in order, cycling, so whole exchanges stay together;
     * pass n over them rewrites their SPIs with n, so the passes are distinct negotiations.
     */
    static long[] write(Path out, long targetBytes, List<byte[]> ike, double ikeRate, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] packet = new byte[1600];
        byte[] record = new byte[16];
        long written = 24;
        long packets = 0;
        long ikePackets = 0;
        int nextIke = 0;
        long pass = 0;
        byte[] rewritten = new byte[65536 + 64];
        long timeMicros = 1_764_201_600_000_000L;
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
            os.write(globalHeader());
            while (written < targetBytes) {
                byte[] data;
                int length;
                if (random.nextDouble() < ikeRate) {
                    byte[] original = ike.get(nextIke);
                    length = original.length;
                    System.arraycopy(original, 0, rewritten, 0, length);
                    IkeSpiRewriter.rewrite(rewritten, length, pass);
                    data = rewritten;
                    nextIke++;
                    if (nextIke == ike.size()) {
                        nextIke = 0;
                        pass++;
                    }
                    ikePackets++;
                } else {
                    data = packet;
                    length = background(random, packet);
                }
                timeMicros += 1 + random.nextInt(200);
                putLe32(record, 0, (int) (timeMicros / 1_000_000L));
                putLe32(record, 4, (int) (timeMicros % 1_000_000L));
                putLe32(record, 8, length);
                putLe32(record, 12, length);
                os.write(record);
                os.write(data, 0, length);
                written += 16 + length;
                packets++;
            }
        }
        return new long[] {packets, ikePackets};
    }

    /** One background packet: 60% TCP bulk data, 25% TCP ACK, 15% small UDP. Returns its length. */
    private static int background(SplittableRandom random, byte[] p) {
        double kind = random.nextDouble();
        int flow = random.nextInt(4096);
        boolean tcp = kind < 0.85;
        int payload = kind < 0.60 ? 1400 + random.nextInt(60) : tcp ? 0 : 40 + random.nextInt(160);
        int l4 = tcp ? 20 : 8;
        int ipLength = 20 + l4 + payload;
        Arrays.fill(p, 0, 14 + ipLength, (byte) 0);
        // Ethernet: locally administered MACs, IPv4
        p[0] = 0x02; p[5] = (byte) flow; p[6] = 0x02; p[11] = (byte) (flow >> 8);
        p[12] = 0x08; p[13] = 0x00;
        int ip = 14;
        p[ip] = 0x45;
        putBe16(p, ip + 2, ipLength);
        putBe16(p, ip + 4, random.nextInt(65536));
        p[ip + 8] = 64;
        p[ip + 9] = (byte) (tcp ? 6 : 17);
        // 10.x addresses stay inside the file: nothing is ever sent
        p[ip + 12] = 10; p[ip + 13] = 1; p[ip + 14] = (byte) (flow >> 8); p[ip + 15] = (byte) flow;
        p[ip + 16] = 10; p[ip + 17] = 2; p[ip + 18] = 0; p[ip + 19] = (byte) (1 + flow % 200);
        int l4Start = ip + 20;
        putBe16(p, l4Start, 10_000 + flow); // clear of 500 and 4500: background is never IKE
        putBe16(p, l4Start + 2, tcp ? 443 : 53);
        if (tcp) {
            p[l4Start + 12] = 0x50;
            p[l4Start + 13] = (byte) (payload > 0 ? 0x18 : 0x10);
        } else {
            putBe16(p, l4Start + 4, 8 + payload);
        }
        for (int i = l4Start + l4, end = l4Start + l4 + payload; i < end; i += 8) {
            p[i] = (byte) random.nextInt(256);
        }
        return Math.max(60, 14 + ipLength);
    }

    private static byte[] globalHeader() {
        byte[] h = new byte[24];
        putLe32(h, 0, 0xa1b2c3d4);
        h[4] = 2; // version 2.4
        h[6] = 4;
        putLe32(h, 16, 65535);
        putLe32(h, 20, ETHERNET);
        return h;
    }

    private static void putLe32(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >> 8);
        b[at + 2] = (byte) (v >> 16);
        b[at + 3] = (byte) (v >> 24);
    }

    private static void putBe16(byte[] b, int at, int v) {
        b[at] = (byte) (v >> 8);
        b[at + 1] = (byte) v;
    }
}
