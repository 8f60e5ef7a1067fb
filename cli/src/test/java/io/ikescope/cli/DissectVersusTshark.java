package io.ikescope.cli;

import io.ikescope.testsupport.PdmlReader;
import io.ikescope.testsupport.TsharkFacts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * One capture through the real CLI ({@code ikescope dissect --format json -o FILE}) and through tshark's PDML,
 * compared: first the set of frames that carry IKE and the number of messages in each, then per message the
 * outer addresses, ports and transport, and every header and payload fact of {@link TsharkFacts}.
 */
final class DissectVersusTshark {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A disagreement. {@code where} is "file#frame key" ("file#frame.2 key" for a frame's third message). */
    record Difference(String where, String detail) {
        @Override
        public String toString() {
            return where + ": " + detail;
        }
    }

    /**
     * What one capture gave: frames tshark shows as ISAKMP, messages and facts compared, the differences, and how
     * many facts of each kind were compared ("p[].prop[].tf[].id" -> 12), to show what the comparison covered.
     */
    record Outcome(String file, int frames, int messages, long fields, List<Difference> differences, String stderr,
                   Map<String, Long> comparedKinds) {
    }

    private DissectVersusTshark() {
    }

    /**
     * @param file          the name differences carry ("tcpdump/x.pcap", "samples/y.pcap")
     * @param work          a private folder for the JSON output and tshark's empty profile
     * @param cliOptions    more CLI options (e.g. {@code --port 5001})
     * @param tsharkOptions the tshark options that make it see the same (e.g. {@code -d udp.port==5001,isakmp})
     */
    static Outcome compare(String file, Path capture, Path work, List<String> cliOptions, String... tsharkOptions)
            throws IOException, InterruptedException {
        Files.createDirectories(work);
        Path json = work.resolve("dissect.jsonl");
        List<String> args = new ArrayList<>(List.of("dissect", "--format", "json", "-o", json.toString()));
        args.addAll(cliOptions);
        args.add(capture.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(InputStream.nullInputStream(), out, err, args.toArray(String[]::new));
        String stderr = err.toString(StandardCharsets.UTF_8);

        List<Difference> differences = new ArrayList<>();
        if (exit != 0 || out.size() > 0) {
            differences.add(new Difference(file + "#- cli", "exit " + exit + ", " + out.size()
                    + " bytes on standard output with -o, stderr: " + stderr.strip()));
            return new Outcome(file, 0, 0, 0, differences, stderr, Map.of());
        }
        Map<Long, List<JsonNode>> ours = new TreeMap<>();
        for (String line : Files.readAllLines(json, StandardCharsets.UTF_8)) {
            JsonNode message = JSON.readTree(line);
            ours.computeIfAbsent(message.get("frame").asLong(), k -> new ArrayList<>()).add(message);
        }
        Path profile = Files.createDirectories(work.resolve("tshark-profile"));
        Map<Long, PdmlReader.Packet> theirs = new TreeMap<>();
        for (PdmlReader.Packet packet : PdmlReader.read(capture, profile, tsharkOptions)) {
            theirs.put(packet.frame(), packet);
        }

        TreeSet<Long> onlyTshark = new TreeSet<>(theirs.keySet());
        onlyTshark.removeAll(ours.keySet());
        TreeSet<Long> onlyOurs = new TreeSet<>(ours.keySet());
        onlyOurs.removeAll(theirs.keySet());
        for (long f : onlyTshark) {
            Long quoted = quotedFrame(theirs.get(f), ours);
            differences.add(quoted == null
                    ? new Difference(file + "#" + f + " frame", "tshark shows ISAKMP, ikescope has no message")
                    : new Difference(file + "#" + f + " frame.icmp-quote", "tshark shows ISAKMP in this ICMP error;"
                            + " it is the quoted start of frame " + quoted + " (same SPIs and message ID)"));
        }
        onlyOurs.forEach(f -> differences.add(new Difference(file + "#" + f + " frame",
                "ikescope has " + ours.get(f).size() + " message(s), tshark shows no ISAKMP")));

        int messages = 0;
        long fields = 0;
        Map<String, Long> kinds = new TreeMap<>();
        for (Map.Entry<Long, PdmlReader.Packet> e : theirs.entrySet()) {
            List<JsonNode> mine = ours.get(e.getKey());
            if (mine == null) {
                continue;
            }
            PdmlReader.Packet packet = e.getValue();
            List<PdmlReader.Field> layers = packet.isakmpLayers();
            if (layers.size() != mine.size()) {
                differences.add(new Difference(file + "#" + e.getKey() + " msg.count",
                        "tshark=" + layers.size() + " ours=" + mine.size()));
            }
            for (int i = 0; i < Math.min(layers.size(), mine.size()); i++) {
                messages++;
                String where = file + "#" + e.getKey() + (i == 0 ? "" : "." + i) + " ";
                Map<String, String> expected = new LinkedHashMap<>(packetFacts(packet));
                expected.putAll(TsharkFacts.fromTshark(layers.get(i)));
                Map<String, String> actual = new LinkedHashMap<>(packetFacts(mine.get(i)));
                actual.putAll(JsonFacts.fromJson(mine.get(i)));
                for (Map.Entry<String, String> fact : expected.entrySet()) {
                    fields++;
                    kinds.merge(fact.getKey().replaceAll("\\[\\d+]", "[]"), 1L, Long::sum);
                    String value = actual.get(fact.getKey());
                    if (!fact.getValue().equals(value)) {
                        differences.add(new Difference(where + fact.getKey(),
                                "tshark=" + abbreviate(fact.getValue()) + " ours=" + abbreviate(value)));
                    }
                }
            }
        }
        return new Outcome(file, theirs.size(), messages, fields, differences, stderr, kinds);
    }

    /**
     * The latest earlier frame whose message an ICMP error quotes: the frame is an ICMP/ICMPv6 error and that
     * message of ours has the quoted header's SPIs and message ID. Null when there is none.
     */
    private static Long quotedFrame(PdmlReader.Packet packet, Map<Long, List<JsonNode>> ours) {
        if (!packet.icmpError() || packet.isakmpLayers().size() != 1) {
            return null;
        }
        Map<String, String> quoted = TsharkFacts.fromTshark(packet.isakmpLayers().get(0));
        Long found = null;
        for (Map.Entry<Long, List<JsonNode>> e : ours.entrySet()) {
            for (JsonNode m : e.getValue()) {
                if (e.getKey() < packet.frame() && !m.get("spiI").isNull()
                        && m.get("spiI").asString().equals(quoted.get("hdr.ispi"))
                        && m.get("spiR").asString().equals(quoted.get("hdr.rspi"))
                        && Long.toString(m.get("messageId").asLong()).equals(quoted.get("hdr.msgid"))) {
                    found = e.getKey();
                }
            }
        }
        return found;
    }

    /** Where tshark saw the message: outermost addresses and ports; TCP, UDP, or UDP 4500 behind the non-ESP marker. */
    private static Map<String, String> packetFacts(PdmlReader.Packet p) {
        byte[] udp = p.udpPayload();
        boolean marker = udp != null && udp.length >= 4 && udp[0] == 0 && udp[1] == 0 && udp[2] == 0 && udp[3] == 0;
        boolean natt = (p.srcPort() == 4500 || p.dstPort() == 4500) && marker;
        return packetFacts(String.valueOf(p.src()), p.srcPort(), String.valueOf(p.dst()), p.dstPort(),
                p.tcp() ? "tcp" : natt ? "udp-natt" : "udp");
    }

    private static Map<String, String> packetFacts(JsonNode m) {
        return packetFacts(m.get("src").asString(), m.get("srcPort").asInt(), m.get("dst").asString(),
                m.get("dstPort").asInt(), m.get("transport").asString());
    }

    private static Map<String, String> packetFacts(String src, int srcPort, String dst, int dstPort, String transport) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("pkt.src", src);
        facts.put("pkt.srcPort", Integer.toString(srcPort));
        facts.put("pkt.dst", dst);
        facts.put("pkt.dstPort", Integer.toString(dstPort));
        facts.put("pkt.transport", transport);
        return facts;
    }

    private static String abbreviate(String s) {
        return s == null ? "(absent)" : s.length() > 70 ? s.substring(0, 70) + "..." : s;
    }
}
