package io.ikescope.wire;

import io.ikescope.testsupport.TestPaths;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Test-only access to real IKE messages of the public corpus without tshark or the project's capture reader:
 * a minimal reader for classic little-endian Ethernet/IPv4/UDP pcap files, enough for the files used here.
 */
public final class CorpusMessages {
    private CorpusMessages() {
    }

    /** A corpus file, or the test is skipped when the corpus is absent. */
    public static Path file(String relative) {
        Path p = TestPaths.publicCorpusOrSkip().resolve(relative);
        Assumptions.assumeTrue(Files.isRegularFile(p), "corpus file not found: " + p);
        return p;
    }

    /** The UDP payloads (NAT-T marker removed) of the frames of an Ethernet/IPv4 pcap, in order. */
    public static List<byte[]> udpPayloads(Path pcap) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(pcap)).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(0) != 0xa1b2c3d4 || b.getInt(20) != 1) {
            throw new IOException(pcap + ": not a little-endian Ethernet pcap");
        }
        List<byte[]> payloads = new ArrayList<>();
        int pos = 24;
        while (pos + 16 <= b.limit()) {
            int captured = b.getInt(pos + 8);
            int frame = pos + 16;
            pos = frame + captured;
            if (pos > b.limit() || captured < 42 || (b.get(frame + 12) & 0xff) != 0x08 || b.get(frame + 13) != 0) {
                continue;
            }
            int ip = frame + 14;
            int ihl = (b.get(ip) & 0x0f) * 4;
            if (b.get(ip + 9) != 17) {
                continue;
            }
            int udp = ip + ihl;
            int udpLength = ((b.get(udp + 4) & 0xff) << 8) | (b.get(udp + 5) & 0xff);
            int dstPort = ((b.get(udp + 2) & 0xff) << 8) | (b.get(udp + 3) & 0xff);
            int start = udp + 8;
            int end = Math.min(udp + udpLength, pos);
            byte[] payload = Arrays.copyOfRange(b.array(), start, end);
            if (dstPort == 4500 && payload.length >= 4 && payload[0] == 0 && payload[1] == 0 && payload[2] == 0
                    && payload[3] == 0) {
                payload = Arrays.copyOfRange(payload, 4, payload.length);
            }
            payloads.add(payload);
        }
        return payloads;
    }
}
