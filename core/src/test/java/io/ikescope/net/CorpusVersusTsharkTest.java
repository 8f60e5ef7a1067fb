package io.ikescope.net;

import io.ikescope.capture.TestCaptures;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every capture of the public corpus: the frames where ikescope finds IKE are exactly the frames tshark shows
 * as ISAKMP, with the same initiator SPI and header length per message, and likewise for ESP.
 */
class CorpusVersusTsharkTest {

    /** frame -> "spi/length" of each message in it, in order. */
    private static Map<Long, List<String>> ours(DecodedCapture c) {
        Map<Long, List<String>> m = new TreeMap<>();
        for (IkeDatagram d : c.ike()) {
            byte[] b = d.ike();
            String spi = HexFormat.of().formatHex(b, 0, 8);
            long length = ((b[24] & 0xFFL) << 24) | ((b[25] & 0xFF) << 16) | ((b[26] & 0xFF) << 8) | (b[27] & 0xFF);
            m.computeIfAbsent(d.frame(), k -> new ArrayList<>()).add(spi + "/" + length + " " + d.src() + ":"
                    + d.srcPort() + ">" + d.dst() + ":" + d.dstPort());
        }
        return m;
    }

    private static Map<Long, List<String>> tsharks(Path file) {
        Map<Long, List<String>> m = new TreeMap<>();
        for (String line : TestCaptures.tshark("-r", file.toString(), "-Y", "isakmp", "-T", "fields",
                "-E", "occurrence=a", "-e", "frame.number", "-e", "isakmp.ispi", "-e", "isakmp.length",
                "-e", "ip.src", "-e", "ipv6.src", "-e", "udp.srcport", "-e", "tcp.srcport",
                "-e", "ip.dst", "-e", "ipv6.dst", "-e", "udp.dstport", "-e", "tcp.dstport")) {
            String[] f = line.split("\t", -1);
            String[] spis = f[1].split(",");
            String[] lengths = f[2].split(",");
            String src = (f[3] + f[4]).split(",")[0];
            String sport = (f[5] + f[6]).split(",")[0];
            String dst = (f[7] + f[8]).split(",")[0];
            String dport = (f[9] + f[10]).split(",")[0];
            List<String> messages = new ArrayList<>();
            for (int i = 0; i < spis.length; i++) {
                // tshark leaves the length out when an unknown ISAKMP version makes it stop early (fuzzed files).
                String length = i < lengths.length && !lengths[i].isEmpty() ? lengths[i] : "?";
                messages.add(spis[i] + "/" + length + " " + src + ":" + sport + ">" + dst + ":" + dport);
            }
            m.put(Long.parseLong(f[0]), messages);
        }
        return m;
    }

    private static Map<Long, String> espOurs(DecodedCapture c) {
        Map<Long, String> m = new TreeMap<>();
        c.esp().forEach(p -> m.put(p.frame(), String.format("0x%08x/%d", p.spi(), p.sequence())));
        return m;
    }

    private static Map<Long, String> espTsharks(Path file) {
        Map<Long, String> m = new TreeMap<>();
        for (String line : TestCaptures.tshark("-r", file.toString(), "-Y", "esp", "-T", "fields",
                "-e", "frame.number", "-e", "esp.spi", "-e", "esp.sequence")) {
            String[] f = line.split("\t", -1);
            m.put(Long.parseLong(f[0]), f[1] + "/" + f[2]);
        }
        return m;
    }

    @Test
    void everyCorpusCaptureYieldsTheIkeAndEspFramesTsharkShows() throws Exception {
        TestCaptures.assumeTshark();
        List<Path> files = TestCaptures.corpusCaptures();
        assertThat(files).hasSizeGreaterThan(100);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
        try {
            List<Future<String>> results = new ArrayList<>();
            for (Path file : files) {
                results.add(pool.submit(() -> compare(file)));
            }
            List<String> differences = new ArrayList<>();
            int matching = 0;
            for (Future<String> r : results) {
                String d = r.get();
                if (d.isEmpty()) {
                    matching++;
                } else {
                    differences.add(d);
                }
            }
            System.out.println("corpus: " + matching + " of " + files.size() + " captures match tshark exactly");
            assertThat(differences).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    private static String compare(Path file) throws Exception {
        DecodedCapture c = DecodedCapture.of(file);
        Map<Long, List<String>> ours = ours(c);
        Map<Long, List<String>> theirs = tsharks(file);
        theirs.forEach((frame, messages) -> {
            List<String> mine = ours.get(frame);
            for (int i = 0; mine != null && i < Math.min(mine.size(), messages.size()); i++) {
                if (messages.get(i).contains("/? ")) {
                    mine.set(i, mine.get(i).replaceFirst("/\\d+ ", "/? "));
                }
            }
        });
        Map<Long, String> espOurs = espOurs(c);
        Map<Long, String> espTheirs = espTsharks(file);
        StringBuilder s = new StringBuilder();
        if (!ours.equals(theirs)) {
            s.append(file).append(": IKE\n  ours:   ").append(diff(ours, theirs)).append("\n  tshark: ")
                    .append(diff(theirs, ours)).append('\n');
        }
        if (!espOurs.equals(espTheirs)) {
            s.append(file).append(": ESP\n  ours:   ").append(diff(espOurs, espTheirs)).append("\n  tshark: ")
                    .append(diff(espTheirs, espOurs)).append('\n');
        }
        return s.toString();
    }

    private static <V> Map<Long, V> diff(Map<Long, V> a, Map<Long, V> b) {
        Map<Long, V> d = new TreeMap<>();
        a.forEach((k, v) -> {
            if (!v.equals(b.get(k))) {
                d.put(k, v);
            }
        });
        return d;
    }
}
