package io.ikescope.psk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ikescope.testsupport.TestPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * psk-crack (ike-scan), an independent implementation of RFC 2409's HASH_R, cracks the parameter line ikescope
 * writes from the capture with the same word list, and names the same candidate ikescope names for the responder.
 * psk-crack 1.9.5 cracks MD5 and SHA1 HASH_R only and reads words up to the first blank; the lab's captures use
 * SHA2-256 and keys with blanks, so the direct comparison skips on them and {@link #sameFormulaAsPskCrack} checks
 * the same formula over the captures' own fields.
 */
class PskCrackAgreementTest {
    private static final Path PSK_CRACK = Path.of("/usr/bin/psk-crack");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ikev1-aggr-psk-ok", "ikev1-aggr-psk-mismatch", "libreswan-ikev1-aggr-psk-mismatch"})
    void pskCrackFindsTheSameCandidate(String sample) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(PSK_CRACK),
                PSK_CRACK + " is absent (Debian package ike-scan): psk-crack agreement not checked");
        List<String> words = new ArrayList<>(List.of("hunter2", "Correct horse battery staple", "a different secre"));
        words.add(LabSecrets.of(sample, "initiator"));
        if (!words.contains(LabSecrets.of(sample, "responder"))) {
            words.add(LabSecrets.of(sample, "responder"));
        }
        words.add("letmein");
        Path dictionary = dir.resolve("words.txt");
        Files.write(dictionary, words);

        List<String> lines = PskChecker.pskCrackLines(TestPaths.sampleCapture(sample));
        assertEquals(1, lines.size(), "one Aggressive Mode exchange");
        assertEquals(9, lines.get(0).split(":", -1).length, "nine fields: " + lines.get(0));
        Path parameters = dir.resolve("params.txt");
        Files.writeString(parameters, lines.get(0) + "\n");

        int hashLength = (lines.get(0).length() - lines.get(0).lastIndexOf(':') - 1) / 2;
        Assumptions.assumeTrue(hashLength == 16 || hashLength == 20, "psk-crack (ike-scan 1.9.5) cracks only MD5 or"
                + " SHA1 HASH_R; this capture's is " + hashLength + " bytes (see sameFormulaAsPskCrack)");
        Assumptions.assumeTrue(words.stream().noneMatch(w -> w.contains(" ")), "psk-crack cannot try words with"
                + " blanks, as the lab keys have (see sameFormulaAsPskCrack)");
        String found = crack(parameters, dictionary);
        PskVerdict v = PskChecker.of(PskCandidates.read(dictionary), List.of()).check(TestPaths.sampleCapture(sample))
                .get(0);
        assertTrue(v.responder().tested());
        String ours = Files.readAllLines(dictionary).get(v.responder().match() - 1);
        assertEquals(ours, found, "psk-crack and ikescope name the same word");
        assertEquals(LabSecrets.of(sample, "responder"), found);
    }

    /**
     * The lab's Aggressive Mode captures negotiate SHA2-256, which psk-crack 1.9.5 cannot crack. So the capture's
     * own fields (KE, cookies, SA, ID, nonces) are kept and HASH_R is rebuilt with HMAC-SHA1 for the responder's key:
     * psk-crack must find that key in the word list, and ikescope's SHA1 proof over the same fields must name the
     * same line. This proves both compute RFC 2409's HASH_R over the same bytes in the same order.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ikev1-aggr-psk-ok", "ikev1-aggr-psk-mismatch", "libreswan-ikev1-aggr-psk-mismatch"})
    void sameFormulaAsPskCrack(String sample) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(PSK_CRACK),
                PSK_CRACK + " is absent (Debian package ike-scan): psk-crack agreement not checked");
        // psk-crack reads dictionary words up to the first blank ("a different secret" is tried as "a"), so the
        // lab key is used with its blanks made dashes.
        String key = LabSecrets.of(sample, "responder").replace(' ', '-');
        List<String> words = List.of("hunter2", "correct-horse-battery-stapl", key, "a-different-secret-", "x");
        Path dictionary = dir.resolve("words.txt");
        Files.write(dictionary, words);
        Prf sha1 = Prf.ikev1Hash(io.ikescope.wire.registry.Ikev1Registry.IKE_HASH_ALGORITHM.valueOf("SHA"));
        AggressiveModeExchange.Parts real = PskChecker.aggressiveParts(TestPaths.sampleCapture(sample)).get(0);
        byte[] hashR = real.expectedHashR(sha1, PskCandidate.of(0, key));
        AggressiveModeExchange.Parts rebuilt = new AggressiveModeExchange.Parts(real.gxi(), real.gxr(), real.ckyI(),
                real.ckyR(), real.saiB(), real.idiiB(), real.idirB(), real.niB(), real.nrB(), hashR, null);
        Path parameters = dir.resolve("params.txt");
        Files.writeString(parameters, PskCrackParameters.line(rebuilt) + "\n");
        assertEquals(key, crack(parameters, dictionary));
        int ours = 0;
        for (PskCandidate c : PskCandidates.read(dictionary)) {
            if (java.security.MessageDigest.isEqual(rebuilt.expectedHashR(sha1, c), rebuilt.hashR())) {
                ours = c.line();
            }
        }
        assertEquals(words.indexOf(key) + 1, ours, "ikescope names the line of the word psk-crack found");
        // and a HASH_R made with another key is not cracked to this one
        byte[] other = real.expectedHashR(sha1, PskCandidate.of(0, "not in the list"));
        AggressiveModeExchange.Parts wrong = new AggressiveModeExchange.Parts(real.gxi(), real.gxr(), real.ckyI(),
                real.ckyR(), real.saiB(), real.idiiB(), real.idirB(), real.niB(), real.nrB(), other, null);
        Files.writeString(parameters, PskCrackParameters.line(wrong) + "\n");
        assertTrue(crackOutput(parameters, dictionary).contains("no match"), "psk-crack reports no match");
    }

    private String crackOutput(Path parameters, Path dictionary) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(PSK_CRACK.toString(), "-d", dictionary.toString(), parameters.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "psk-crack finished");
        return out;
    }

    /** The key psk-crack prints after {@code key "..." matches}, or fails with its output. */
    private String crack(Path parameters, Path dictionary) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(PSK_CRACK.toString(), "-d", dictionary.toString(), parameters.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "psk-crack finished");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("key \"(.*)\" matches").matcher(out);
        assertTrue(m.find(), "psk-crack found no key; its output:\n" + out);
        return m.group(1);
    }
}
