package io.ikescope.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.testsupport.Facts;
import io.ikescope.testsupport.PdmlReader;
import io.ikescope.testsupport.TestPaths;
import io.ikescope.testsupport.TsharkFacts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The payloads inside encrypted IKE messages (IDs, AUTH, traffic selectors, mode-config, deletes, child SAs),
 * which no cleartext capture shows: tshark decrypts them with the corpus key tables; the plaintext chain it
 * shows is fed to {@link IkeDecoder#decodePayloadChain} and both are compared field by field.
 */
class TsharkDecryptedComparisonTest {
    private static final Pattern KEY_TABLE = Pattern.compile("(\\S+_decryption_table)");

    /** Chains tshark "decrypts" into garbage; matched against "file#frame". */
    private static final Map<Pattern, String> KNOWN = Map.of(
            Pattern.compile("^packetgen/ikev2(_cbc_hmac)?\\.pcapng#4 "),
            "responder IKE_AUTH: the corpus table has all-zero placeholders for the responder's keys (MANIFEST:"
                    + " frame 4 cannot be decrypted), so tshark's plaintext is noise (IDr length 1123 in 766 bytes)",
            Pattern.compile("^wireshark/ikev1-certs\\.pcap#8 "),
            "tshark's IKEv1 plaintext for this frame is noise: its first payload (HASH) declares 52298 bytes in a"
                    + " 1-kB message, so tshark had no valid IV/key for it");

    @Test
    void decryptedPayloadChainsAgreeWithTshark(@TempDir Path temp) throws Exception {
        Path corpus = TestPaths.publicCorpusOrSkip();
        Assumptions.assumeTrue(PdmlReader.tsharkAvailable(), "tshark not installed");

        int files = 0;
        int chains = 0;
        long fields = 0;
        List<String> differences = new ArrayList<>();
        for (String row : Files.readAllLines(corpus.resolve("MANIFEST.tsv"))) {
            String[] cols = row.split("\t");
            if (cols.length < 9 || !cols[8].contains("_decryption_table")) {
                continue;
            }
            Path profile = temp.resolve("profile" + files++);
            Path wireshark = Files.createDirectories(profile.resolve("wireshark"));
            Matcher m = KEY_TABLE.matcher(cols[8]);
            while (m.find()) {
                String table = Path.of(m.group(1)).getFileName().toString().replaceFirst("^ks\\d+\\.", "");
                Files.copy(corpus.resolve(m.group(1)), wireshark.resolve(table));
            }
            for (PdmlReader.Packet packet : PdmlReader.read(corpus.resolve(cols[0]), profile)) {
                for (PdmlReader.Field isakmp : packet.isakmpLayers()) {
                    int version = Integer.parseInt(Facts.num(isakmp.child("isakmp.version").child("isakmp.mjver").show()));
                    for (Container c : containers(isakmp)) {
                        byte[] plain = plaintext(c.payloads());
                        if (plain == null) {
                            differences.add(cols[0] + "#" + packet.frame() + " tshark gives no whole bytes for a decrypted payload");
                            continue;
                        }
                        chains++;
                        PayloadChain ours = IkeDecoder.decodePayloadChain(version, c.firstType(), plain, 0, plain.length);
                        Map<String, String> expected = TsharkFacts.payloadsFromTshark(c.payloads());
                        Map<String, String> actual = IkeFacts.payloadsFromDecoder(ours.payloads());
                        for (Map.Entry<String, String> e : expected.entrySet()) {
                            fields++;
                            if (!e.getValue().equals(actual.get(e.getKey()))) {
                                differences.add(cols[0] + "#" + packet.frame() + " " + e.getKey() + ": tshark="
                                        + e.getValue() + " ours=" + actual.get(e.getKey()));
                            }
                        }
                        if (!ours.errors().isEmpty()) {
                            differences.add(cols[0] + "#" + packet.frame() + " errors " + ours.errors());
                        }
                    }
                }
            }
        }
        List<String> unexplained = new ArrayList<>();
        for (String d : differences) {
            String reason = KNOWN.entrySet().stream().filter(k -> k.getKey().matcher(d).find()).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
            System.out.println("  " + (reason == null ? "DIFF: " + d : "explained: " + d + "  [" + reason + "]"));
            if (reason == null) {
                unexplained.add(d);
            }
        }
        System.out.printf("tshark decrypted comparison: %d keyed files, %d decrypted chains, %d fields compared,"
                + " %d differences explained, %d unexplained%n", files, chains, fields,
                differences.size() - unexplained.size(), unexplained.size());
        assertThat(chains).isGreaterThan(40);
        assertThat(unexplained).isEmpty();
    }

    /** Decrypted payloads tshark shows, and the type of the first. */
    private record Container(int firstType, List<PdmlReader.Field> payloads) {
    }

    /** IKEv1: payloads under the message's isakmp.enc.data; IKEv2: under SK's isakmp.enc.decrypted/contained. */
    private static List<Container> containers(PdmlReader.Field isakmp) {
        List<Container> found = new ArrayList<>();
        int headerNext = Integer.parseInt(isakmp.child("isakmp.nextpayload").show());
        for (PdmlReader.Field f : isakmp.children()) {
            if (f.name().equals("isakmp.enc.data")) {
                List<PdmlReader.Field> payloads = typePayloads(f);
                if (!payloads.isEmpty()) {
                    found.add(new Container(headerNext, payloads));
                }
            } else if (f.name().equals("isakmp.typepayload") && f.show().equals("46")) {
                PdmlReader.Field decrypted = f.child("isakmp.enc.decrypted");
                PdmlReader.Field contained = decrypted == null ? null : decrypted.child("isakmp.enc.contained");
                if (contained != null) {
                    int first = Integer.parseInt(f.child("isakmp.nextpayload").show());
                    found.add(new Container(first, typePayloads(contained)));
                }
            }
        }
        return found;
    }

    private static List<PdmlReader.Field> typePayloads(PdmlReader.Field parent) {
        return parent.children().stream().filter(c -> c.name().equals("isakmp.typepayload")).toList();
    }

    /** The decrypted chain's bytes: tshark gives each payload's bytes (value) but not the plaintext as a whole. */
    private static byte[] plaintext(List<PdmlReader.Field> payloads) {
        StringBuilder hex = new StringBuilder();
        for (PdmlReader.Field p : payloads) {
            if (!p.value().matches("([0-9a-f]{2})+") || p.value().length() != 2 * p.size()) {
                return null;
            }
            hex.append(p.value());
        }
        return HexFormat.of().parseHex(hex);
    }
}
