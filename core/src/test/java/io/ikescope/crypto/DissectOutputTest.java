package io.ikescope.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.report.DissectJsonWriter;
import io.ikescope.report.DissectTextWriter;
import io.ikescope.report.DissectWriter;
import io.ikescope.testsupport.TestPaths;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The dissect writers show the decrypted payloads inside SK (IKEv2) or as the message's payloads (IKEv1), and
 * say why decryption failed: packetgen's capture, whose key table holds the initiator's real keys and zero
 * placeholders for the responder's.
 */
class DissectOutputTest {

    private static List<String> jsonLines(DecryptedCapture c) throws Exception {
        StringWriter out = new StringWriter();
        try (DissectWriter w = new DissectJsonWriter(out)) {
            for (DecryptedCapture.Entry e : c.entries()) {
                w.write(e.datagram(), e.result().message(), e.status().contractName(), e.result().error());
            }
        }
        return out.toString().lines().toList();
    }

    @Test
    void jsonCarriesTheInnerPayloadsAndTheReasonOfAFailure() throws Exception {
        Path corpus = TestPaths.publicCorpusOrSkip();
        DecryptedCapture c = DecryptedCapture.of(corpus.resolve("packetgen/ikev2_cbc_hmac.pcapng"),
                WiresharkTables.read(null, corpus.resolve("packetgen/keys/ikev2_decryption_table")));
        List<String> lines = jsonLines(c);
        ObjectMapper mapper = new ObjectMapper();
        JsonNode request = mapper.readTree(lines.get(2));
        assertThat(request.get("decryption").asString()).isEqualTo("ok");
        assertThat(request.has("decryptionError")).isFalse();
        JsonNode sk = request.get("payloads").get(request.get("payloads").size() - 1);
        assertThat(sk.get("name").asString()).isEqualTo("SK");
        assertThat(sk.get("payloads").get(0).get("name").asString()).isEqualTo("IDi");
        JsonNode response = mapper.readTree(lines.get(3));
        assertThat(response.get("decryption").asString()).isEqualTo("failed");
        assertThat(response.get("decryptionError").asString())
                .isEqualTo("integrity check failed: the HMAC-SHA2-256-128 checksum does not match");
        JsonNode failedSk = response.get("payloads").get(response.get("payloads").size() - 1);
        assertThat(failedSk.get("payloads")).isEmpty();
    }

    @Test
    void textSaysDecryptionFailedAndWhy() throws Exception {
        Path corpus = TestPaths.publicCorpusOrSkip();
        DecryptedCapture c = DecryptedCapture.of(corpus.resolve("packetgen/ikev2.pcapng"),
                WiresharkTables.read(null, corpus.resolve("packetgen/keys/ikev2_decryption_table")));
        StringWriter out = new StringWriter();
        try (DissectWriter w = new DissectTextWriter(out)) {
            for (DecryptedCapture.Entry e : c.entries()) {
                w.write(e.datagram(), e.result().message(), e.status().contractName(), e.result().error());
            }
        }
        assertThat(out.toString()).contains("decryption ok")
                .contains("decryption failed (integrity check failed: the AES-GCM-256-16 tag does not verify)");
    }
}
