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
    void aMainModeCaptureWithoutItsKeyLogTestsNobodyAndExitsOne() throws Exception {
        Path c = candidates("hunter2");
        Run r = DiagnoseCommandTest.run(temp.resolve("out.txt"), "psk-check", "--candidates", c.toString(),
                sampleCapture("ikev1-main-psk-mismatch").toString());
        assertThat(r.status()).isEqualTo(ExitCodes.NEGOTIATION_FAILED);
        assertThat(r.output()).contains("initiator: not tested").contains("responder: not tested")
                .doesNotContain("none matched");
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

    /** Main Mode PSK mismatch with the key log: each peer's own key named, both tested, exit 0. */
    @Test
    void mainModeNamesEachPeersLine() throws Exception {
        Path c = candidates("hunter2", "correct horse battery staple", "Correct horse battery staple",
                "a different secret");
        Run r = DiagnoseCommandTest.run(temp.resolve("out.txt"), "psk-check", "--candidates", c.toString(), "-k",
                sample("ikev1-main-psk-mismatch.keys.log").toString(), sampleCapture("ikev1-main-psk-mismatch").toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isEqualTo(ExitCodes.OK);
        assertThat(r.output()).contains("IKEv1 main mode").contains("HMAC-SHA2-256")
                .containsPattern("initiator: candidate line 2 \\([0-9a-f]{8}\\)")
                .containsPattern("responder: candidate line 4 \\([0-9a-f]{8}\\)")
                .doesNotContain("horse").doesNotContain("different");
    }

    @Test
    void mainModeWithoutTheRightKeysSaysNoneMatchedAndExitsOne() throws Exception {
        Path c = candidates("hunter2", "Correct horse battery staple");
        Run r = DiagnoseCommandTest.run(temp.resolve("out.txt"), "psk-check", "--candidates", c.toString(), "-k",
                sample("ikev1-main-psk-ok.keys.log").toString(), sampleCapture("ikev1-main-psk-ok").toString());
        assertThat(r.status()).isEqualTo(ExitCodes.NEGOTIATION_FAILED);
        assertThat(r.output()).contains("initiator: none matched").contains("responder: none matched");
    }

    /** --candidate values are named by their position among the options; JSON says so in matchFrom. */
    @Test
    void candidateOptionsAreNamedByPosition() throws Exception {
        Path c = candidates("hunter2");
        Run r = DiagnoseCommandTest.run(temp.resolve("out.json"), "psk-check", "-f", "json", "--candidates",
                c.toString(), "--candidate", "a different secret", "--candidate", "correct horse battery staple",
                "-k", sample("ikev1-main-psk-mismatch.keys.log").toString(),
                sampleCapture("ikev1-main-psk-mismatch").toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isEqualTo(ExitCodes.OK);
        assertThat(r.output()).doesNotContain("horse").doesNotContain("different");
        JsonNode main = new ObjectMapper().readTree(r.output()).get("negotiations").get(0);
        assertThat(main.get("exchangeMode").asString()).isEqualTo("main");
        assertThat(main.get("initiator").get("match").asInt()).isEqualTo(2);
        assertThat(main.get("initiator").get("matchFrom").asString()).isEqualTo("option");
        assertThat(main.get("responder").get("match").asInt()).isEqualTo(1);
        assertThat(main.get("responder").get("matchFrom").asString()).isEqualTo("option");
    }

    @Test
    void aFileMatchSaysFileAndTextNamesAnOptionByNumber() throws Exception {
        Path c = candidates("a different secret");
        Run r = DiagnoseCommandTest.run(temp.resolve("out.txt"), "psk-check", "--candidates", c.toString(),
                "--candidate", "correct horse battery staple", "-k",
                sample("ikev1-main-psk-mismatch.keys.log").toString(), sampleCapture("ikev1-main-psk-mismatch").toString());
        assertThat(r.output()).contains("initiator: --candidate number 1 (").contains("responder: candidate line 1 (");
    }

    @Test
    void noCandidatesAtAllIsBadInput() throws Exception {
        Run r = DiagnoseCommandTest.run(temp.resolve("out.txt"), "psk-check",
                sampleCapture("ikev1-main-psk-ok").toString());
        assertThat(r.status()).isEqualTo(ExitCodes.USAGE_OR_INPUT);
        assertThat(r.err()).contains("--candidates FILE or --candidate VALUE").doesNotContain("Exception");
        assertThat(r.err().strip().lines()).hasSize(1);
    }
}
