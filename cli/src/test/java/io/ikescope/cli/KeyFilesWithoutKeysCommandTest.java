package io.ikescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.testsupport.TestPaths;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A key file that holds nothing for the capture does not stop diagnose or dissect: the run goes on without
 * those keys and the report says what the file holds (a charon log of a negotiation that failed before any key
 * was derived, keys for other IKE SAs). {@code keys}, which has nothing to write then, still ends with status 2,
 * its one line saying the same. Real lab runs: core/src/test/resources/charon/ikev2-proposal-mismatch and
 * ikev2-no-response (strongSwan 5.9.8, ike = 4).
 */
class KeyFilesWithoutKeysCommandTest {
    private static final String PROPOSAL_MISMATCH_WHY = ": a charon log with IKE debug output (line 98: queueing"
            + " IKE_VENDOR task) but no key dumps: no keys were derived in it: the negotiations it logs failed before"
            + " key derivation (IKEv2 SA 34162c71777238fa_i 0000000000000000_r); line 147: received NO_PROPOSAL_CHOSEN"
            + " notify error";

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new ByteArrayInputStream(new byte[0]), out, err, args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Path charon(String scenario, String file) {
        return TestPaths.repositoryRoot().resolve("core/src/test/resources/charon").resolve(scenario).resolve(file);
    }

    @Test
    void diagnoseGoesOnWithALogOfARefusedProposalAndReportsWhyItHoldsNoKeys() throws Exception {
        Path log = charon("ikev2-proposal-mismatch", "initiator.log");
        Path capture = charon("ikev2-proposal-mismatch", "capture.pcap");
        Run text = run("diagnose", "-k", log.toString(), capture.toString());
        assertThat(text.exit()).as(text.err()).isEqualTo(1); // ran: the negotiation failed
        assertThat(text.out()).contains("VERDICT  PROPOSAL_MISMATCH")
                .contains("\n  warning: " + log + PROPOSAL_MISMATCH_WHY + "\n");
        assertThat(text.errLines()).containsExactly("ikescope: warning: " + log + PROPOSAL_MISMATCH_WHY);

        Run json = run("diagnose", "-f", "json", "-k", log.toString(), capture.toString());
        assertThat(json.exit()).isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(json.out());
        assertThat(report.get("inputs").get(0).get("warnings").get(0).asString()).isEqualTo(log + PROPOSAL_MISMATCH_WHY);
        assertThat(report.get("inputs").get(0).get("warnings")).hasSize(1); // the log is this capture's: SPIs agree
        assertThat(report.get("negotiations").get(0).get("verdict").get("code").asString()).isEqualTo("PROPOSAL_MISMATCH");
    }

    @Test
    void dissectGoesOnWithTheLogsOfAnUnansweredInitiatorAndOfAResponderThatNeverRan() {
        Path initiator = charon("ikev2-no-response", "initiator.log");
        Path responder = charon("ikev2-no-response", "responder.log");
        Run r = run("dissect", "-k", initiator.toString(), "-k", responder.toString(),
                charon("ikev2-no-response", "capture.pcap").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("IKE_SA_INIT");
        assertThat(r.errLines()).containsExactly("ikescope: warning: " + initiator + ": a charon log with IKE debug"
                + " output (line 98: queueing IKE_VENDOR task) but no key dumps: no keys were derived in it: the"
                + " negotiations it logs failed before key derivation (IKEv2 SA aaf2083c50c50193_i 0000000000000000_r);"
                + " line 158: establishing IKE_SA failed, peer not responding",
                "ikescope: warning: " + responder + ": empty file: no key material");
    }

    @Test
    void keysOfAnotherRunAreNamedWithTheirSpis() throws Exception {
        Path keys = TestPaths.sample("ikev2-psk-ok.keys.log");
        Path capture = TestPaths.sampleCapture("ikev2-ts-mismatch");
        Run json = run("diagnose", "-f", "json", "-k", keys.toString(), capture.toString());
        assertThat(json.exit()).as(json.err()).isEqualTo(1);
        JsonNode warnings = new ObjectMapper().readTree(json.out()).get("inputs").get(0).get("warnings");
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).asString()).isEqualTo(keys + ": holds keys for IKEv2 SA cda76182d61c1b13_i"
                + " 3a267daf1fc57bb1_r, IKEv2 SA 75384736e811304f_i 2685e51b8ba7d480_r but for none of the IKE SAs in"
                + " this capture (1 IKE SA, initiator SPI 275833517a19107d): the keys of another run or another VPN?");

        Run dissect = run("dissect", "-k", keys.toString(), capture.toString());
        assertThat(dissect.exit()).isZero();
        assertThat(dissect.errLines()).containsExactly("ikescope: " + capture + ": warning: " + warnings.get(0).asString());
    }

    @Test
    void keysStillEndsWithStatusTwoWhenNoRowCanBeWrittenSayingWhatTheFilesHold() {
        Path log = charon("ikev2-proposal-mismatch", "initiator.log");
        Run one = run("keys", log.toString());
        assertThat(one.exit()).isEqualTo(2);
        assertThat(one.out()).isEmpty();
        assertThat(one.errLines()).containsExactly("ikescope: " + log + PROPOSAL_MISMATCH_WHY);

        Path empty = charon("ikev2-no-response", "responder.log");
        Run two = run("keys", log.toString(), empty.toString());
        assertThat(two.exit()).isEqualTo(2);
        assertThat(two.errLines()).containsExactly("ikescope: no key material in any of the 2 key files: " + log
                + PROPOSAL_MISMATCH_WHY + "; " + empty + ": empty file: no key material");
    }

    @Test
    void unreadableKeyFilesStillStopTheRunWithOneLine() throws Exception {
        Path capture = charon("ikev2-proposal-mismatch", "capture.pcap");
        Path badHex = Files.writeString(dir.resolve("ikev1_decryption_table"), "34162c71777238fa,00zz\n");
        Run hex = run("diagnose", "-k", badHex.toString(), capture.toString());
        assertThat(hex.exit()).isEqualTo(2);
        assertThat(hex.out()).isEmpty();
        assertThat(hex.errLines()).singleElement().asString().startsWith("ikescope: " + badHex + ":1: ");
        Path missing = dir.resolve("initiator.log");
        Run gone = run("dissect", "-k", missing.toString(), capture.toString());
        assertThat(gone.exit()).isEqualTo(2);
        assertThat(gone.errLines()).containsExactly("ikescope: " + missing + ": no such file");
    }
}
