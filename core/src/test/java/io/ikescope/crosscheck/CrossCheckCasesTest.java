package io.ikescope.crosscheck;

import static io.ikescope.crosscheck.LabScenarioCrossCheckTest.config;
import static io.ikescope.crosscheck.LabScenarioCrossCheckTest.negotiations;
import static io.ikescope.crosscheck.LabScenarioCrossCheckTest.read;
import static io.ikescope.crosscheck.LabScenarioCrossCheckTest.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.diagnosis.Certainty;
import io.ikescope.diagnosis.Diagnoser;
import io.ikescope.diagnosis.Diagnosis;
import io.ikescope.diagnosis.Finding;
import io.ikescope.diagnosis.VerdictCode;
import io.ikescope.session.Negotiation;
import io.ikescope.session.Reconstruct;
import io.ikescope.testsupport.TestPaths;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cases of {@code diagnose --config} besides agreement: a file that is not what the peer ran, one side's file
 * alone, a PFS mismatch still to come at the first rekey, configurations that fit no negotiation.
 */
class CrossCheckCasesTest {

    private static Map<String, Path> files(Path... paths) {
        Map<String, Path> out = new LinkedHashMap<>();
        for (Path p : paths) {
            out.put(p.toString(), p);
        }
        return out;
    }

    private static CrossChecker checker(Path... paths) throws Exception {
        Map<String, io.ikescope.config.PeerConfig> peers = new LinkedHashMap<>();
        for (Map.Entry<String, Path> e : files(paths).entrySet()) {
            peers.put(e.getKey(), read(e.getValue()));
        }
        return new CrossChecker(peers);
    }

    private static CrossChecker.Result only(CrossChecker checker, String sample, String keys) throws Exception {
        List<Negotiation> ns = negotiations(sample, keys);
        assertThat(ns).hasSize(1);
        return checker.check(ns.get(0), Diagnoser.diagnose(ns.get(0)));
    }

    private static List<String> codes(Diagnosis d) {
        return d.findings().stream().map(Finding::code).toList();
    }

    @Test
    void aResponderFileThatWouldHaveAcceptedIsReportedAndTheCaptureKeepsItsVerdict() throws Exception {
        // the capture shows the responder refusing the proposal; ikev2-psk-ok's responder would have accepted it
        CrossChecker c = checker(config(scenario("ikev2-proposal-mismatch"), "initiator"),
                config(scenario("ikev2-psk-ok"), "responder"));
        CrossChecker.Result r = only(c, "ikev2-proposal-mismatch", null);
        assertThat(r.diagnosis().verdict().code()).isEqualTo(VerdictCode.PROPOSAL_MISMATCH);
        assertThat(r.diagnosis().verdict().certainty()).isEqualTo(Certainty.CONFIRMED);
        assertThat(codes(r.diagnosis())).contains("CONFIG_DISAGREES");
        assertThat(r.configuration().agrees()).isFalse();
        assertThat(r.configuration().predicted()).isEqualTo("ESTABLISHED");
        Finding f = r.diagnosis().findings().stream().filter(x -> x.code().equals("CONFIG_DISAGREES")).findFirst()
                .orElseThrow();
        assertThat(f.severity()).isEqualTo(Finding.WARNING);
        assertThat(f.message()).contains("PROPOSAL_MISMATCH", "establish", "may not be what the peers ran");
    }

    @Test
    void theResponderFileAloneNamesTheGroupAndItsLine() throws Exception {
        Path responder = config(scenario("ikev2-dh-mismatch"), "responder");
        CrossChecker.Result r = only(checker(responder), "ikev2-dh-mismatch", null);
        assertThat(r.diagnosis().verdict().code()).isEqualTo(VerdictCode.DH_GROUP_MISMATCH);
        assertThat(r.diagnosis().verdict().certainty()).isEqualTo(Certainty.CONFIRMED);
        assertThat(r.configuration().initiator()).isNull();
        assertThat(r.configuration().responder().file()).isEqualTo(responder.toString());
        assertThat(r.configuration().predicted()).isNull();
        assertThat(r.configuration().agrees()).isTrue();
        int line = lineOf(responder, "proposals");
        assertThat(r.diagnosis().verdict().explanation()).contains("the responder's proposals (" + responder
                + " line " + line + ") allow only ecp256 (dhGroup); the initiator offers modp2048");
        assertThat(r.diagnosis().verdict().fix()).contains(responder + " line " + line);
    }

    @Test
    void theResponderFileAloneNamesTheCipherWithoutRefiningTheCode() throws Exception {
        Path responder = config(scenario("ikev2-proposal-mismatch"), "responder");
        CrossChecker.Result r = only(checker(responder), "ikev2-proposal-mismatch", null);
        assertThat(r.diagnosis().verdict().code()).isEqualTo(VerdictCode.PROPOSAL_MISMATCH);
        assertThat(r.diagnosis().verdict().explanation()).contains("the responder's proposals (" + responder
                + " line " + lineOf(responder, "proposals") + ") allow only");
    }

    @Test
    void theInitiatorFileAloneAgreesWithItsOffers() throws Exception {
        CrossChecker.Result r = only(checker(config(scenario("ikev2-psk-ok"), "initiator")), "ikev2-dh-mismatch",
                null);
        // ikev2-psk-ok's initiator offers what ikev2-dh-mismatch's initiator offered? Only if the files agree:
        boolean disagrees = codes(r.diagnosis()).contains("CONFIG_DISAGREES");
        assertThat(r.configuration().agrees()).isEqualTo(!disagrees);
        CrossChecker.Result own = only(checker(config(scenario("ikev2-dh-mismatch"), "initiator")),
                "ikev2-dh-mismatch", null);
        assertThat(codes(own.diagnosis())).doesNotContain("CONFIG_DISAGREES");
        assertThat(own.configuration().agrees()).isTrue();
        assertThat(own.configuration().initiator().roleInferred()).isFalse();
        assertThat(own.diagnosis().verdict().code()).isEqualTo(VerdictCode.PROPOSAL_MISMATCH);
    }

    @Test
    void anInitiatorFileOfferingOtherAlgorithmsDisagrees() throws Exception {
        // ikev2-chacha20-x25519-ok's initiator offers ChaCha20/curve25519, not the AES/modp2048 the capture shows
        Path other = config(scenario("ikev2-chacha20-x25519-ok"), "initiator");
        CrossChecker.Result r = only(checker(other), "ikev2-dh-mismatch", null);
        assertThat(codes(r.diagnosis())).contains("CONFIG_DISAGREES");
        assertThat(r.configuration().agrees()).isFalse();
        assertThat(r.diagnosis().verdict().code()).isEqualTo(VerdictCode.PROPOSAL_MISMATCH);
    }

    @Test
    void aPfsMismatchStillToComeIsShownOnTheInitialExchangeAlone(@TempDir Path temp) throws Exception {
        // frames 1-8: IKE_SA_INIT, IKE_AUTH and ESP both ways; the CREATE_CHILD_SA rekey (frame 9) is cut off
        Path cut = firstFrames(TestPaths.samples().resolve("ikev2-rekey-pfs-mismatch.pcap"), 8,
                temp.resolve("initial-only.pcap"));
        for (String keys : new String[] {null, "ikev2-rekey-pfs-mismatch.keys.log"}) {
            List<Negotiation> ns = keys == null ? Reconstruct.run(cut).negotiations()
                    : Reconstruct.runWithKeys(cut, List.of(TestPaths.samples().resolve(keys))).negotiations();
            assertThat(ns).hasSize(1);
            Diagnosis plain = Diagnoser.diagnose(ns.get(0));
            assertThat(plain.verdict().code()).isEqualTo(VerdictCode.ESTABLISHED);
            CrossChecker c = checker(config(scenario("ikev2-rekey-pfs-mismatch"), "initiator"),
                    config(scenario("ikev2-rekey-pfs-mismatch"), "responder"));
            CrossChecker.Result r = c.check(ns.get(0), plain);
            assertThat(r.diagnosis().verdict().code()).isEqualTo(VerdictCode.ESTABLISHED);
            assertThat(r.diagnosis().verdict().certainty()).isEqualTo(plain.verdict().certainty());
            Finding latent = r.diagnosis().findings().stream().filter(f -> f.code().equals("LATENT_PFS_MISMATCH"))
                    .findFirst().orElseThrow();
            assertThat(latent.severity()).isEqualTo(Finding.WARNING);
            assertThat(latent.message()).contains("at the first rekey", " s after the child is made");
            assertThat(r.diagnosis().verdict().explanation()).contains("latent PFS_MISMATCH");
            assertThat(r.configuration().predicted()).isEqualTo("PFS_MISMATCH");
            assertThat(r.configuration().changes()).isNotEmpty();
        }
    }

    @Test
    void configurationsThatFitNoNegotiationAreWarningsNotErrors() throws Exception {
        // IKEv1 files against an IKEv2 capture: no connection fits
        CrossChecker c = checker(config(scenario("ikev1-main-psk-ok"), "initiator"),
                config(scenario("ikev1-main-psk-ok"), "responder"));
        CrossChecker.Result r = only(c, "ikev2-psk-mismatch", null);
        assertThat(r.diagnosis().verdict().code()).isEqualTo(VerdictCode.AUTH_FAILED);
        assertThat(codes(r.diagnosis())).contains("CONFIG_NOT_MATCHED");
        assertThat(r.configuration().initiator()).isNull();
        assertThat(r.configuration().responder()).isNull();
        assertThat(r.configuration().agrees()).isNull();
        assertThat(c.unmatchedWarnings()).hasSize(2).allMatch(w -> w.contains("no negotiation in the captures"));
    }

    private static int lineOf(Path file, String keyword) throws Exception {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().startsWith(keyword)) {
                return i + 1;
            }
        }
        throw new AssertionError(keyword + " not in " + file);
    }

    /** A classic pcap's global header and its first {@code count} records. */
    static Path firstFrames(Path pcap, int count, Path out) throws Exception {
        byte[] all = Files.readAllBytes(pcap);
        ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getInt(0)).isEqualTo(0xa1b2c3d4);
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        s.write(all, 0, 24);
        int at = 24;
        for (int i = 0; i < count; i++) {
            int length = 16 + b.getInt(at + 8);
            s.write(all, at, length);
            at += length;
        }
        Files.write(out, s.toByteArray());
        return out;
    }
}
