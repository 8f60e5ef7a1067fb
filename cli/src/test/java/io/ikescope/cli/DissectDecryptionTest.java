package io.ikescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.testsupport.TestPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** {@code dissect -k}: decrypted payloads and decryption status per message, one decryptor for the run. */
class DissectDecryptionTest {

    private static List<JsonNode> dissect(Path out, String... args) throws Exception {
        String[] all = new String[args.length + 4];
        all[0] = "dissect";
        all[1] = "-f";
        all[2] = "json";
        all[3] = "-o" + out;
        System.arraycopy(args, 0, all, 4, args.length);
        assertThat(Main.run(all)).isZero();
        ObjectMapper mapper = new ObjectMapper();
        return Files.readAllLines(out).stream().map(mapper::readTree).toList();
    }

    @Test
    void ikev1MessagesCarryTheirDecryptedPayloads(@TempDir Path temp) throws Exception {
        Path corpus = TestPaths.publicCorpusOrSkip();
        List<JsonNode> messages = dissect(temp.resolve("out.json"), "-k", corpus.resolve("wireshark/keys").toString(),
                corpus.resolve("wireshark/ikev1-certs.pcap").toString());
        assertThat(messages).filteredOn(m -> m.get("flags").get("encryption").asBoolean())
                .isNotEmpty().allMatch(m -> m.get("decryption").asString().equals("ok"));
        JsonNode mm5 = messages.stream().filter(m -> m.get("frame").asInt() == 5).findFirst().orElseThrow();
        assertThat(mm5.get("payloads").get(0).get("name").asString()).isEqualTo("ID");
        assertThat(messages).filteredOn(m -> !m.get("flags").get("encryption").asBoolean())
                .allMatch(m -> m.get("decryption").asString().equals("none"));
    }

    @Test
    void withoutKeysEncryptedMessagesSayNoKeysAndAFailureSaysWhy(@TempDir Path temp) throws Exception {
        Path corpus = TestPaths.publicCorpusOrSkip();
        Path capture = corpus.resolve("packetgen/ikev2_cbc_hmac.pcapng");
        assertThat(dissect(temp.resolve("a.json"), capture.toString()))
                .filteredOn(m -> m.get("exchange").asString().equals("IKE_AUTH"))
                .allMatch(m -> m.get("decryption").asString().equals("no_keys"));
        List<JsonNode> keyed = dissect(temp.resolve("b.json"), "--keys",
                corpus.resolve("packetgen/keys/ikev2_decryption_table").toString(), capture.toString());
        assertThat(keyed.get(2).get("decryption").asString()).isEqualTo("ok");
        assertThat(keyed.get(3).get("decryption").asString()).isEqualTo("failed");
        assertThat(keyed.get(3).get("decryptionError").asString()).startsWith("integrity check failed");
    }

    @Test
    void theSkfFragmentThatCompletesAMessageShowsTheReassembledPayloads(@TempDir Path temp) throws Exception {
        String keys = TestPaths.sample("ikev2-cert-rsa-ok.keys.log").toString();
        String capture = TestPaths.sample("ikev2-cert-rsa-ok.pcap").toString();

        List<JsonNode> messages = dissect(temp.resolve("out.json"), "-k", keys, capture);
        JsonNode first = messages.get(2).get("payloads").get(0);
        JsonNode last = messages.get(3).get("payloads").get(0);
        assertThat(messages.get(3).get("frame").asInt()).isEqualTo(4);
        assertThat(first.get("name").asString()).isEqualTo("SKF");
        assertThat(first.get("fragmentNumber").asInt()).isEqualTo(1);
        assertThat(first.get("payloads")).isEmpty();
        assertThat(last.get("fragmentNumber").asInt()).isEqualTo(2);
        assertThat(last.get("payloads").valueStream().map(p -> p.get("name").asString()).toList())
                .startsWith("IDi", "CERT", "N", "CERTREQ", "IDr", "AUTH", "SA", "TSi", "TSr");

        Path text = temp.resolve("out.txt");
        assertThat(Main.run("dissect", "-o", text.toString(), "-k", keys, capture)).isZero();
        String all = Files.readString(text);
        String frame3 = all.substring(all.indexOf("Frame 3 "), all.indexOf("Frame 4 "));
        String frame4 = all.substring(all.indexOf("Frame 4 "), all.indexOf("Frame 5 "));
        assertThat(frame3).contains("SKF (53)").doesNotContain("\n    IDi (35)");
        // the inner payloads are printed under the SKF payload, one level deeper
        assertThat(frame4).containsPattern("\\n  SKF \\(53\\)  length 248  fragment 2/2[^\\n]*\\n    IDi \\(35\\)")
                .contains("    AUTH (39)", "    TSr (45)", "subject: CN=initiator.lab.example");
    }
}
