package io.ikescope.cli.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ikescope.testsupport.TestPaths;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The probe lab's IKEv2 truth files checked without the probe: lab/ikev2-init.py sends one IKE_SA_INIT per
 * combination (with a real KE value of its group) and gets an SA back for each one expected.json lists, and
 * NO_PROPOSAL_CHOSEN for its neighbours (other cipher, PRF or group). ike-scan cannot do this: it sends only its
 * default IKEv2 proposal.
 */
class Ikev2TruthTest {
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(90);

    /** Per test, so that surefire reports each skip with its reason. */
    @BeforeEach
    void lab() {
        ProbeLab.assumeLab();
        ProbeLab.Run python = ProbeLab.run(Duration.ofSeconds(20), List.of(ProbeLab.python(), "-c", "import cryptography"));
        assumeTrue(python.exitCode() == 0, "python3 with the cryptography module (Debian python3-cryptography) is "
                + "missing: lab/ikev2-init.py needs it; skipping");
    }

    @AfterEach
    void down() {
        ProbeLab.down();
    }

    /** The IKEv2 sets (ikev2-init.py answers a COOKIE demand by sending the request again with it). */
    static Stream<String> ikev2Sets() {
        return Stream.of("strongswan-v2-a", "strongswan-v2-b", "strongswan-v2-cookie", "strongswan-v6", "libreswan-v2-a");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ikev2Sets")
    void everyListedCombinationAndNoNeighbourIsAccepted(String set) {
        ProbeLab.Responder r = ProbeLab.up(set);
        ProbeLab.Run check = ikev2Init(r.address(), "--expected", r.dir().resolve("expected.json").toString());
        assertThat(check.exitCode()).as("%s: %s", set, check.describe()).isZero();
        assertThat(check.out()).as(set).contains("ikev2-init: 0 disagreements");
    }

    /** cookie_threshold 1 and the half-open IKE SA `up` leaves: even the first request must come with a COOKIE. */
    @Test
    void cookieSetDemandsACookieFromTheFirstRequestOn() {
        ProbeLab.Responder r = ProbeLab.up("strongswan-v2-cookie");
        assertThat(r.expected().get("cookie").asBoolean()).isTrue();
        String out = ikev2Init(r.address(), "AES-CBC-256", "PRF-HMAC-SHA2-256", "HMAC-SHA2-256-128", "14").out();
        assertThat(out).startsWith("cookie demanded").contains("\naccepted");
    }

    private static ProbeLab.Run ikev2Init(String address, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(ProbeLab.python(),
                TestPaths.repositoryRoot().resolve("lab/ikev2-init.py").toString(), address));
        command.addAll(List.of(args));
        ProbeLab.Run run = ProbeLab.inProber(RUN_TIMEOUT, command);
        assertThat(run.timedOut()).as(run.describe()).isFalse();
        return run;
    }
}
