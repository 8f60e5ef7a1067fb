package io.ikescope.diagnosis.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.session.Negotiation;
import io.ikescope.session.Reconstruct;
import io.ikescope.testsupport.TestPaths;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fate of each request, read from real lab captures of strongSwan and libreswan. */
class EvidenceTest {

    private static Evidence evidence(String sample) throws Exception {
        List<Negotiation> all = Reconstruct.run(TestPaths.sampleCapture(sample)).negotiations();
        assertThat(all).as(sample).hasSize(1);
        return Evidence.of(all.get(0));
    }

    private static RequestFate fate(Evidence e, String step) {
        return e.fates().stream().filter(f -> f.request().step().equals(step)).findFirst().orElseThrow();
    }

    @Test
    void mainModePskMismatchResponderReactsToEveryCopyOfMm5() throws Exception {
        // strongSwan answers each MM5 it cannot decrypt with an encrypted PAYLOAD_MALFORMED informational.
        Evidence e = evidence("ikev1-main-psk-mismatch");
        assertThat(fate(e, "MM1").reception()).isEqualTo(Reception.ANSWERED);
        assertThat(fate(e, "MM3").reception()).isEqualTo(Reception.ANSWERED);
        RequestFate mm5 = fate(e, "MM5");
        assertThat(mm5.reception()).isEqualTo(Reception.REACTED);
        assertThat(mm5.copies()).hasSize(3);
        assertThat(mm5.reactions()).hasSize(3).allMatch(m -> m.exchange().equals("INFORMATIONAL"));
        assertThat(e.roundTripSeconds()).isPositive().isLessThan(0.1);
        assertThat(e.reactionWindowSeconds()).isLessThan(1.0); // well below strongSwan's retransmission timer
    }

    @Test
    void libreswanStaysSilentAfterMm5ItCannotDecrypt() throws Exception {
        // Its MM4 re-sent on its own 0.5 s doubling timer meets the second MM5 copy by chance (frames 7 and 8, the
        // same millisecond), but follows neither the first nor the third: a timer, not a reaction.
        RequestFate mm5 = fate(evidence("libreswan-ikev1-main-psk-mismatch"), "MM5");
        assertThat(mm5.reception()).isEqualTo(Reception.UNANSWERED);
        assertThat(mm5.reactions()).isEmpty();
        assertThat(mm5.copies().size()).isGreaterThan(1);
    }

    @Test
    void natTraversalBlockedLeavesMm5OnUdp4500Unanswered() throws Exception {
        Evidence e = evidence("ikev1-natt-blocked");
        RequestFate mm5 = fate(e, "MM5");
        assertThat(mm5.reception()).isEqualTo(Reception.UNANSWERED);
        assertThat(e.onNatTraversalPort()).containsExactly(mm5);
        assertThat(e.received(e.onNatTraversalPort())).isEmpty();
    }

    @Test
    void icmpPortUnreachableRefusesTheRequests() throws Exception {
        RequestFate init = evidence("ikev2-port-unreachable").fates().get(0);
        assertThat(init.reception()).isEqualTo(Reception.REFUSED_BY_ICMP);
        assertThat(init.refusals()).isNotEmpty();
    }

    @Test
    void everyRequestOfASuccessfulIkev2NegotiationIsAnswered() throws Exception {
        List<Negotiation> all = Reconstruct.run(TestPaths.sampleCapture("ikev2-psk-ok")).negotiations();
        for (Negotiation n : all) {
            assertThat(Evidence.of(n).fates()).isNotEmpty()
                    .allMatch(f -> f.reception() == Reception.ANSWERED || f.reception() == Reception.PENDING);
        }
    }
}
