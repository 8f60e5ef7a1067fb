package io.ikescope.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.session.ChildSa;
import io.ikescope.session.MessageRecord;
import io.ikescope.session.Negotiation;
import io.ikescope.session.Reconstruct;
import io.ikescope.testsupport.TestPaths;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the reconstruction reads from decrypted messages: the samples decrypted with their key logs the way
 * {@code diagnose -k} does (KeySources, Decryptor, MessageSource.decrypting).
 */
class DecryptedContentTest {

    private static List<Negotiation> decrypted(String sample) throws Exception {
        Path samples = TestPaths.samples();
        return Reconstruct.runWithKeys(samples.resolve(sample + ".pcap"), List.of(samples.resolve(sample + ".keys.log")))
                .negotiations();
    }

    @Test
    void quickModeProposalsSelectorsSpisAndEspPerChild() throws Exception {
        Negotiation n = decrypted("ikev1-main-psk-ok").get(0);
        ChildSa qm = n.children().get(0);

        assertThat(qm.contentHidden()).isFalse();
        assertThat(qm.protocol()).isEqualTo("ESP");
        assertThat(qm.mode()).isEqualTo("tunnel");
        assertThat(qm.chosen().encryption()).isEqualTo("AES-CBC-128");
        assertThat(qm.chosen().integrity()).isEqualTo("HMAC-SHA2-256-128");
        assertThat(qm.pfsGroup()).isEqualTo(14);
        assertThat(qm.trafficSelectorsInitiator()).containsExactly("203.0.113.0/28");
        assertThat(qm.trafficSelectorsResponder()).containsExactly("203.0.113.16/28");
        assertThat(qm.spiInitiator()).hasSize(8);
        assertThat(qm.espToResponder()).isPositive();
        assertThat(qm.espToInitiator()).isPositive();
        assertThat(n.messages()).extracting(MessageRecord::purpose).contains("delete-child-sa", "delete-ike-sa");
        assertThat(Diagnoser.diagnose(n).verdict().certainty()).isEqualTo(Certainty.CONFIRMED);
    }

    @Test
    void ikev2RekeysAndDeletesAreNamed() throws Exception {
        List<Negotiation> all = decrypted("ikev2-psk-ok");
        Negotiation n = all.get(0);
        // the decrypted IKE SA rekey names the new SA's SPI: an exact link
        assertThat(all.get(1).rekeyOf()).isEqualTo(new Negotiation.RekeyLink("1", List.of(15L, 16L), false));

        assertThat(n.messages()).extracting(MessageRecord::purpose)
                .contains("child-rekey", "ike-rekey", "delete-child-sa");
        assertThat(n.children()).extracting(ChildSa::ikeRekey).containsExactly(false, false, true);
        ChildSa first = n.children().get(0);
        assertThat(first.chosen().encryption()).isEqualTo("AES-CBC-128");
        assertThat(first.trafficSelectorsInitiator()).containsExactly("203.0.113.0/28");
        assertThat(first.espToResponder()).isPositive();
        assertThat(n.phase1().chosen().authMethod()).isEqualTo("PSK");
    }

    @Test
    void childRefusedInIkeAuthIsAPhase2FailureOfThatChild() throws Exception {
        Negotiation n = decrypted("ikev2-ts-mismatch").get(0);
        Diagnosis d = Diagnoser.diagnose(n);

        assertThat(d.verdict().code()).isEqualTo(VerdictCode.TS_MISMATCH);
        assertThat(d.verdict().certainty()).isEqualTo(Certainty.CONFIRMED);
        assertThat(d.verdict().summary()).contains("203.0.113.0/28 === 203.0.113.16/28");
        assertThat(d.phase1Status()).isEqualTo("established");
        assertThat(d.phase2Status()).containsExactly("failed");
    }

    @Test
    void rekeyWithPfsRefusedAfterTheSameChildWasAcceptedWithoutIsPfsMismatch() throws Exception {
        Negotiation n = decrypted("ikev2-rekey-pfs-mismatch").get(0);
        Verdict v = Diagnoser.diagnose(n).verdict();

        assertThat(v.code()).isEqualTo(VerdictCode.PFS_MISMATCH);
        assertThat(v.mismatch()).singleElement().satisfies(m -> {
            assertThat(m.attribute()).isEqualTo("dhGroup");
            assertThat(m.offered()).containsExactly("14");
            assertThat(m.wanted()).isEqualTo("none");
        });
    }
}
