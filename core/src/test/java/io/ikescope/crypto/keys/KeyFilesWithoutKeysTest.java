package io.ikescope.crypto.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.capture.CaptureReader;
import io.ikescope.capture.Captures;
import io.ikescope.net.CaptureScan;
import io.ikescope.net.DecoderOptions;
import io.ikescope.net.IkeDatagram;
import io.ikescope.testsupport.RecordingSink;
import io.ikescope.testsupport.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Key files that hold nothing for a capture, on real lab runs (src/test/resources/charon/ikev2-proposal-mismatch
 * and ikev2-no-response: strongSwan 5.9.8 at ike = 4, negotiations that failed before any key was derived): each
 * is a warning that says what the file holds, never an error, and a file with keys for other IKE SAs than the
 * capture's says which ones it has.
 */
class KeyFilesWithoutKeysTest {
    @TempDir
    Path dir;

    @Test
    void aLogOfARefusedProposalSaysNoKeysWereDerivedAndWhy() throws IOException {
        Path initiator = KeyTestFiles.charon("ikev2-proposal-mismatch", "initiator.log");
        LoadedKeys loaded = KeySources.read(List.of(initiator));
        assertThat(loaded.keyRing().isEmpty()).isTrue();
        String why = initiator + ": a charon log with IKE debug output (line 98: queueing IKE_VENDOR task) but no key"
                + " dumps: no keys were derived in it: the negotiations it logs failed before key derivation (IKEv2 SA"
                + " 34162c71777238fa_i 0000000000000000_r); line 147: received NO_PROPOSAL_CHOSEN notify error";
        assertThat(loaded.warnings()).containsExactly(why);
        assertThat(loaded.withoutKeys()).isEqualTo(why);
        assertThat(loaded.files()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(KeyFileKind.CHARON_LOG);
            assertThat(f.holdsKeys()).isFalse();
            assertThat(f.loggedSas().named()).containsExactly("IKEv2 SA 34162c71777238fa_i 0000000000000000_r");
        });

        // the responder logs no "queueing ... task" lines; its IKE_SA state change (ike level 2) shows the level
        Path responder = KeyTestFiles.charon("ikev2-proposal-mismatch", "responder.log");
        assertThat(KeySources.read(List.of(responder)).warnings()).singleElement().asString()
                .startsWith(responder + ": a charon log with IKE debug output (line 102: IKE_SA (unnamed)[1] state"
                        + " change: CREATED => CONNECTING) but no key dumps: no keys were derived in it")
                .endsWith("; line 134: received proposals unacceptable");
    }

    @Test
    void aLogOfAnUnansweredInitiatorAndTheEmptyLogOfAResponderThatNeverRanAreWarnings() throws IOException {
        Path initiator = KeyTestFiles.charon("ikev2-no-response", "initiator.log");
        Path responder = KeyTestFiles.charon("ikev2-no-response", "responder.log");
        LoadedKeys loaded = KeySources.read(List.of(initiator, responder));
        assertThat(loaded.keyRing().isEmpty()).isTrue();
        assertThat(loaded.warnings()).containsExactly(initiator + ": a charon log with IKE debug output (line 98:"
                + " queueing IKE_VENDOR task) but no key dumps: no keys were derived in it: the negotiations it logs"
                + " failed before key derivation (IKEv2 SA aaf2083c50c50193_i 0000000000000000_r); line 158:"
                + " establishing IKE_SA failed, peer not responding", responder + ": empty file: no key material");
    }

    @Test
    void aLogWithoutIkeDebugOutputSaysTheLevelIsTooLow() throws IOException {
        // edited: the [IKE] lines of the real log removed, as charon writes it with ike at level 1 or 0
        Path log = Files.write(dir.resolve("ike1.log"), Files.readAllLines(
                KeyTestFiles.charon("ikev2-no-response", "initiator.log")).stream().filter(l -> !l.contains("[IKE]")).toList());
        assertThat(KeySources.read(List.of(log)).warnings()).containsExactly(log + ": a charon log without IKE debug"
                + " output (no ike level 2 lines such as 'IKE_SA ... state change', no hex dumps): its ike log level is"
                + " too low to show keys; they need charon.filelog.NAME.ike = 4; it logs IKEv2 SA aaf2083c50c50193_i"
                + " 0000000000000000_r");
    }

    @Test
    void keysForOtherIkeSasThanTheCapturesNameTheSasTheyHold() throws IOException {
        LoadedKeys pskOk = KeySources.read(List.of(TestPaths.sample("ikev2-psk-ok.keys.log")));
        KeyCoverage other = coverage(pskOk, TestPaths.sampleCapture("ikev2-ts-mismatch"));
        assertThat(other.warnings()).containsExactly(TestPaths.sample("ikev2-psk-ok.keys.log") + ": holds keys for"
                + " IKEv2 SA cda76182d61c1b13_i 3a267daf1fc57bb1_r, IKEv2 SA 75384736e811304f_i 2685e51b8ba7d480_r but"
                + " for none of the IKE SAs in this capture (1 IKE SA, initiator SPI 275833517a19107d): the keys of"
                + " another run or another VPN?");
        assertThat(coverage(pskOk, TestPaths.sampleCapture("ikev2-psk-ok")).warnings()).isEmpty();

        LoadedKeys ikev1 = KeySources.read(List.of(TestPaths.sample("ikev1-main-psk-ok.keys.log")));
        assertThat(coverage(ikev1, TestPaths.sampleCapture("ikev1-main-psk-ok")).warnings()).isEmpty();
        assertThat(coverage(ikev1, TestPaths.sampleCapture("ikev2-psk-ok")).warnings()).singleElement().asString()
                .contains(": holds keys for IKEv1 SA ").contains("(2 IKE SAs, initiator SPIs cda76182d61c1b13,"
                        + " 75384736e811304f)");
    }

    @Test
    void aDirectoryIsOneSourceItsFilesNeedNotAllCoverTheCapture() throws IOException {
        Path keys = Files.createDirectories(dir.resolve("keys"));
        Files.copy(TestPaths.sample("ikev2-psk-ok.keys.log"), keys.resolve("a.log"));
        Files.copy(TestPaths.sample("ikev1-main-psk-ok.keys.log"), keys.resolve("b.log"));
        LoadedKeys loaded = KeySources.read(List.of(keys));
        assertThat(loaded.files()).extracting(KeyFileContent::givenAs).containsOnly(keys.toString());
        assertThat(coverage(loaded, TestPaths.sampleCapture("ikev2-psk-ok")).warnings()).isEmpty();
        assertThat(coverage(loaded, TestPaths.sampleCapture("ikev1-main-psk-ok")).warnings()).isEmpty();
        assertThat(coverage(loaded, TestPaths.sampleCapture("ikev2-ts-mismatch")).warnings()).singleElement().asString()
                .startsWith(keys + ": holds keys for IKEv2 SA cda76182d61c1b13_i 3a267daf1fc57bb1_r, IKEv2 SA"
                        + " 75384736e811304f_i 2685e51b8ba7d480_r, IKEv1 SA ");
    }

    @Test
    void aLogWithoutKeysOfAnotherRunSaysItIsNotThisCapturesLog() throws IOException {
        Path initiator = KeyTestFiles.charon("ikev2-proposal-mismatch", "initiator.log");
        LoadedKeys loaded = KeySources.read(List.of(initiator));
        assertThat(coverage(loaded, KeyTestFiles.charon("ikev2-proposal-mismatch", "capture.pcap")).warnings())
                .as("the capture of the same run").isEmpty();
        // samples/ikev2-proposal-mismatch.pcap is the same scenario from an earlier run: other SPIs
        assertThat(coverage(loaded, TestPaths.sampleCapture("ikev2-proposal-mismatch")).warnings()).containsExactly(
                initiator + ": logs IKEv2 SA 34162c71777238fa_i 0000000000000000_r (without keys), none of which is in"
                + " this capture (1 IKE SA, initiator SPI cba9fda3456475f5): the log of another run or another VPN?");
    }

    @Test
    void keySetsWithoutSpisAndCapturesWithoutIkeGiveNoCoverageWarning() throws IOException {
        // edited: the IKE SA manager lines removed, so the key sets' SPIs are unknown and tried on every SA
        Path log = Files.write(dir.resolve("unnamed.log"), Files.readAllLines(TestPaths.sample("ikev2-psk-ok.keys.log"))
                .stream().filter(l -> !l.contains("[MGR]")).toList());
        LoadedKeys unnamed = KeySources.read(List.of(log));
        assertThat(unnamed.keyRing().ikev2()).isNotEmpty().allSatisfy(k -> assertThat(k.spiI()).isNull());
        assertThat(coverage(unnamed, TestPaths.sampleCapture("ikev2-ts-mismatch")).warnings()).isEmpty();

        KeyCoverage nothingSeen = new KeyCoverage(KeySources.read(List.of(TestPaths.sample("ikev2-psk-ok.keys.log"))));
        nothingSeen.observe(new byte[7]); // shorter than an SPI: ignored
        assertThat(nothingSeen.warnings()).isEmpty();
    }

    private static KeyCoverage coverage(LoadedKeys keys, Path capture) throws IOException {
        KeyCoverage coverage = new KeyCoverage(keys);
        RecordingSink sink = new RecordingSink();
        try (CaptureReader reader = Captures.open(capture)) {
            CaptureScan.run(reader, DecoderOptions.defaults(), sink);
        }
        assertThat(sink.ike).isNotEmpty();
        for (IkeDatagram d : sink.ike) {
            coverage.observe(d.ike());
        }
        return coverage;
    }
}
