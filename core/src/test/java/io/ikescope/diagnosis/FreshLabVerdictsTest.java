package io.ikescope.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.session.Negotiation;
import io.ikescope.session.Reconstruct;
import io.ikescope.testsupport.TestPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The captures the lab has just made (lab/out/NAME, written by {@code lab/run.sh}, which CI runs before the
 * tests): not the committed samples but new negotiations with new SPIs, keys and timing. Each scenario that passed
 * its daemon-log check is diagnosed with the daemons' own logs as key material (the scenario's folder, as a user
 * would pass it with -k) and must get the expected verdict written in lab/scenarios/NAME/expect, with the same
 * certainty rules as the committed samples; without keys, the expected code or UNDETERMINED, never another one.
 */
class FreshLabVerdictsTest {

    @Test
    void everyFreshLabCaptureGetsItsScenariosVerdict() throws Exception {
        Path out = TestPaths.repositoryRoot().resolve("lab/out");
        Assumptions.assumeTrue(Files.isDirectory(out), "no fresh lab captures in " + out + " (run lab/run.sh --all as root)");
        List<Path> runs;
        try (Stream<Path> dirs = Files.list(out)) {
            runs = dirs.filter(d -> Files.isRegularFile(d.resolve("capture.pcap"))).filter(FreshLabVerdictsTest::passed)
                    .sorted().toList();
        }
        Assumptions.assumeTrue(!runs.isEmpty(), "no passed lab scenario in " + out);
        SoftAssertions soft = new SoftAssertions();
        List<String> table = new ArrayList<>();
        for (Path run : runs) {
            String name = run.getFileName().toString();
            String expected = expected(name);
            Path capture = run.resolve("capture.pcap");
            List<String> withKeys = new ArrayList<>();
            boolean keyed = hasKeys(run);
            if (keyed) {
                Certainty certainty = KeyedSampleVerdictsTest.INFERRED_EVEN_WITH_KEYS.containsKey(name)
                        ? Certainty.INFERRED : Certainty.CONFIRMED;
                List<Negotiation> negotiations = Reconstruct.runWithKeys(capture, List.of(run)).negotiations();
                soft.assertThat(negotiations).as(name + ": negotiations")
                        .hasSize(KeyedSampleVerdictsTest.NEGOTIATIONS.getOrDefault(name, 1));
                for (Negotiation n : negotiations) {
                    Verdict v = Diagnoser.diagnose(n).verdict();
                    withKeys.add(v.code() + "/" + v.certainty().jsonName());
                    soft.assertThat(v.code().name()).as(name + " with keys: " + v.summary()).isEqualTo(expected);
                    soft.assertThat(v.certainty()).as(name + " with keys, certainty: " + v.summary()).isEqualTo(certainty);
                }
            }
            List<String> withoutKeys = new ArrayList<>();
            for (Negotiation n : Reconstruct.run(capture).negotiations()) {
                Verdict v = Diagnoser.diagnose(n).verdict();
                withoutKeys.add(v.code() + "/" + v.certainty().jsonName());
                soft.assertThat(v.code().name()).as(name + " without keys: " + v.summary())
                        .isIn(expected, VerdictCode.UNDETERMINED.name());
            }
            table.add(String.format("%-36s %-18s keys: %-40s no keys: %s", name, expected,
                    keyed ? String.join(",", withKeys.stream().distinct().toList()) : "(none logged)",
                    String.join(",", withoutKeys.stream().distinct().toList())));
        }
        table.forEach(System.out::println);
        assertThat(runs).as("fresh lab scenarios").hasSizeGreaterThanOrEqualTo(20);
        soft.assertAll();
    }

    private static boolean passed(Path run) {
        try {
            return Files.readString(run.resolve("status")).strip().equals("PASS");
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** A charon log with key dumps (refused-before-keys scenarios and libreswan responders log none). */
    private static boolean hasKeys(Path run) throws java.io.IOException {
        for (String side : List.of("initiator.log", "responder.log")) {
            Path log = run.resolve(side);
            if (Files.isRegularFile(log) && Files.readString(log).matches("(?s).*(Sk_ei secret|encryption key Ka).*")) {
                return true;
            }
        }
        return false;
    }

    private static String expected(String scenario) throws java.io.IOException {
        Path expect = TestPaths.repositoryRoot().resolve("lab/scenarios").resolve(scenario).resolve("expect");
        return Files.readAllLines(expect).stream().filter(l -> l.startsWith("expected:"))
                .map(l -> l.substring("expected:".length()).strip()).findFirst()
                .orElseThrow(() -> new AssertionError(expect + " names no expected verdict"));
    }
}
