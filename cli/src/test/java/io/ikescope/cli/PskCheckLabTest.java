package io.ikescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.cli.DiagnoseCommandTest.Run;
import io.ikescope.testsupport.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * psk-check on a Main Mode PSK mismatch the lab runs now ({@code lab/run.sh ikev1-main-psk-mismatch}, into a
 * directory of its own so lab/out keeps the full run's captures): new SPIs, nonces and DH secret, checked with the
 * initiator's whole charon log as a user has it. Runs only as root with the lab's strongSwan; skips otherwise.
 */
class PskCheckLabTest {
    private static final String SCENARIO = "ikev1-main-psk-mismatch";
    private static final Pattern SECRET = Pattern.compile("secret\\s*=\\s*\"([^\"]*)\"");

    @TempDir
    static Path labOut;

    private static Path run;

    @BeforeAll
    static void runTheLab() throws Exception {
        Path script = LabScript.orSkip();
        ProcessBuilder pb = new ProcessBuilder(script.toString(), SCENARIO).redirectErrorStream(true)
                .redirectOutput(labOut.resolve("run.txt").toFile());
        pb.environment().put("LAB_OUT_DIR", labOut.toString());
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroy();
            throw new AssertionError("lab/run.sh " + SCENARIO + " did not finish in 120 s");
        }
        String output = Files.readString(labOut.resolve("run.txt"));
        assertThat(p.exitValue()).as(output).isZero();
        run = labOut.resolve(SCENARIO);
        assertThat(Files.readString(run.resolve("status")).strip()).as(output).isEqualTo("PASS");
    }

    private static String labKey(String side) throws IOException {
        Path conf = TestPaths.repositoryRoot().resolve("lab/scenarios").resolve(SCENARIO)
                .resolve(side + ".swanctl.conf");
        Matcher m = SECRET.matcher(Files.readString(conf));
        assertThat(m.find()).as("a secret in " + conf).isTrue();
        return m.group(1);
    }

    private Run check(Path candidates) throws Exception {
        return DiagnoseCommandTest.run(labOut.resolve("out.txt"), "psk-check", "--candidates", candidates.toString(),
                "-k", run.resolve("initiator.log").toString(), run.resolve("capture.pcap").toString());
    }

    @Test
    void theInitiatorsLogNamesBothPeersKeysOrNone() throws Exception {
        String initiator = labKey("initiator");
        String responder = labKey("responder");
        assertThat(initiator).isNotEqualTo(responder);
        Path candidates = labOut.resolve("candidates.txt");
        Files.write(candidates, List.of("hunter2", responder, initiator.toUpperCase(), initiator));
        Run r = check(candidates);
        assertThat(r.status()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.output()).contains("IKEv1 main mode").contains("initiator: candidate line 4 (")
                .contains("responder: candidate line 2 (").doesNotContain(initiator).doesNotContain(responder);

        Files.write(candidates, List.of("hunter2", initiator.toUpperCase()));
        Run none = check(candidates);
        assertThat(none.status()).isEqualTo(ExitCodes.NEGOTIATION_FAILED);
        assertThat(none.output()).contains("initiator: none matched").contains("responder: none matched");
    }
}
