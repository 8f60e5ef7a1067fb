package io.ikescope.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.session.Negotiation;
import io.ikescope.session.Reconstruct;
import io.ikescope.testsupport.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The lab matrix's fresh combinations (lab/out/matrix/ID, written by {@code lab/matrix.sh}, which CI samples before
 * the tests): the same failure scenarios with strongSwan or libreswan on either side, with or without a NAT in front
 * of the initiator, with or without forced UDP encapsulation, each captured at the initiator, at the router between
 * the peers and at the responder. Each combination that passed its daemon-log check carries its truth
 * (lab/out/matrix/ID/truth: {@code expected: CODE}). For each of its three captures:
 * <ul>
 * <li>with key material from each strongSwan side's log separately (libreswan logs no keys): the expected code,
 * confirmed, except where no message can state it ({@link #INFERRED_EVEN_WITH_KEYS}) or that side's keys cannot
 * decrypt the message that states it ({@link #INFERRED_WITH_KEYS_OF});</li>
 * <li>without keys: the expected code or UNDETERMINED, never another code.</li>
 * </ul>
 * Prints the table, and the share of combination x capture cases whose verdict without keys is the expected code
 * (target {@link #TARGET_EXACT_SHARE} over the whole matrix; printed, not asserted). The failing cases are also written to core/target/matrix-failures.txt.
 */
class MatrixVerdictsTest {

    static final List<String> CAPTURE_POINTS = List.of("initiator", "router", "responder");

    static final double TARGET_EXACT_SHARE = 0.75;

    /**
     * Matrix scenarios whose verdict stays inferred with keys, and why (as KeyedSampleVerdictsTest's list for the
     * samples these scenarios generalise).
     */
    static final Map<String, String> INFERRED_EVEN_WITH_KEYS = Map.of(
            "v1-main-psk-mismatch", "the responder cannot decrypt MM5: strongSwan says PAYLOAD-MALFORMED, libreswan"
                    + " only re-sends MM4; no message names an authentication failure, and one side's log decrypts"
                    + " only that side's own messages (the two derived different keys)",
            "v1-natt-blocked", "MM5 on UDP 4500 is never answered: silence is the evidence",
            "v2-natt-blocked", "IKE_AUTH on UDP 4500 is never answered: silence is the evidence",
            "v1-no-response", "nothing is answered: silence is the evidence (and no keys are derived)",
            "v2-no-response", "nothing is answered: silence is the evidence (and no keys are derived)");

    /**
     * Keys from one side's log that cannot confirm the verdict although the other side's can: combinations named
     * by an ID prefix and the side, and why. In an IKEv1 PSK mismatch each side derived its own keys, so its log
     * decrypts only its own messages.
     */
    static final Map<String, String> INFERRED_WITH_KEYS_OF = Map.of(
            "v1-aggr-psk-mismatch.i-strongswan. responder", "the strongSwan initiator states the failure in an"
                    + " AUTH_FAILED notify encrypted with its own keys; the responder's log holds the keys derived"
                    + " from the other PSK and cannot decrypt it");

    static Certainty certaintyWithKeys(String id, String side, Certainty scenarioCertainty) {
        for (String key : INFERRED_WITH_KEYS_OF.keySet()) {
            String[] prefixAndSide = key.split(" ");
            if (id.startsWith(prefixAndSide[0]) && side.equals(prefixAndSide[1])) {
                return Certainty.INFERRED;
            }
        }
        return scenarioCertainty;
    }

    record Case(String combination, String point, String expected, List<String> withKeys, List<String> withoutKeys,
            List<String> failures, boolean exactWithoutKeys) {
    }

    @Test
    void everyMatrixCombinationAtEveryCapturePointGetsItsTruth() throws Exception {
        Path matrix = TestPaths.repositoryRoot().resolve("lab/out/matrix");
        Assumptions.assumeTrue(Files.isDirectory(matrix),
                "no lab matrix output in " + matrix + " (run lab/matrix.sh --all, or --seed N --count K, as root)");
        List<Path> runs;
        try (Stream<Path> dirs = Files.list(matrix)) {
            runs = dirs.filter(d -> Files.isRegularFile(d.resolve("truth"))).filter(MatrixVerdictsTest::passed)
                    .sorted().toList();
        }
        Assumptions.assumeTrue(!runs.isEmpty(), "no passed matrix combination in " + matrix);
        SoftAssertions soft = new SoftAssertions();
        List<Case> cases = new ArrayList<>();
        for (Path run : runs) {
            String id = run.getFileName().toString();
            String scenario = id.substring(0, id.indexOf('.'));
            String expected = truth(run, "expected");
            Certainty certainty = INFERRED_EVEN_WITH_KEYS.containsKey(scenario) ? Certainty.INFERRED
                    : Certainty.CONFIRMED;
            for (String point : CAPTURE_POINTS) {
                Path capture = run.resolve("capture-" + point + ".pcap");
                List<String> failures = new ArrayList<>();
                if (!Files.isRegularFile(capture)) {
                    failures.add("no capture " + capture.getFileName());
                    soft.fail(id + " @" + point + ": no capture");
                    cases.add(new Case(id, point, expected, List.of(), List.of(), failures, false));
                    continue;
                }
                List<String> withKeys = new ArrayList<>();
                for (String side : List.of("initiator", "responder")) {
                    Path log = run.resolve(side + ".log");
                    if (!hasKeys(log)) {
                        continue;
                    }
                    Certainty sideCertainty = certaintyWithKeys(id, side, certainty);
                    List<Negotiation> negotiations = Reconstruct.runWithKeys(capture, List.of(log)).negotiations();
                    if (negotiations.isEmpty()) {
                        withKeys.add(side.charAt(0) + ":(no negotiation)");
                        failures.add("keys from " + side + ".log: no negotiation found");
                        soft.fail(id + " @" + point + " keys from " + side + ": no negotiation");
                    }
                    // Where no message states the outcome, keys add no evidence: UNDETERMINED stays allowed, as without.
                    List<String> allowed = certainty == Certainty.INFERRED
                            ? List.of(expected, VerdictCode.UNDETERMINED.name()) : List.of(expected);
                    for (Negotiation n : negotiations) {
                        Verdict v = Diagnoser.diagnose(n).verdict();
                        withKeys.add(side.charAt(0) + ":" + v.code() + "/" + v.certainty().jsonName());
                        String as = id + " @" + point + " keys from " + side + ".log: " + v.summary();
                        if (!allowed.contains(v.code().name()) || v.certainty() != sideCertainty) {
                            failures.add("keys from " + side + ".log: expected " + String.join(" or ", allowed) + "/"
                                    + sideCertainty.jsonName() + ", got " + v.code() + "/" + v.certainty().jsonName()
                                    + ": " + v.summary());
                        }
                        soft.assertThat(v.code().name()).as(as).isIn(allowed);
                        soft.assertThat(v.certainty()).as(as + " (certainty)").isEqualTo(sideCertainty);
                    }
                }
                List<String> withoutKeys = new ArrayList<>();
                List<Negotiation> negotiations = Reconstruct.run(capture).negotiations();
                boolean exact = !negotiations.isEmpty();
                if (negotiations.isEmpty()) {
                    withoutKeys.add("(no negotiation)");
                    failures.add("without keys: no negotiation found");
                    soft.fail(id + " @" + point + " without keys: no negotiation");
                }
                for (Negotiation n : negotiations) {
                    Verdict v = Diagnoser.diagnose(n).verdict();
                    withoutKeys.add(v.code() + "/" + v.certainty().jsonName());
                    exact &= v.code().name().equals(expected);
                    if (!v.code().name().equals(expected) && v.code() != VerdictCode.UNDETERMINED) {
                        failures.add("without keys: expected " + expected + " or UNDETERMINED, got " + v.code()
                                + ": " + v.summary());
                    }
                    soft.assertThat(v.code().name()).as(id + " @" + point + " without keys: " + v.summary())
                            .isIn(expected, VerdictCode.UNDETERMINED.name());
                }
                cases.add(new Case(id, point, expected, withKeys, withoutKeys, failures, exact));
            }
        }
        long exact = cases.stream().filter(Case::exactWithoutKeys).count();
        double share = cases.isEmpty() ? 0 : (double) exact / cases.size();
        print(cases, runs.size(), exact, share);
        writeFailures(cases);
        // The 75 % target is over the whole matrix (lab/matrix.sh --all), not over CI's random sample: printed,
        // not asserted (measured 65 % over 196 combinations on 2026-12-01; see the README).
        soft.assertAll();
    }

    private static void print(List<Case> cases, int combinations, long exact, double share) {
        System.out.println("Lab matrix: " + combinations + " passed combinations, " + cases.size() + " captures");
        System.out.printf("%-66s %-9s %-17s %-58s %s%n", "combination", "capture", "expected", "with keys",
                "without keys");
        for (Case c : cases) {
            System.out.printf("%-66s %-9s %-17s %-58s %s%s%n", c.combination(), c.point(), c.expected(),
                    c.withKeys().isEmpty() ? "(no keys logged)" : String.join(",", c.withKeys()),
                    String.join(",", c.withoutKeys().stream().distinct().toList()),
                    c.failures().isEmpty() ? "" : "  WRONG");
        }
        System.out.printf("without keys = expected code: %d of %d (%.1f %%, target %.0f %%); cases with a failure: %d%n",
                exact, cases.size(), 100 * share, 100 * TARGET_EXACT_SHARE,
                cases.stream().filter(c -> !c.failures().isEmpty()).count());
    }

    private static void writeFailures(List<Case> cases) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# MatrixVerdictsTest: failing combination x capture cases (combination, capture point, expected,"
                + " what diagnose said with its summary)");
        for (Case c : cases) {
            for (String f : c.failures()) {
                lines.add(c.combination() + "\t" + c.point() + "\t" + c.expected() + "\t" + f);
            }
        }
        Path target = TestPaths.repositoryRoot().resolve("core/target");
        Files.createDirectories(target);
        Files.write(target.resolve("matrix-failures.txt"), lines);
    }

    private static boolean passed(Path run) {
        try {
            return Files.readString(run.resolve("status")).strip().equals("PASS");
        } catch (IOException e) {
            return false;
        }
    }

    /** A strongSwan log with key dumps (libreswan logs none; refused-before-keys negotiations derive none). */
    private static boolean hasKeys(Path log) throws IOException {
        return Files.isRegularFile(log) && Files.readString(log).matches("(?s).*(Sk_ei secret|encryption key Ka).*");
    }

    private static String truth(Path run, String key) throws IOException {
        Path truth = run.resolve("truth");
        return Files.readAllLines(truth).stream().filter(l -> l.startsWith(key + ":"))
                .map(l -> l.substring(key.length() + 1).strip()).findFirst()
                .orElseThrow(() -> new AssertionError(truth + " names no " + key));
    }
}
