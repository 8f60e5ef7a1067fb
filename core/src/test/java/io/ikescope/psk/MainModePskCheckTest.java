package io.ikescope.psk;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.testsupport.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * IKEv1 Main Mode on the lab's samples with parts of their key logs: the initiator's log alone (what a user has
 * of her own gateway), without the Diffie-Hellman secret (then the peers' own SKEYIDs), without either.
 */
class MainModePskCheckTest {
    private static final String MISMATCH = "ikev1-main-psk-mismatch";
    private static final String OK = "ikev1-main-psk-ok";

    @TempDir
    Path dir;

    /** Decoys around the two lab keys: lines 1-2 decoys, 3 the initiator's key, 4 a decoy, 5 the responder's. */
    private List<PskCandidate> candidates(String sample) throws IOException {
        String initiator = LabSecrets.of(sample, "initiator");
        String responder = LabSecrets.of(sample, "responder");
        List<String> lines = new ArrayList<>(List.of("Correct horse battery staple", "a different secre", initiator,
                "hunter2"));
        if (!responder.equals(initiator)) {
            lines.add(responder);
        }
        Path file = dir.resolve(sample + ".candidates");
        Files.write(file, lines);
        return PskCandidates.read(file);
    }

    /**
     * The initiator's lines of a sample key log (make-samples writes the initiator's, then the responder's,
     * whose first line is its IKE SA manager taking MM1 "by message" with a zero responder SPI), minus the
     * dumps named in {@code drop}.
     */
    private Path initiatorLog(String sample, String... drop) throws IOException {
        List<String> out = new ArrayList<>();
        boolean dropping = false;
        for (String line : Files.readAllLines(TestPaths.sample(sample + ".keys.log"))) {
            if (line.matches(".*checkout IKEv1 SA by message with SPIs [0-9a-f]{16}_i 0{16}_r")) {
                break;
            }
            if (line.contains(" bytes @ ")) {
                dropping = false;
                for (String name : drop) {
                    dropping |= line.contains("] <lab|1> " + name + " => ");
                }
            } else if (!line.matches(".*<lab\\|1> +\\d+: .*")) {
                dropping = false;
            }
            if (!dropping) {
                out.add(line);
            }
        }
        Path log = dir.resolve(sample + "-initiator.log");
        Files.write(log, out);
        return log;
    }

    private static PskVerdict check(String sample, List<PskCandidate> candidates, List<Path> keys)
            throws IOException {
        List<PskVerdict> verdicts = PskChecker.of(candidates, keys).check(TestPaths.sampleCapture(sample));
        assertThat(verdicts).hasSize(1);
        return verdicts.get(0);
    }

    @Test
    void theInitiatorsLogAloneNamesBothPeersKeys() throws IOException {
        Path log = initiatorLog(MISMATCH);
        assertThat(Files.readString(log)).contains("shared Diffie Hellman secret").doesNotContain("<1>");
        PskVerdict v = check(MISMATCH, candidates(MISMATCH), List.of(log));
        assertThat(v.exchangeMode()).isEqualTo("main");
        assertThat(v.prf()).isEqualTo("HMAC-SHA2-256");
        // the DH secret is shared: the responder's Informational is tested with it too
        assertThat(v.initiator().match()).isEqualTo(3);
        assertThat(v.responder().match()).isEqualTo(5);
        assertThat(v.responder().fingerprint()).isNotEqualTo(v.initiator().fingerprint());
    }

    @Test
    void aSuccessNamesTheOneKeyForBoth() throws IOException {
        PskVerdict v = check(OK, candidates(OK), List.of(initiatorLog(OK)));
        assertThat(v.initiator().match()).isEqualTo(3);
        assertThat(v.responder().match()).isEqualTo(3);
    }

    @Test
    void withoutTheRightKeyNoneMatched() throws IOException {
        List<PskCandidate> decoys = candidates(MISMATCH).stream().filter(c -> c.line() != 3 && c.line() != 5).toList();
        PskVerdict v = check(MISMATCH, decoys, List.of(initiatorLog(MISMATCH)));
        assertThat(v.initiator().noneMatchedResult()).isTrue();
        assertThat(v.responder().noneMatchedResult()).isTrue();
    }

    /** Without the DH secret a peer's logged SKEYID stands in, and only the peer whose log it is gets tested. */
    @Test
    void withoutTheDhSecretTheInitiatorsOwnSkeyidIsTested() throws IOException {
        Path log = initiatorLog(MISMATCH, "shared Diffie Hellman secret");
        assertThat(Files.readString(log)).doesNotContain("Diffie").contains("SKEYID =>");
        PskVerdict v = check(MISMATCH, candidates(MISMATCH), List.of(log));
        assertThat(v.initiator().match()).isEqualTo(3);
        assertThat(v.responder().tested()).isFalse();
        assertThat(v.responder().why()).contains("no shared Diffie Hellman secret")
                .contains("the responder's message");
    }

    /** Both peers' logs without the DH secret: each own SKEYID names its peer's key. */
    @Test
    void withoutTheDhSecretBothLogsNameBothKeys() throws IOException {
        Path log = dir.resolve("both.log");
        List<String> kept = new ArrayList<>();
        boolean dropping = false;
        for (String line : Files.readAllLines(TestPaths.sample(MISMATCH + ".keys.log"))) {
            if (line.contains(" => ")) {
                dropping = line.contains("shared Diffie Hellman secret");
            } else if (!line.matches(".*> +\\d+: .*")) {
                dropping = false;
            }
            if (!dropping) {
                kept.add(line);
            }
        }
        Files.write(log, kept);
        PskVerdict v = check(MISMATCH, candidates(MISMATCH), List.of(log));
        assertThat(v.initiator().match()).isEqualTo(3);
        assertThat(v.responder().match()).isEqualTo(5);
    }

    @Test
    void aKeyLogWithoutDhSecretOrSkeyidTestsNothingAndSaysWhy() throws IOException {
        Path log = initiatorLog(MISMATCH, "shared Diffie Hellman secret", "SKEYID");
        assertThat(Files.readString(log)).doesNotContain("Diffie").doesNotContain("SKEYID =>");
        PskVerdict v = check(MISMATCH, candidates(MISMATCH), List.of(log));
        for (PeerResult r : List.of(v.initiator(), v.responder())) {
            assertThat(r.tested()).isFalse();
            assertThat(r.match()).isNull();
            assertThat(r.why()).contains("no shared Diffie Hellman secret");
        }
    }

    @Test
    void withoutAKeyLogMainModeIsNotTested() throws IOException {
        PskVerdict v = check(MISMATCH, candidates(MISMATCH), List.of());
        assertThat(v.initiator().tested()).isFalse();
        assertThat(v.initiator().why()).contains("needs a key log (-k)");
    }

    /** libreswan answers an MM5 it cannot decrypt with MM4 again: nothing it sent depends on its key. */
    @Test
    void aResponderThatSentNothingEncryptedIsNotTested() throws IOException {
        String sample = "libreswan-ikev1-main-psk-mismatch";
        PskVerdict v = check(sample, candidates(sample), List.of(TestPaths.sample(sample + ".keys.log")));
        assertThat(v.initiator().match()).isEqualTo(3);
        assertThat(v.responder().tested()).isFalse();
        assertThat(v.responder().why()).contains("sent no encrypted message");
    }
}
