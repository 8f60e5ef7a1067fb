package io.ikescope.probe.ikev1;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.wire.registry.Ikev1Registry;
import org.junit.jupiter.api.Test;

/** Ikev1Answer on real answers from the committed lab captures (strongSwan 5.9 and libreswan 4 responders). */
class Ikev1AnswerTest {
    private static final int AES_CBC = (int) Ikev1Registry.IKE_ENCRYPTION_ALGORITHM.valueOf("AES-CBC");
    private static final int SHA2_256 = (int) Ikev1Registry.IKE_HASH_ALGORITHM.valueOf("SHA2-256");
    private static final int PSK = (int) Ikev1Registry.IKE_AUTH_METHOD.valueOf("Pre-shared key");

    @Test
    void strongSwanMm2NamesTheChosenTransformByItsAttributes() throws Exception {
        Ikev1Answer a = Ikev1Answer.of(LabSamples.frame("ikev1-main-psk-ok", 2));
        assertThat(a.kind()).isEqualTo(Ikev1Answer.Kind.CHOSEN);
        assertThat(a.chosen()).isEqualTo(new Ikev1Suite(AES_CBC, 256, SHA2_256, PSK, 14));
        assertThat(a.chosen().encryptionName()).isEqualTo("AES-CBC-256");
        assertThat(a.chosen().hashName()).isEqualTo("SHA2-256");
        assertThat(a.chosen().authMethodName()).isEqualTo("PSK");
        assertThat(a.aggressive()).isFalse();
        assertThat(a.keyExchange()).isFalse();
    }

    @Test
    void aFixedKeyCipherAndMd5ComeBackWithoutKeyLength() throws Exception {
        Ikev1Answer a = Ikev1Answer.of(LabSamples.frame("ikev1-algorithms-ok", 2));
        assertThat(a.kind()).isEqualTo(Ikev1Answer.Kind.CHOSEN);
        assertThat(a.chosen().encryptionName()).isEqualTo("3DES-CBC");
        assertThat(a.chosen().keyBits()).isNull();
        assertThat(a.chosen().hashName()).isEqualTo("MD5");
        assertThat(a.chosen().group()).isEqualTo(19);
    }

    @Test
    void refusalsOfStrongSwanAndLibreswanAreNoProposalChosen() throws Exception {
        for (String sample : new String[] {"ikev1-main-enc-mismatch", "ikev1-main-dh-mismatch",
                "ikev1-main-hash-mismatch", "libreswan-ikev1-main-enc-mismatch"}) {
            Ikev1Answer a = Ikev1Answer.of(LabSamples.frame(sample, 2));
            assertThat(a.kind()).as(sample).isEqualTo(Ikev1Answer.Kind.NO_PROPOSAL_CHOSEN);
            assertThat(a.notifyName()).as(sample).isEqualTo("NO-PROPOSAL-CHOSEN");
            assertThat(a.chosen()).isNull();
        }
    }

    @Test
    void am2CarriesTheChosenSuiteWithKeNonceIdAndHashR() throws Exception {
        for (String sample : new String[] {"ikev1-aggr-psk-ok", "libreswan-ikev1-aggr-psk-mismatch"}) {
            Ikev1Answer a = Ikev1Answer.of(LabSamples.frame(sample, 2));
            assertThat(a.kind()).as(sample).isEqualTo(Ikev1Answer.Kind.CHOSEN);
            assertThat(a.aggressive()).as(sample).isTrue();
            assertThat(a.keyExchange() && a.nonce() && a.identification() && a.hash()).as(sample).isTrue();
            assertThat(a.chosen()).isEqualTo(new Ikev1Suite(AES_CBC, 256, SHA2_256, PSK, 14));
        }
    }

    @Test
    void anIkev2MessageIsNotAnIkev1Answer() throws Exception {
        Ikev1Answer v2 = Ikev1Answer.of(LabSamples.frame("ikev2-psk-ok", 2));
        assertThat(v2.kind()).isEqualTo(Ikev1Answer.Kind.OTHER);
        assertThat(v2.notifyName()).isEqualTo("not an IKEv1 message");
    }

    @Test
    void encryptedMessagesAreNotReadAsAnswers() throws Exception {
        Ikev1Answer mm5 = Ikev1Answer.of(LabSamples.frame("ikev1-main-psk-ok", 5));
        assertThat(mm5.kind()).isEqualTo(Ikev1Answer.Kind.OTHER);
        assertThat(mm5.notifyName()).startsWith("an encrypted");
    }
}
