package io.ikescope.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.session.Negotiation;
import io.ikescope.session.Reconstruct;
import io.ikescope.testsupport.TestPaths;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The causes other than the verdict's: which the evidence rules out, and why; which fit as well. */
class AlternativesTest {

    private static Diagnosis diagnose(String sample) throws Exception {
        List<Negotiation> all = Reconstruct.run(TestPaths.sampleCapture(sample)).negotiations();
        assertThat(all).as(sample).hasSize(1);
        return Diagnoser.diagnose(all.get(0));
    }

    private static Alternative alternative(Diagnosis d, VerdictCode code) {
        return d.alternatives().stream().filter(a -> a.code() == code).findFirst()
                .orElseThrow(() -> new AssertionError(code + " not weighed: " + d.alternatives()));
    }

    @Test
    void aPskMismatchRulesOutNoResponseAndEstablishedByTheResponsesReactions() throws Exception {
        Diagnosis d = diagnose("ikev1-main-psk-mismatch");
        assertThat(d.verdict().code()).isEqualTo(VerdictCode.AUTH_FAILED);
        Alternative noResponse = alternative(d, VerdictCode.NO_RESPONSE);
        assertThat(noResponse.ruledOut()).isTrue();
        assertThat(noResponse.reason()).contains("reacted to every request up to the last, MM5");
        assertThat(noResponse.frames()).containsExactly(6L, 8L, 10L);
        Alternative established = alternative(d, VerdictCode.ESTABLISHED);
        assertThat(established.ruledOut()).isTrue();
        assertThat(established.reason()).contains("reacted to MM5");
        assertThat(alternative(d, VerdictCode.PROPOSAL_MISMATCH).reason()).contains("MM2");
        assertThat(alternative(d, VerdictCode.DH_GROUP_MISMATCH).reason()).contains("MM4");
        assertThat(d.alternatives()).noneMatch(a -> a.code() == VerdictCode.AUTH_FAILED);
    }

    @Test
    void forcedEncapsulationWithAPskMismatchIsNotNatTraversalBlocked() throws Exception {
        // strongSwan with encap = yes moves to UDP 4500 at MM5; the responder cannot decrypt it and answers every
        // copy within a millisecond with an encrypted Informational on UDP 500: MM5 arrived, so 4500 is open.
        Diagnosis d = diagnose("ikev1-encap-psk-mismatch");
        assertThat(d.verdict().code()).isEqualTo(VerdictCode.AUTH_FAILED);
        Alternative natT = alternative(d, VerdictCode.NAT_T_BLOCKED);
        assertThat(natT.ruledOut()).isTrue();
        assertThat(natT.candidate()).as("the NAT-T pattern matched the shape of the capture").isTrue();
        assertThat(natT.reason()).contains("reacted to MM5 sent on UDP 4500");
        assertThat(natT.frames()).hasSize(3);
    }

    @Test
    void silenceAfterMm5OnUdp4500FitsNatTraversalBlockedAndASilentPskMismatch() throws Exception {
        // Without keys or a capture at the responder, a responder that drops MM5 on UDP 4500 and one that cannot
        // decrypt it and says nothing (libreswan does that) look the same: both are named.
        Diagnosis d = diagnose("ikev1-natt-blocked");
        assertThat(d.verdict().code()).isEqualTo(VerdictCode.NAT_T_BLOCKED);
        Alternative auth = alternative(d, VerdictCode.AUTH_FAILED);
        assertThat(auth.ruledOut()).isFalse();
        assertThat(d.verdict().explanation()).contains("AUTH_FAILED");
    }

    @Test
    void aResponderSilentOnUdp500CannotBeNatTraversalBlocked() throws Exception {
        Alternative natT = alternative(diagnose("ikev2-no-response"), VerdictCode.NAT_T_BLOCKED);
        assertThat(natT.ruledOut()).isTrue();
        assertThat(natT.reason()).contains("did not answer on UDP 500 either");
    }

    @Test
    void encryptedExchangesThatStayedOnUdp500CannotBeNatTraversalBlocked() throws Exception {
        // libreswan initiating without a NAT keeps IKE_AUTH on UDP 500.
        Alternative natT = alternative(diagnose("libreswan-init-ikev2-psk-mismatch"), VerdictCode.NAT_T_BLOCKED);
        assertThat(natT.ruledOut()).isTrue();
        assertThat(natT.reason()).contains("stayed on UDP 500").contains("never moved to 4500");
    }

    @Test
    void aConfirmedVerdictHasNoRivalLeftStanding() throws Exception {
        Diagnosis d = diagnose("ikev2-proposal-mismatch");
        assertThat(d.verdict().certainty()).isEqualTo(Certainty.CONFIRMED);
        assertThat(d.alternatives()).allMatch(Alternative::ruledOut);
    }

    @Test
    void silenceToMm5FromALibreswanResponderIsNeitherCodeAlone() throws Exception {
        // libreswan re-sends MM4 on its own timer (the fingerprint) and says nothing to an MM5 it cannot decrypt:
        // in this real capture the PSKs differ, but without keys a blocked port would look the same.
        Diagnosis d = diagnose("libreswan-ikev1-main-psk-mismatch");
        assertThat(d.verdict().code()).isEqualTo(VerdictCode.AUTH_FAILED); // MM4 re-sent: the pattern says so
        Diagnosis natT = diagnose("ikev1-natt-blocked");
        assertThat(natT.verdict().code()).as("a strongSwan-like responder that does not re-send MM4")
                .isEqualTo(VerdictCode.NAT_T_BLOCKED);
    }
}
