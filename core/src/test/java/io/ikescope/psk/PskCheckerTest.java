package io.ikescope.psk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ikescope.testsupport.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * On the lab's PSK captures, each peer's proof names the candidate holding that peer's configured key (read from
 * the scenario), among decoys placed before and after it; without the right keys, "none matched".
 */
class PskCheckerTest {
    /** Decoys: near misses of the lab keys (case, a trailing space, a prefix) and unrelated words. */
    private static final List<String> DECOYS = List.of("Correct horse battery staple", "correct horse battery staple ",
            "a different secre", "hunter2", "a different secret\t");

    @TempDir
    Path dir;

    /** The candidates file: decoys, then the two lab keys in {@code keys} order, then decoys again. */
    private Path candidates(List<String> keys) throws IOException {
        List<String> lines = new ArrayList<>(DECOYS.subList(0, 3));
        lines.add("");
        lines.addAll(keys);
        lines.addAll(DECOYS.subList(3, DECOYS.size()));
        Path file = dir.resolve("candidates.txt");
        Files.write(file, lines);
        return file;
    }

    /** The candidate line where {@code key} sits in the file {@link #candidates} wrote. */
    private static int lineOf(Path file, String key) throws IOException {
        List<String> lines = Files.readAllLines(file);
        return lines.indexOf(key) + 1;
    }

    private static List<PskVerdict> check(String sample, Path candidatesFile, boolean withKeys) throws IOException {
        List<Path> keys = withKeys ? List.of(TestPaths.sample(sample + ".keys.log")) : List.of();
        return PskChecker.of(PskCandidates.read(candidatesFile), keys).check(TestPaths.sampleCapture(sample));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // sample, IKE version, keys needed, initiator sends a testable value, responder sends one
            "ikev1-aggr-psk-ok, 1, false, false, true", // AM3 is encrypted: HASH_I needs the key log
            "ikev1-aggr-psk-ok, 1, true, true, true",
            "ikev1-aggr-psk-mismatch, 1, false, false, true",
            "libreswan-ikev1-aggr-psk-mismatch, 1, false, false, true",
            // with the key log, an initiator that sent an Informational instead of AM3: its own logged SKEYID
            "ikev1-aggr-psk-mismatch, 1, true, true, true",
            "libreswan-ikev1-aggr-psk-mismatch, 1, true, true, true",
            // Main Mode: MM5/MM6 (ok), MM5 and the responder's Informational (mismatch), with the DH secret
            "ikev1-main-psk-ok, 1, true, true, true",
            "ikev1-main-psk-mismatch, 1, true, true, true",
            "libreswan-ikev1-main-psk-mismatch, 1, true, true, false", // libreswan sends nothing encrypted
            "ikev2-psk-ok, 2, true, true, true",
            "ikev2-psk-mismatch, 2, true, true, false",
            "libreswan-ikev2-psk-mismatch, 2, true, true, false",
            "libreswan-init-ikev2-psk-mismatch, 2, true, true, false",
    })
    void namesEachPeersKey(String sample, int version, boolean withKeys, boolean initiatorTested,
                           boolean responderTested) throws IOException {
        String initiatorKey = LabSecrets.of(sample, "initiator");
        String responderKey = LabSecrets.of(sample, "responder");
        List<String> both = List.of("correct horse battery staple", "a different secret");
        assertTrue(both.contains(initiatorKey) && both.contains(responderKey), "lab keys changed: update the test");
        Path file = candidates(both);
        List<PskVerdict> verdicts = check(sample, file, withKeys);
        assertEquals(1, verdicts.size(), "one PSK negotiation in " + sample);
        PskVerdict v = verdicts.get(0);
        assertEquals("1", v.id(), "numbered as diagnose numbers it: the first negotiation");
        assertEquals(version, v.ikeVersion());
        assertEquals(version == 2 ? "ikev2" : sample.contains("-main-") ? "main" : "aggressive", v.exchangeMode());
        assertSide(v.initiator(), initiatorTested, lineOf(file, initiatorKey), "initiator");
        assertSide(v.responder(), responderTested, lineOf(file, responderKey), "responder");
        if (v.initiator().tested() && v.responder().tested()) {
            assertEquals(initiatorKey.equals(responderKey), v.initiator().match().equals(v.responder().match()));
        }
        if (!initiatorKey.equals(responderKey)) {
            assertNotEquals(lineOf(file, initiatorKey), lineOf(file, responderKey));
        }
        // The same file with the lab keys swapped: the named lines follow the keys, not the positions.
        Path swapped = candidates(List.of(both.get(1), both.get(0)));
        PskVerdict w = check(sample, swapped, withKeys).get(0);
        assertSide(w.initiator(), initiatorTested, lineOf(swapped, initiatorKey), "initiator (swapped)");
        assertSide(w.responder(), responderTested, lineOf(swapped, responderKey), "responder (swapped)");
    }

    private static void assertSide(PeerResult r, boolean tested, int line, String who) {
        assertEquals(tested, r.tested(), who + " tested: " + r);
        if (tested) {
            assertEquals(Integer.valueOf(line), r.match(), who + " match");
            assertEquals(PskCandidate.of(line, "x").line(), r.match());
            assertNotNull(r.fingerprint());
        } else {
            assertNull(r.match());
            assertNotNull(r.why(), who + " says why it was not tested");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ikev2-psk-ok", "ikev2-psk-mismatch", "libreswan-init-ikev2-psk-mismatch"})
    void ikev2WithoutTheKeyLogTestsNothing(String sample) throws IOException {
        PskVerdict v = check(sample, candidates(List.of("correct horse battery staple", "a different secret")), false)
                .get(0);
        assertFalse(v.initiator().tested(), v.toString());
        assertFalse(v.responder().tested(), v.toString());
        assertTrue(v.initiator().why().contains("could be decrypted"), v.initiator().why());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "ikev1-aggr-psk-ok, false", "ikev1-aggr-psk-mismatch, false", "libreswan-ikev1-aggr-psk-mismatch, false",
            "ikev1-main-psk-ok, true", "ikev1-main-psk-mismatch, true", "libreswan-ikev1-main-psk-mismatch, true",
            "ikev2-psk-ok, true", "ikev2-psk-mismatch, true", "libreswan-ikev2-psk-mismatch, true",
            "libreswan-init-ikev2-psk-mismatch, true",
    })
    void noneMatchedWithoutTheLabKeys(String sample, boolean withKeys) throws IOException {
        Path file = dir.resolve("decoys.txt");
        Files.write(file, DECOYS);
        PskVerdict v = check(sample, file, withKeys).get(0);
        assertTrue(v.initiator().tested() || v.responder().tested(), "something was tested: " + v);
        for (PeerResult r : List.of(v.initiator(), v.responder())) {
            assertNull(r.match(), "no decoy matches: " + v);
            assertNull(r.fingerprint());
        }
        assertFalse(v.toString().contains("horse"));
    }
}
