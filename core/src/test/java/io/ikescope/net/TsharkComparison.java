package io.ikescope.net;

import io.ikescope.capture.TestCaptures;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares what ikescope finds in a capture with what tshark shows: per frame, each IKE message's initiator SPI,
 * header length, addresses and ports; and each ESP packet's SPI and sequence number.
 */
final class TsharkComparison {
    private TsharkComparison() {
    }

    /** An empty string when ikescope and tshark agree on the capture, else a description of every difference. */
    static String differences(Path file, DecoderOptions options, String... tsharkOptions) throws IOException {
        DecodedCapture c = DecodedCapture.of(file, options);
        Map<Long, List<String>> ours = ike(c);
        Map<Long, List<String>> theirs = tsharkIke(file, tsharkOptions);
        theirs.forEach((frame, messages) -> {
            List<String> mine = ours.get(frame);
            for (int i = 0; mine != null && i < Math.min(mine.size(), messages.size()); i++) {
                if (messages.get(i).contains("/? ")) {
                    mine.set(i, mine.get(i).replaceFirst("/\\d+ ", "/? "));
                }
            }
        });
        Map<Long, String> espOurs = esp(c);
        Map<Long, String> espTheirs = tsharkEsp(file, tsharkOptions);
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

    /** frame -> "spi/length src:port>dst:port" of each message in it, in order. */
    static Map<Long, List<String>> ike(DecodedCapture c) {
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

    static Map<Long, List<String>> tsharkIke(Path file, String... tsharkOptions) {
        Map<Long, List<String>> m = new TreeMap<>();
        List<String> args = new ArrayList<>(List.of(tsharkOptions));
        args.addAll(List.of("-r", file.toString(), "-Y", "isakmp", "-T", "fields",
                "-E", "occurrence=a", "-e", "frame.number", "-e", "isakmp.ispi", "-e", "isakmp.length",
                "-e", "ip.src", "-e", "ipv6.src", "-e", "udp.srcport", "-e", "tcp.srcport",
                "-e", "ip.dst", "-e", "ipv6.dst", "-e", "udp.dstport", "-e", "tcp.dstport"));
        for (String line : TestCaptures.tshark(args.toArray(String[]::new))) {
            String[] f = line.split("\t", -1);
            String[] spis = f[1].split(",");
            String[] lengths = f[2].split(",");
            // The outermost header (the first value) is the one carrying the message.
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

    static Map<Long, String> esp(DecodedCapture c) {
        Map<Long, String> m = new TreeMap<>();
        c.esp().forEach(p -> m.put(p.frame(), String.format("0x%08x/%d", p.spi(), p.sequence())));
        return m;
    }

    static Map<Long, String> tsharkEsp(Path file, String... tsharkOptions) {
        Map<Long, String> m = new TreeMap<>();
        List<String> args = new ArrayList<>(List.of(tsharkOptions));
        args.addAll(List.of("-r", file.toString(), "-Y", "esp", "-T", "fields",
                "-e", "frame.number", "-e", "esp.spi", "-e", "esp.sequence"));
        for (String line : TestCaptures.tshark(args.toArray(String[]::new))) {
            String[] f = line.split("\t", -1);
            m.put(Long.parseLong(f[0]), f[1] + "/" + f[2]);
        }
        return m;
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
