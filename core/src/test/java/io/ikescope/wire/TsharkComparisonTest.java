package io.ikescope.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.testsupport.KnownTsharkDifferences;
import io.ikescope.testsupport.KnownTsharkDifferences.KnownDifference;
import io.ikescope.testsupport.PdmlReader;
import io.ikescope.testsupport.TestPaths;
import io.ikescope.testsupport.TsharkFacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Decodes every IKE message of the public corpus with {@link IkeDecoder} and compares it field by field with
 * tshark's own dissection of the same bytes (PDML). Every difference must either vanish or be listed in
 * {@link KnownTsharkDifferences} with the reason it is not ours to fix.
 */
class TsharkComparisonTest {

    private static final List<KnownDifference> KNOWN = KnownTsharkDifferences.DISSECTION;

    @Test
    void decoderAgreesWithTsharkOnEveryCorpusMessage() throws Exception {
        Path corpus = TestPaths.publicCorpusOrSkip();
        Assumptions.assumeTrue(PdmlReader.tsharkAvailable(), "tshark not installed");

        List<Path> captures;
        try (Stream<Path> walk = Files.walk(corpus)) {
            captures = walk.filter(Files::isRegularFile)
                    .filter(p -> !p.toString().contains("/expected/") && !p.toString().contains("/keys/"))
                    .filter(p -> p.getFileName().toString().matches(".*\\.(pcap|pcapng|cap)(\\.gz)?$"))
                    .sorted().toList();
        }
        int messages = 0;
        long fields = 0;
        List<String> unexplained = new ArrayList<>();
        List<String> explained = new ArrayList<>();
        for (Path capture : captures) {
            String file = corpus.relativize(capture).toString();
            for (PdmlReader.Packet packet : PdmlReader.read(capture)) {
                if (packet.isakmpLayers().size() != 1 || packet.udpPayload() == null) {
                    unexplained.add(file + "#" + packet.frame() + " has " + packet.isakmpLayers().size()
                            + " ISAKMP layers / UDP payload " + (packet.udpPayload() != null) + ": not handled");
                    continue;
                }
                byte[] ike = ikeBytes(packet);
                messages++;
                IkeMessage message;
                try {
                    message = IkeDecoder.decode(ike);
                } catch (RuntimeException e) {
                    unexplained.add(file + "#" + packet.frame() + " decoder threw " + e);
                    continue;
                }
                Map<String, String> expected = TsharkFacts.fromTshark(packet.isakmpLayers().get(0));
                Map<String, String> actual = IkeFacts.fromDecoder(message);
                for (Map.Entry<String, String> e : expected.entrySet()) {
                    fields++;
                    String ours = actual.get(e.getKey());
                    if (!e.getValue().equals(ours)) {
                        String where = file + "#" + packet.frame() + " " + e.getKey();
                        String diff = where + ": tshark=" + abbreviate(e.getValue()) + " ours=" + abbreviate(ours);
                        KnownDifference known = KNOWN.stream().filter(k -> k.matches(where)).findFirst()
                                .orElse(null);
                        (known == null ? unexplained : explained).add(diff + (known == null ? "" : "  [" + known.evidence() + "]"));
                    }
                }
            }
        }
        System.out.printf("tshark comparison: %d files, %d messages, %d fields compared, %d differences explained, %d unexplained%n",
                captures.size(), messages, fields, explained.size(), unexplained.size());
        List<String> report = new ArrayList<>();
        report.add(String.format("%d files, %d messages, %d fields compared, %d explained, %d unexplained",
                captures.size(), messages, fields, explained.size(), unexplained.size()));
        explained.forEach(d -> report.add("explained: " + d));
        unexplained.forEach(d -> report.add("DIFF: " + d));
        Path out = TestPaths.repositoryRoot().resolve("core/target/tshark-comparison.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
        unexplained.stream().limit(50).forEach(d -> System.out.println("  DIFF: " + d));
        assertThat(captures).hasSizeGreaterThan(100);
        assertThat(unexplained).isEmpty();
    }

    /** The IKE message in a UDP payload: on 4500 behind the four-byte non-ESP marker (RFC 3948). */
    private static byte[] ikeBytes(PdmlReader.Packet packet) {
        byte[] udp = packet.udpPayload();
        boolean natt = packet.srcPort() == 4500 || packet.dstPort() == 4500;
        if (natt && udp.length >= 4 && udp[0] == 0 && udp[1] == 0 && udp[2] == 0 && udp[3] == 0) {
            return Arrays.copyOfRange(udp, 4, udp.length);
        }
        return udp;
    }

    private static String abbreviate(String s) {
        return s == null ? "(absent)" : s.length() > 70 ? s.substring(0, 70) + "..." : s;
    }
}
