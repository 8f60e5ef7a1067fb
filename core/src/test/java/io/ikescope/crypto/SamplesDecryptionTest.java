package io.ikescope.crypto;

import io.ikescope.testsupport.PdmlReader;
import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.testsupport.TestPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The lab samples (real strongSwan and libreswan peers, samples/index.json) decrypted with the keys their charon
 * logs hold, compared message for message with tshark given Wireshark tables made from the same logs: IKEv1 by
 * lab/verify-samples.sh's own tables() function, IKEv2 with the algorithms the capture negotiated
 * ({@link TsharkRows}; the script guesses AES-CBC/HMAC from key lengths, which the algorithm samples defeat). Our key sets name no algorithms (as a charon log does not): they come from the
 * IKE_SA_INIT / rekeying CREATE_CHILD_SA (IKEv2) and the Phase 1 SA (IKEv1) in the capture.
 */
class SamplesDecryptionTest {

    /** Messages we decrypt and tshark does not. */
    private static final Map<Pattern, String> EXPLAINED = Map.ofEntries(Map.entry(
            Pattern.compile("^(ikev1-natt-blocked#[67]|ikev1-(main|encap)-psk-mismatch#[79]|libreswan-ikev1-main-psk-mismatch#(8|10)) ONLY_OURS"),
            "retransmitted MM5 (the same bytes as the first copy): we reuse its IV, tshark chains the IV through"
                    + " the copies (lab/verify-samples.sh names this limit)"), Map.entry(
            Pattern.compile("^ikev1-(main|encap)-psk-mismatch#(6|8|10) ONLY_OURS"),
            "the responder's PAYLOAD_MALFORMED informational, encrypted with the responder's own key (its PSK"
                    + " differs): the log holds both keys, tshark's table one per initiator cookie"), Map.entry(
            Pattern.compile("^ikev2-chacha20-x25519-ok#\\d+ ONLY_OURS"),
            "tshark 4.0 has no ChaCha20-Poly1305; the Poly1305 tag verifies each of ours"),
            // ikev2-algorithms-ok: one IKE SA per algorithm, 6 frames each (IKE_SA_INIT, IKE_AUTH, delete)
            Map.entry(Pattern.compile("^ikev2-algorithms-ok#(9|1[0-2]) ONLY_OURS"), "tshark 4.0 has no AES-XCBC-96"),
            Map.entry(Pattern.compile("^ikev2-algorithms-ok#1[5-8] ONLY_OURS"), "tshark 4.0 has no AES-CMAC-96"),
            Map.entry(Pattern.compile("^ikev2-algorithms-ok#(5[1-47-9]|6[0-6]) ONLY_OURS"),
                    "tshark 4.0 has no Camellia (CBC, CTR, CCM) for IKEv2"),
            Map.entry(Pattern.compile("^ikev2-algorithms-ok#7[5-8] ONLY_OURS"), "tshark 4.0 has no CAST for IKEv2"),
            Map.entry(Pattern.compile("^ikev2-algorithms-ok#8[1-4] ONLY_OURS"), "tshark 4.0 has no Blowfish for IKEv2"),
            // ikev1-algorithms-ok: one Main Mode per algorithm, 7 frames each (MM1-MM6, delete)
            Map.entry(Pattern.compile("^ikev1-algorithms-ok#(19|2[0-16-8]|3[3-5]|4[0-2]) ONLY_OURS"),
                    "tshark 4.0 decrypts IKEv1 with DES, 3DES and AES only, not Blowfish, CAST or Camellia"));

    @Test
    void everyKeyedSampleDecryptsAtLeastAsTsharkDecryptsIt(@TempDir Path temp) throws Exception {
        Path samples = TestPaths.samples();
        Assumptions.assumeTrue(PdmlReader.tsharkAvailable(), "tshark not installed");
        List<Comparison.Line> lines = new ArrayList<>();
        int files = 0;
        for (JsonNode sample : new ObjectMapper().readTree(samples.resolve("index.json").toFile())) {
            String name = sample.get("name").asString();
            Path log = samples.resolve(name + ".keys.log");
            if (!Files.isRegularFile(log)) {
                continue;
            }
            files++;
            Path capture = samples.resolve(name + ".pcap");
            KeyRing keys = CharonKeyLog.read(log, false);
            String v1Table = tsharkTables(TestPaths.repositoryRoot(), log, temp)[0];
            lines.addAll(Comparison.compare(name, capture, keys, v1Table, TsharkRows.ikev2(keys, capture), temp));
        }
        List<String> unexplained = CorpusDecryptionTest.report(lines, EXPLAINED);
        long both = lines.stream().filter(l -> l.kind() == Comparison.Kind.BOTH_DECRYPTED).count();
        long ours = lines.stream().filter(l -> l.detail().contains("ours ok")).count();
        System.out.printf("samples decryption vs tshark: %d keyed samples, %d encrypted messages: %d decrypted alike,"
                + " %d decrypted by us in all, %d refused by both, %d unexplained%n", files, lines.size(), both, ours,
                lines.stream().filter(l -> l.kind() == Comparison.Kind.BOTH_REFUSED).count(), unexplained.size());
        assertThat(unexplained).isEmpty();
        assertThat(files).isGreaterThanOrEqualTo(30);
        assertThat(ours).isEqualTo(lines.size());
    }

    /**
     * The ikev1/ikev2 Wireshark tables lab/verify-samples.sh makes of a key log, by running that script's own
     * tables() function (AES-CBC with HMAC only; one IKEv1 key per initiator cookie).
     */
    static String[] tsharkTables(Path root, Path log, Path temp) throws Exception {
        Path v1 = Files.createTempFile(temp, "v1", ".table");
        Path v2 = Files.createTempFile(temp, "v2", ".table");
        Process p = new ProcessBuilder("bash", "-c",
                "source <(sed -n '/^tables()/,/^}/p' \"$1\") && tables \"$2\" \"$3\" \"$4\"", "bash",
                root.resolve("lab/verify-samples.sh").toString(), log.toString(), v1.toString(), v2.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor()).as("tables() of lab/verify-samples.sh on " + log).isZero();
        return new String[] {Files.readString(v1), Files.readString(v2)};
    }
}
