package io.ikescope.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.config.PeerConfig;
import io.ikescope.diagnosis.VerdictCode;
import io.ikescope.testsupport.TestPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The lab matrix's combinations (lab/out/matrix/ID, written by {@code lab/matrix.sh}; CI samples them before the
 * tests): each run's generated configurations (config/, strongSwan swanctl.conf or libreswan ipsec.conf on either
 * side) checked with the initiator's as A predict the cause its daemons logged (truth: {@code root-cause}).
 * Network failures (NAT-T blocked) are not in the configurations: those check as ESTABLISHED.
 */
class MatrixCheckTest {
    private static final Set<String> NOT_IN_CONFIGURATIONS = Set.of("NO_RESPONSE", "NAT_T_BLOCKED",
            "FRAGMENTATION_LOSS");

    @Test
    void everyMatrixCombinationsConfigurationsPredictItsLoggedCause() throws Exception {
        Path matrix = TestPaths.repositoryRoot().resolve("lab/out/matrix");
        Assumptions.assumeTrue(Files.isDirectory(matrix),
                "no lab matrix output in " + matrix + " (run lab/matrix.sh --all, or --seed N --count K, as root)");
        List<Path> runs;
        try (Stream<Path> dirs = Files.list(matrix)) {
            // r-none: no responder daemon, no responder configuration
            runs = dirs.filter(d -> Files.isRegularFile(d.resolve("truth")) && !d.getFileName().toString()
                    .contains(".r-none.")).sorted().toList();
        }
        Assumptions.assumeTrue(!runs.isEmpty(), "no matrix combination with two daemons in " + matrix);
        SoftAssertions soft = new SoftAssertions();
        int checked = 0;
        for (Path run : runs) {
            String id = run.getFileName().toString();
            String cause = truth(run, "root-cause");
            String expected = NOT_IN_CONFIGURATIONS.contains(cause) ? "ESTABLISHED" : cause;
            PeerConfig a = LabConfigs.peer(run.resolve("config"), "initiator");
            PeerConfig b = LabConfigs.peer(run.resolve("config"), "responder");
            CheckReport report = CheckSimulator.check(a, b, null);
            List<SimulatedNegotiation> fromA = report.negotiations().stream()
                    .filter(n -> n.initiator() == Side.A && n.simulated()).toList();
            soft.assertThat(fromA).as(id + ": A's connections initiate").isNotEmpty();
            for (SimulatedNegotiation n : fromA) {
                soft.assertThat(n.verdict()).as(id + ": " + LabScenarioCheckTest.describe(n))
                        .isEqualTo(VerdictCode.valueOf(expected));
            }
            checked++;
        }
        System.out.println("MatrixCheckTest: " + checked + " matrix combinations checked");
        soft.assertAll();
        assertThat(checked).isPositive();
    }

    private static String truth(Path run, String key) throws Exception {
        for (String line : Files.readAllLines(run.resolve("truth"))) {
            if (line.startsWith(key + ":")) {
                return line.substring(key.length() + 1).trim();
            }
        }
        throw new AssertionError(run + "/truth has no " + key);
    }
}
