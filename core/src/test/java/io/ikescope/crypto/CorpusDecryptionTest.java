package io.ikescope.crypto;

import io.ikescope.testsupport.PdmlReader;
import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.testsupport.TestPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every keyed capture of the public corpus (Wireshark's, Openswan's, packetgen's, tcpdump's) decrypted with its
 * key tables, compared message for message with tshark given the same tables: where tshark decrypts, we decrypt
 * to the same payload and notify types; where tshark cannot, we say failed and why; where we decrypt and tshark
 * does not, the reason is named below.
 */
class CorpusDecryptionTest {
    private static final Pattern KEY_TABLE = Pattern.compile("(\\S+_decryption_table)");

    /** Messages we decrypt and tshark does not, matched on "file#frame". */
    private static final Map<Pattern, String> EXPLAINED = Map.of(
            Pattern.compile("^wireshark/ikev1-certs\\.pcap#8 "),
            "frame 8 is a retransmission of frame 7 (same bytes, same IV): we reuse the IV of the first copy;"
                    + " tshark chains its IV through frame 7 and decrypts noise");

    @Test
    void everyKeyedCaptureDecryptsAsTsharkDecryptsIt(@TempDir Path temp) throws Exception {
        Path corpus = TestPaths.publicCorpusOrSkip();
        Assumptions.assumeTrue(PdmlReader.tsharkAvailable(), "tshark not installed");
        List<Comparison.Line> lines = new ArrayList<>();
        int files = 0;
        for (String row : Files.readAllLines(corpus.resolve("MANIFEST.tsv"))) {
            String[] cols = row.split("\t");
            if (cols.length < 9 || !cols[8].contains("_decryption_table") || cols[0].contains("_decryption_table")) {
                continue;
            }
            String v1 = null;
            String v2 = null;
            Matcher m = KEY_TABLE.matcher(cols[8]);
            while (m.find()) {
                String text = Files.readString(corpus.resolve(m.group(1)));
                if (m.group(1).endsWith("ikev1_decryption_table")) {
                    v1 = text;
                } else {
                    v2 = text;
                }
            }
            files++;
            lines.addAll(Comparison.compare(cols[0], corpus.resolve(cols[0]), ring(v1, v2), v1, v2, temp));
        }
        // tcpdump's capture comes with tcpdump secrets; the README gives the same keys as a Wireshark row
        String readme = Files.readString(corpus.resolve("README.md"));
        Matcher row = Pattern.compile("uat:ikev2_decryption_table:([0-9a-f]{16},[^']+)'")
                .matcher(readme.substring(readme.indexOf("### tcpdump")));
        assertThat(row.find()).as("README names the tcpdump key row").isTrue();
        files++;
        lines.addAll(Comparison.compare("tcpdump/ikev2pI2.pcap", corpus.resolve("tcpdump/ikev2pI2.pcap"),
                ring(null, row.group(1)), null, row.group(1), temp));

        List<String> unexplained = report(lines, EXPLAINED);
        long both = lines.stream().filter(l -> l.kind() == Comparison.Kind.BOTH_DECRYPTED).count();
        long refused = lines.stream().filter(l -> l.kind() == Comparison.Kind.BOTH_REFUSED).count();
        System.out.printf("corpus decryption vs tshark: %d keyed files, %d encrypted messages: %d decrypted alike,"
                + " %d refused by both, %d explained differences, %d unexplained%n", files, lines.size(), both, refused,
                lines.size() - both - refused - unexplained.size(), unexplained.size());
        assertThat(unexplained).isEmpty();
        assertThat(files).isGreaterThanOrEqualTo(45);
        assertThat(both).isGreaterThan(60);
        // packetgen's responder keys are zero placeholders: refused for integrity, never shown as garbage
        assertThat(lines).filteredOn(l -> l.file().startsWith("packetgen/") && l.frame() == 4)
                .hasSize(2).allMatch(l -> l.kind() == Comparison.Kind.BOTH_REFUSED && l.detail().contains("integrity"));
        // tcpdump's capture: tshark shows payloads although it finds the ICV wrong; we show none
        assertThat(lines).filteredOn(l -> l.file().startsWith("tcpdump/")).singleElement()
                .matches(l -> l.detail().contains("ICV INCORRECT") && l.detail().contains("ours failed (integrity"));
    }

    static KeyRing ring(String v1, String v2) throws Exception {
        Path dir = Files.createTempDirectory("tables");
        try {
            Path p1 = v1 == null ? null : Files.writeString(dir.resolve("ikev1_decryption_table"), v1);
            Path p2 = v2 == null ? null : Files.writeString(dir.resolve("ikev2_decryption_table"), v2);
            return WiresharkTables.read(p1, p2);
        } finally {
            for (String f : new String[] {"ikev1_decryption_table", "ikev2_decryption_table"}) {
                Files.deleteIfExists(dir.resolve(f));
            }
            Files.delete(dir);
        }
    }

    /** Prints every line; returns the differences no explanation covers. */
    static List<String> report(List<Comparison.Line> lines, Map<Pattern, String> explained) {
        List<String> unexplained = new ArrayList<>();
        for (Comparison.Line l : lines) {
            String text = l.toString();
            String reason = l.kind() == Comparison.Kind.ONLY_OURS || l.kind() == Comparison.Kind.DIFFERENT
                    ? explain(explained, text) : null;
            boolean fine = l.kind() == Comparison.Kind.BOTH_DECRYPTED || l.kind() == Comparison.Kind.BOTH_REFUSED
                    || reason != null;
            System.out.println("  " + (fine ? "" : "UNEXPLAINED ") + text + (reason == null ? "" : "  [" + reason + "]"));
            if (!fine) {
                unexplained.add(text);
            }
        }
        return unexplained;
    }

    private static String explain(Map<Pattern, String> known, String text) {
        return known.entrySet().stream().filter(k -> k.getKey().matcher(text).find()).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }
}
