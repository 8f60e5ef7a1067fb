package io.ikescope.crypto.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.crypto.Ikev1Keys;
import io.ikescope.testsupport.TestPaths;
import io.ikescope.wire.Bytes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The secrets the charon log reader keeps beside the keys (DH secret, SKEYID, SK_pi/SK_pr), tied to their IKE SA
 * as the keys are: on sample key logs and the full logs of a lab run.
 */
class LoggedSecretsTest {
    @TempDir
    Path dir;

    private static List<LoggedSecrets> secrets(List<Path> logs, int version, String spiI, String spiR)
            throws IOException {
        return KeySources.read(logs).loggedSecrets().stream()
                .filter(s -> s.isFor(version, Bytes.fromHex(spiI), Bytes.fromHex(spiR))).toList();
    }

    /**
     * ikev2-psk-ok's log holds both charons' lines, one after the other: each SA's secrets twice, the first IKE SA's
     * at its check-in, the rekeyed SA's under its new SPIs; both peers derived the same SK_pi, SK_pr and DH secret.
     */
    @Test
    void ikev2SecretsAreBoundToTheSaCheckedInAfterThem() throws IOException {
        List<Path> log = List.of(TestPaths.sample("ikev2-psk-ok.keys.log"));
        List<LoggedSecrets> first = secrets(log, 2, "cda76182d61c1b13", "3a267daf1fc57bb1");
        assertThat(first).hasSize(2);
        assertThat(first.get(0).skPi().length()).isEqualTo(32);
        assertThat(first.get(0).skPr().length()).isEqualTo(32);
        assertThat(first.get(1).skPi()).isEqualTo(first.get(0).skPi());
        assertThat(first.get(1).skPr()).isEqualTo(first.get(0).skPr());
        assertThat(first.get(0).skeyid()).isNull();
        List<LoggedSecrets> rekeyed = secrets(log, 2, "75384736e811304f", "2685e51b8ba7d480");
        assertThat(rekeyed).hasSize(2);
        assertThat(rekeyed.get(0).skPi()).isNotEqualTo(first.get(0).skPi());
        assertThat(secrets(log, 2, "cda76182d61c1b13", "0000000000000000")).isEmpty();
    }

    /** libreswan-init: charon responds and destroys the SA (PSK refused) without a check-in naming SPIs. */
    @Test
    void aDestroyedSaKeepsTheSpisItWasCheckedOutBy() throws IOException {
        List<LoggedSecrets> s = secrets(List.of(TestPaths.sample("libreswan-init-ikev2-psk-mismatch.keys.log")), 2,
                "cca13f0936e3984a", "e6a70701fb048101");
        assertThat(s).hasSize(1);
        assertThat(s.get(0).skPi().hex()).startsWith("7b4c62c312491d44");
        assertThat(s.get(0).skPr().hex()).startsWith("9e699cd4c37f0948");
    }

    /**
     * A lab run's full IKEv1 logs: each peer's DH secret (the same: it is shared), its own SKEYID (different: the
     * PSKs differ) and Ka, bound to the SA its key set is bound to, with the key set's origin.
     */
    @Test
    void ikev1SecretsComeWithTheirKeySet() throws IOException {
        Path initiator = KeyTestFiles.charon("ikev1-main-psk-mismatch", "initiator.log");
        Path responder = KeyTestFiles.charon("ikev1-main-psk-mismatch", "responder.log");
        LoadedKeys i = KeySources.read(List.of(initiator));
        LoadedKeys r = KeySources.read(List.of(responder));
        assertThat(i.loggedSecrets()).hasSize(1);
        assertThat(r.loggedSecrets()).hasSize(1);
        LoggedSecrets si = i.loggedSecrets().get(0);
        LoggedSecrets sr = r.loggedSecrets().get(0);
        Ikev1Keys ki = i.keyRing().ikev1().get(0);
        assertThat(si.isFor(1, ki.cookieI(), ki.cookieR())).isTrue();
        assertThat(si.origin()).isEqualTo(ki.origin());
        assertThat(si.encryptionKey()).isEqualTo(ki.encryptionKey());
        assertThat(si.dhSecret().length()).isEqualTo(256); // MODP-2048
        assertThat(sr.dhSecret()).isEqualTo(si.dhSecret());
        assertThat(sr.skeyid()).isNotEqualTo(si.skeyid());
        assertThat(si.toString()).doesNotContain(si.skeyid().hex()).doesNotContain(si.dhSecret().hex().substring(0, 16));
    }

    /** Secrets without a decryption key make no key set and no warning of their own. */
    @Test
    void secretsAloneAreNoKeySet() throws IOException {
        Path log = dir.resolve("secrets.log");
        Files.writeString(log, String.join("\n",
                "Dec  1 19:34:52 16[MGR] checkout IKEv1 SA by message with SPIs 1111111111111111_i 2222222222222222_r",
                "Dec  1 19:34:52 16[IKE] <1> shared Diffie Hellman secret => 4 bytes @ 0x1",
                "Dec  1 19:34:52 16[IKE] <1>    0: 7B 4C 62 C3                                      {Lb.",
                "Dec  1 19:34:52 16[IKE] <1> SKEYID => 8 bytes @ 0x2",
                "Dec  1 19:34:52 16[IKE] <1>    0: 01 02 03 04 05 06 07                             .......",
                "Dec  1 19:34:52 16[MGR] <1> checkin IKEv1 SA x[1] with SPIs 1111111111111111_i 2222222222222222_r",
                ""));
        LoadedKeys loaded = KeySources.read(List.of(log));
        assertThat(loaded.keyRing().ikev1()).isEmpty();
        assertThat(loaded.warningsBesidesFilesWithoutKeys()).isEmpty();
        List<LoggedSecrets> s = loaded.loggedSecrets();
        assertThat(s).hasSize(1);
        assertThat(s.get(0).ikeVersion()).isEqualTo(1);
        assertThat(s.get(0).dhSecret().hex()).isEqualTo("7b4c62c3");
        assertThat(s.get(0).skeyid()).as("a dump cut short is dropped").isNull();
    }
}
