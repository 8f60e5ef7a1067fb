package io.ikescope.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.testsupport.TestPaths;
import io.ikescope.wire.Bytes;
import io.ikescope.wire.CertificatePayload;
import io.ikescope.wire.IdentificationPayload;
import io.ikescope.wire.IdentityText;
import io.ikescope.wire.Payload;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Decryption cases the lab samples show, checked against what each sample's description says happened. */
class SampleScenariosTest {

    private static DecryptedCapture run(String name, KeyRing keys) throws Exception {
        return DecryptedCapture.of(TestPaths.sampleCapture(name), keys);
    }

    private static KeyRing keys(String name, boolean withoutSpis) throws Exception {
        return CharonKeyLog.read(TestPaths.sample(name + ".keys.log"), withoutSpis);
    }

    private static DecryptedCapture.Entry frame(DecryptedCapture c, long frame) {
        return c.entries().stream().filter(e -> e.frame() == frame).findFirst().orElseThrow();
    }

    private static String identity(List<Payload> payloads, int type) {
        return payloads.stream().filter(p -> p.type() == type).map(p -> (IdentificationPayload) p)
                .map(id -> IdentityText.render(2, id.idType(), id.data())).findFirst().orElse(null);
    }

    @Test
    void chacha20Poly1305NeedsNoIntegrityTransformAndShowsThePeersNames() throws Exception {
        DecryptedCapture c = run("ikev2-chacha20-x25519-ok", keys("ikev2-chacha20-x25519-ok", false));
        assertThat(c.count(DecryptionStatus.OK)).isEqualTo(4);
        assertThat(c.count(DecryptionStatus.FAILED) + c.count(DecryptionStatus.NO_KEYS)).isZero();
        // index.json: "established between 198.51.100.2[responder.lab.example]...198.51.100.1[initiator.lab.example]"
        List<Payload> request = frame(c, 3).decrypted();
        assertThat(identity(request, 35)).isEqualTo("initiator.lab.example");
        assertThat(identity(request, 36)).isEqualTo("responder.lab.example");
        assertThat(identity(frame(c, 4).decrypted(), 36)).isEqualTo("responder.lab.example");
        assertThat(frame(c, 3).result().message().errors()).isEmpty();
    }

    @Test
    void ikev1PskMismatchWithBothPeersKeysShowsTwoKeysAndTheResponderNeverAcceptedMm5() throws Exception {
        DecryptedCapture c = run("ikev1-main-psk-mismatch", keys("ikev1-main-psk-mismatch", false));
        assertThat(c.count(DecryptionStatus.OK)).isEqualTo(6);
        SaOutcome sa = c.outcomes().get(0);
        assertThat(sa.keyOrigins()).hasSize(2); // each peer encrypted with the key its own PSK gave
        // the responder's PAYLOAD_MALFORMED informationals (notify 16), seeded from the Phase 1 state before MM5
        for (long informational : new long[] {6, 8, 10}) {
            assertThat(DecryptedCapture.notifyTypes(frame(c, informational).decrypted())).containsExactly(16);
            MessageOutcome o = sa.messages().stream().filter(m -> m.frame() == informational).findFirst().orElseThrow();
            assertThat(o.note()).contains("before frame 5").contains("had not accepted");
            assertThat(o.fromInitiator()).isFalse();
        }
    }

    @Test
    void ikev1PskMismatchWithTheInitiatorsKeyOnlyFailsExactlyTheResponderMessages() throws Exception {
        KeyRing all = keys("ikev1-main-psk-mismatch", false);
        KeyRing initiatorOnly = new KeyRing(all.ikev1().subList(0, 1), List.of());
        DecryptedCapture c = run("ikev1-main-psk-mismatch", initiatorOnly);
        SaOutcome sa = c.outcomes().get(0);
        assertThat(sa.framesWith(DecryptionStatus.OK)).containsExactly(5L, 7L, 9L);
        assertThat(sa.framesWith(DecryptionStatus.FAILED)).containsExactly(6L, 8L, 10L);
        assertThat(sa.failuresAmidSuccess()).isTrue();
        DecryptedMessage failed = frame(c, 6).result();
        assertThat(failed.error()).contains("do not parse");
        assertThat(failed.message().payloads()).isEmpty(); // never garbage
    }

    @Test
    void ikev2RekeyedIkeSaIsFollowedToItsNewSpisWithTheRekeysAlgorithms() throws Exception {
        DecryptedCapture c = run("ikev2-psk-ok", keys("ikev2-psk-ok", false));
        assertThat(c.count(DecryptionStatus.OK)).isEqualTo(12);
        assertThat(c.outcomes()).hasSize(2);
        SaOutcome rekeyed = c.outcomes().get(1);
        assertThat(rekeyed.spiI()).isNotEqualTo(c.outcomes().get(0).spiI());
        assertThat(rekeyed.count(DecryptionStatus.OK)).isEqualTo(2); // the delete of the new IKE SA and its answer
        // the key sets name no algorithms: without the rekeying CREATE_CHILD_SA, the new SA's would be unknown
        assertThat(keys("ikev2-psk-ok", false).ikev2()).allMatch(k -> k.encryption() == null && k.integrity() == null);
    }

    @Test
    void keySetsWithoutSpisAreBoundToTheSaTheyVerify() throws Exception {
        DecryptedCapture v2 = run("ikev2-psk-ok", keys("ikev2-psk-ok", true));
        assertThat(v2.count(DecryptionStatus.OK)).isEqualTo(12);
        assertThat(v2.outcomes().get(0).keyOrigins()).doesNotContainAnyElementsOf(v2.outcomes().get(1).keyOrigins());
        DecryptedCapture v1 = run("ikev1-main-psk-ok", keys("ikev1-main-psk-ok", true));
        assertThat(v1.count(DecryptionStatus.OK)).isEqualTo(7);
    }

    @Test
    void keySetsWithoutSpisOfAnotherNegotiationLeaveMessagesWithoutKeysNotFailed() throws Exception {
        DecryptedCapture c = run("ikev2-nat-ok", keys("ikev2-psk-ok", true));
        assertThat(c.count(DecryptionStatus.NO_KEYS)).isEqualTo(4);
        assertThat(c.count(DecryptionStatus.OK) + c.count(DecryptionStatus.FAILED)).isZero();
    }

    @Test
    void skfFragmentsAreDecryptedEachAndReassembledInTheLastOne() throws Exception {
        DecryptedCapture c = run("ikev2-cert-fragmented-ok", keys("ikev2-cert-fragmented-ok", false));
        assertThat(c.count(DecryptionStatus.OK)).isEqualTo(12);
        for (long fragment = 3; fragment <= 6; fragment++) {
            assertThat(frame(c, fragment).decrypted()).isEmpty();
        }
        List<Payload> request = frame(c, 7).decrypted();
        assertThat(identity(request, 35)).isEqualTo("initiator.lab.example");
        assertThat(request).filteredOn(p -> p instanceof CertificatePayload).hasSize(1);
        assertThat(frame(c, 7).result().message().errors()).isEmpty();
        assertThat(identity(frame(c, 12).decrypted(), 36)).isEqualTo("responder.lab.example");
    }

    @Test
    void ikev1FragmentsAreReassembledAndTheCbcChainRunsThroughTheWholeMessage() throws Exception {
        DecryptedCapture c = run("ikev1-cert-rsa-ok", keys("ikev1-cert-rsa-ok", false));
        DecryptedMessage whole = frame(c, 6).result().reassembled();
        assertThat(whole).isNotNull();
        assertThat(whole.status()).isEqualTo(DecryptionStatus.OK);
        assertThat(DecryptedCapture.types(whole.message().payloads())).startsWith(5, 6, 9); // ID, CERT, SIG
        assertThat(frame(c, 7).status()).isEqualTo(DecryptionStatus.OK); // MM6: its IV is MM5's last block
    }

    /**
     * samples/ikev2-algorithms-ok and ikev1-algorithms-ok (made for this): strongSwan established one IKE SA per
     * algorithm, each must decrypt whole. IKEv2: AES-CTR-128/256, AES-CBC-192, AES-CCM-8/12/16, AES-GCM-12/8,
     * Camellia CBC/CTR/CCM, 3DES, CAST, Blowfish with HMAC-SHA2-384/512, AES-XCBC-96, AES-CMAC-96, HMAC-MD5-96,
     * HMAC-SHA1-96/160; IKEv1: 3DES, DES, Blowfish-128/256, CAST, Camellia-192, AES-128/192 with MD5, SHA1 and
     * SHA2-256/384/512 IV hashes.
     */
    @Test
    void everyAlgorithmTheLabNegotiatedDecryptsWhole() throws Exception {
        DecryptedCapture v2 = run("ikev2-algorithms-ok", keys("ikev2-algorithms-ok", false));
        assertThat(v2.outcomes()).hasSize(15).allMatch(sa -> sa.count(DecryptionStatus.OK) == 4 && sa.messages().size() == 4);
        DecryptedCapture v1 = run("ikev1-algorithms-ok", keys("ikev1-algorithms-ok", false));
        assertThat(v1.outcomes()).hasSize(8).allMatch(sa -> sa.count(DecryptionStatus.OK) == 3 && sa.messages().size() == 3);
        for (DecryptedCapture c : List.of(v1, v2)) {
            assertThat(c.entries()).allMatch(e -> e.result().message().errors().isEmpty());
        }
    }

    // (c) wrong keys: one flipped bit, and the message fails with the reason, showing no payloads

    private static Bytes flip(Bytes b) {
        byte[] a = b.toArray();
        a[a.length / 2] ^= 0x01;
        return Bytes.of(a);
    }

    private static KeyRing mapV2(KeyRing ring, UnaryOperator<Ikev2Keys> f) {
        return new KeyRing(ring.ikev1(), ring.ikev2().stream().map(f).toList());
    }

    @Test
    void aFlippedEncryptionOrIntegrityKeyFailsTheIntegrityCheck() throws Exception {
        KeyRing good = keys("ikev2-psk-ok", false);
        KeyRing badEncryption = mapV2(good, k -> new Ikev2Keys(k.spiI(), k.spiR(), flip(k.skEi()), flip(k.skEr()),
                k.skAi(), k.skAr(), null, null, k.origin()));
        KeyRing badIntegrity = mapV2(good, k -> new Ikev2Keys(k.spiI(), k.spiR(), k.skEi(), k.skEr(), flip(k.skAi()),
                flip(k.skAr()), null, null, k.origin()));
        DecryptedCapture e = run("ikev2-psk-ok", badEncryption);
        // encrypt-then-MAC: the checksum is over the ciphertext, so a wrong SK_e passes it and fails the padding
        // or yields a chain that does not parse; either way no payloads
        assertThat(e.count(DecryptionStatus.OK)).isZero();
        assertThat(e.count(DecryptionStatus.FAILED)).isEqualTo(12);
        DecryptedCapture i = run("ikev2-psk-ok", badIntegrity);
        assertThat(i.count(DecryptionStatus.FAILED)).isEqualTo(12);
        assertThat(i.entries()).allMatch(entry -> entry.decrypted().isEmpty());
        SaOutcome first = i.outcomes().get(0);
        assertThat(first.messages()).hasSize(10)
                .allMatch(m -> m.reason().equals("integrity check failed: the HMAC-SHA2-256-128 checksum does not match"));
        // the CREATE_CHILD_SA that rekeyed the IKE SA could not be read, so the new SA's algorithms stay unknown
        assertThat(i.outcomes().get(1).messages()).hasSize(2)
                .allMatch(m -> m.reason().startsWith("encryption algorithm unknown"));
    }

    @Test
    void aFlippedAeadKeyFailsTheTag() throws Exception {
        KeyRing bad = mapV2(keys("ikev2-chacha20-x25519-ok", false), k -> new Ikev2Keys(k.spiI(), k.spiR(),
                flip(k.skEi()), flip(k.skEr()), k.skAi(), k.skAr(), null, null, k.origin()));
        DecryptedCapture c = run("ikev2-chacha20-x25519-ok", bad);
        assertThat(c.count(DecryptionStatus.FAILED)).isEqualTo(4);
        assertThat(c.entries()).filteredOn(e -> e.status() == DecryptionStatus.FAILED)
                .allMatch(e -> e.result().error().equals("integrity check failed: the CHACHA20-POLY1305 tag does not verify")
                        && e.decrypted().isEmpty());
    }

    @Test
    void aFlippedIkev1KeyFailsThePayloadChecks() throws Exception {
        KeyRing good = keys("ikev1-main-psk-ok", false);
        KeyRing bad = new KeyRing(good.ikev1().stream().map(k -> new Ikev1Keys(k.cookieI(), k.cookieR(),
                flip(k.encryptionKey()), k.origin())).toList(), List.of());
        DecryptedCapture c = run("ikev1-main-psk-ok", bad);
        assertThat(c.count(DecryptionStatus.FAILED)).isEqualTo(7);
        assertThat(c.entries()).filteredOn(e -> e.status() == DecryptionStatus.FAILED)
                .allMatch(e -> e.decrypted().isEmpty() && e.result().error().contains("wrong key or IV"));
    }

}
