package io.ikescope.crypto.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.crypto.KeyRing;
import io.ikescope.net.DecoderOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end-to-end check of what {@code ikescope keys} produces: every sample's charon log becomes Wireshark
 * tables (algorithms from the sample's capture) and tshark decrypts the sample's encrypted IKE messages with
 * them. IKEv2: every SK/SKF payload's checksum verifies. IKEv1: every encrypted message decrypts into a
 * payload chain tshark parses, except retransmitted copies (tshark chains the CBC IV through every message
 * of a message ID, so a second identical copy cannot decrypt) and, where the peers derived different keys
 * (pre-shared keys differ; Wireshark holds one key per cookie), the other peer's messages.
 */
class SamplesDecryptWithTsharkTest {

    @Test
    void tsharkDecryptsEverySampleWithTheTablesWrittenFromItsCharonLog(@TempDir Path dir) throws IOException {
        KeyTestFiles.assumeTshark();
        List<String> report = new ArrayList<>();
        int ikev2Verified = 0;
        for (Path log : KeyTestFiles.sampleKeyLogs()) {
            String name = log.getFileName().toString().replace(".keys.log", "");
            Path pcap = log.resolveSibling(name + ".pcap");
            KeyRing ring = KeySources.load(List.of(log));
            CaptureProposals proposals = CaptureProposals.read(List.of(pcap), DecoderOptions.defaults(), w -> { });
            WiresharkTables.Tables tables = WiresharkTables.write(ring, proposals);
            int version = ring.ikev2().isEmpty() ? 1 : 2;
            if (name.contains("chacha20")) {
                // resolved from the capture to ChaCha20-Poly1305, which tshark 4.0 cannot decrypt: no row
                assertThat(tables.ikev2Rows()).isZero();
                assertThat(tables.skipped()).singleElement().asString()
                        .contains("CHACHA20-POLY1305 [RFC7634] is not in Wireshark's IKEv2 decryption table");
                continue;
            }
            Path home = KeyTestFiles.profile(Files.createDirectories(dir.resolve(name)), tables);
            KeyTestFiles.Decrypted d = KeyTestFiles.decrypted(pcap, home, version);
            report.add(name + ": " + d.ok() + " of " + d.total());
            if (version == 2 && name.endsWith("-algorithms-ok")) {
                // one IKE SA per cipher: those Wireshark has no name for get no row, and tshark decrypts exactly the SAs
                // that have one
                assertThat(tables.skipped()).as(name).isNotEmpty()
                        .allSatisfy(w -> assertThat(w).contains("is not in Wireshark's IKEv2 decryption table"));
                String rowFilter = spiFilter(tables.ikev2().lines()
                        .filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.substring(0, l.indexOf(','))));
                assertThat(d.ok()).as(name).isPositive().isEqualTo(lines(KeyTestFiles.tshark(null, "-r", pcap.toString(),
                        "-Y", "(isakmp.nextpayload == 46 or isakmp.nextpayload == 53) and (" + rowFilter + ")")));
                ikev2Verified += d.ok();
            } else if (version == 2) {
                assertThat(tables.skipped()).as(name).isEmpty();
                assertThat(d.total()).as(name).isPositive();
                assertThat(d.ok()).as(name).isEqualTo(d.total());
                ikev2Verified += d.ok();
            } else if (name.endsWith("-algorithms-ok")) {
                // one Main Mode per cipher; tshark 4.0 decrypts IKEv1 only with DES, 3DES and AES
                assertThat(tables.skipped()).as(name).isEmpty();
                String decryptable = spiFilter(KeyTestFiles.tshark(null, "-r", pcap.toString(), "-Y",
                        "isakmp.exchangetype == 2 and isakmp.rspi != 00:00:00:00:00:00:00:00"
                        + " and (isakmp.ike.attr.encryption_algorithm == 1 or isakmp.ike.attr.encryption_algorithm == 5"
                        + " or isakmp.ike.attr.encryption_algorithm == 7)", "-T", "fields", "-e", "isakmp.ispi")
                        .lines().filter(l -> !l.isBlank()).map(String::strip));
                assertThat(d.ok()).as(name).isPositive()
                        .isEqualTo(firstCopies(pcap, "isakmp.flag_e == 1 and (" + decryptable + ")"));
            } else {
                if (tables.skipped().isEmpty()) {
                    assertThat(d.ok()).as(name).isEqualTo(firstCopies(pcap, "isakmp.flag_e == 1"));
                } else {
                    // the samples hold the initiator's lines first, so the initiator's key is the one written
                    assertThat(tables.skipped()).as(name).singleElement().asString()
                            .contains("Wireshark holds one key per initiator cookie");
                    String initiator = KeyTestFiles.tshark(null, "-r", pcap.toString(), "-Y", "isakmp", "-c", "1",
                            "-T", "fields", "-e", "ip.src").strip();
                    assertThat(d.ok()).as(name).isPositive()
                            .isEqualTo(firstCopies(pcap, "isakmp.flag_e == 1 and ip.src == " + initiator));
                }
            }
        }
        assertThat(ikev2Verified).as(String.join("\n", report)).isGreaterThanOrEqualTo(60);
    }

    /** A display filter matching any of the initiator SPIs given as hex. */
    private static String spiFilter(java.util.stream.Stream<String> spis) {
        return spis.distinct().map(spi -> "isakmp.ispi == " + spi.replaceAll("(..)(?!$)", "$1:"))
                .reduce((a, b) -> a + " or " + b).orElse("frame.number == 0");
    }

    private static int lines(String s) {
        return (int) s.lines().filter(l -> !l.isBlank()).count();
    }

    /** Messages matching the filter, not counting a repeated UDP payload (a retransmission) again. */
    private static int firstCopies(Path pcap, String filter) {
        Set<String> seen = new HashSet<>();
        for (String payload : KeyTestFiles.tshark(null, "-r", pcap.toString(), "-Y", filter, "-T", "fields",
                "-e", "udp.payload").split("\n")) {
            if (!payload.isBlank()) {
                seen.add(payload.strip());
            }
        }
        return seen.size();
    }
}
