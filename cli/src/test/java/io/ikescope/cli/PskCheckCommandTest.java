package io.ikescope.cli;

import static io.ikescope.testsupport.TestPaths.sample;
import static io.ikescope.testsupport.TestPaths.sampleCapture;
import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.cli.DiagnoseCommandTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** {@code ikescope psk-check} on the lab's PSK mismatch captures, as a user runs it. */
class PskCheckCommandTest {
    @TempDir
    Path temp;

    private Path candidates(String... lines) throws Exception {
        Path f = temp.resolve("candidates.txt");
        Files.write(f, List.of(lines));
        return f;
    }

    @Test
    void jsonNamesEachPeersLineAndNeverTheKey() throws Exception {
        Path c = candidates("hunter2", "a different secret", "", "correct horse battery staple");
        Run r = DiagnoseCommandTest.run(temp.resolve("out.json"), "psk-check", "-f", "json", "--candidates",
                c.toString(), "-k", sample("ikev2-psk-mismatch.keys.log").toString(),
                sampleCapture("ikev1-aggr-psk-mismatch").toString(), sampleCapture("ikev2-psk-mismatch").toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isEqualTo(ExitCodes.OK);
        assertThat(r.output()).doesNotContain("horse").doesNotContain("different");
        JsonNode doc = new ObjectMapper().readTree(r.output());
        assertThat(doc.get("schema").asString()).isEqualTo("ikescope.psk-check/1");
        JsonNode n = doc.get("negotiations");
        assertThat(n).hasSize(2);
        JsonNode aggressive = n.get(0);
        assertThat(aggressive.get("id").asString()).isEqualTo("1");
        assertThat(aggressive.get("ikeVersion").asInt()).isEqualTo(1);
        assertThat(aggressive.get("exchangeMode").asString()).isEqualTo("aggressive");
        assertThat(aggressive.get("responder").get("match").asInt()).isEqualTo(2);
        assertThat(aggressive.get("initiator").get("tested").asBoolean()).isFalse();
        assertThat(aggressive.get("initiator").get("match").isNull()).isTrue();
        JsonNode ikev2 = n.get(1);
        assertThat(ikev2.get("id").asString()).isEqualTo("2");
        assertThat(ikev2.get("exchangeMode").asString()).isEqualTo("ikev2");
        assertThat(ikev2.get("initiator").get("match").asInt()).isEqualTo(4);
        assertThat(ikev2.get("initiator").get("fingerprint").asString()).matches("[0-9a-f]{8}");
        assertThat(ikev2.get("responder").get("tested").asBoolean()).isFalse();
    }

    @Test
    void textSaysNoneMatchedAndExitsOne() throws Exception {
        Path c = candidates("hunter2");
        Run r = DiagnoseCommandTest.run(temp.resolve("out.txt"), "psk-check", "--candidates", c.toString(),
                sampleCapture("libreswan-ikev1-aggr-psk-mismatch").toString());
        assertThat(r.status()).isEqualTo(ExitCodes.NEGOTIATION_FAILED);
        assertThat(r.output()).contains("responder: none matched").contains("initiator: not tested");
    }

    @Test
    void aTooLongCandidateLineIsBadInputNamingTheLine() throws Exception {
        Path c = candidates("ok", "x".repeat(5000));
        Run r = DiagnoseCommandTest.run(temp.resolve("out.txt"), "psk-check", "--candidates", c.toString(),
                sampleCapture("ikev1-aggr-psk-ok").toString());
        assertThat(r.status()).isEqualTo(ExitCodes.USAGE_OR_INPUT);
        assertThat(r.err()).contains(c + " line 2").doesNotContain("xxxx");
    }
}
