package io.ikescope.diagnosis;

import static io.ikescope.testsupport.TestPaths.sampleCapture;
import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.net.IcmpUnreachable;
import io.ikescope.session.Negotiation;
import io.ikescope.session.Reconstruct;
import io.ikescope.session.TrackerOptions;
import java.io.IOException;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * NO_RESPONSE with ICMP errors, on the lab's real ones: the ICMP names the cause and confirms the verdict; the same
 * capture with the ICMP withheld gives the inferred verdict of plain silence.
 */
class IcmpVerdictsTest {

    private static Verdict verdict(String sample, UnaryOperator<IcmpUnreachable> icmp) throws IOException {
        Negotiation n = Reconstruct.runRewritingIcmp(sampleCapture(sample), TrackerOptions.defaults(), icmp).only();
        return Diagnoser.diagnose(n).verdict();
    }

    private static IcmpUnreachable withCode(IcmpUnreachable e, int code) {
        return new IcmpUnreachable(e.frame(), e.epochNanos(), e.sender(), e.ipVersion(), e.type(), code, e.quotedSrc(),
                e.quotedSrcPort(), e.quotedDst(), e.quotedDstPort(), e.spiI(), e.spiR(), e.ikeVersion());
    }

    @Test
    void aPortUnreachableFromTheResponderSaysNoDaemonListens() throws IOException {
        for (String sample : new String[] {"ikev2-port-unreachable", "ikev2-no-response", "ikev1-no-response"}) {
            Verdict v = verdict(sample, e -> e);
            assertThat(v.code()).as(sample).isEqualTo(VerdictCode.NO_RESPONSE);
            assertThat(v.certainty()).as(sample).isEqualTo(Certainty.CONFIRMED);
            assertThat(v.summary()).as(sample).contains("answered 'port unreachable' (frames 2, 4 and 6)")
                    .contains("no IKE daemon is listening on UDP 500 there");
            assertThat(v.fix()).as(sample).contains("Start the IKE daemon");
            assertThat(v.evidence()).as(sample).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        }
    }

    @Test
    void aRoutersAdministrativeRejectPointsAtItsFirewall() throws IOException {
        Verdict v = verdict("ikev1-admin-prohibited", e -> e);
        assertThat(v.code()).isEqualTo(VerdictCode.NO_RESPONSE);
        assertThat(v.certainty()).isEqualTo(Certainty.CONFIRMED);
        assertThat(v.summary()).contains("The device at 198.51.100.34 (not the responder 198.51.100.66)")
                .contains("'communication administratively filtered'").contains("a firewall at 198.51.100.34");
        assertThat(v.fix()).startsWith("Allow UDP 500 and 4500 from 198.51.100.33 to 198.51.100.66");
    }

    @Test
    void aHostUnreachableSaysTheResponderCannotBeReached() throws IOException {
        // The router's errors with code 1 (host unreachable) instead of 13: the wording follows the code.
        Verdict v = verdict("ikev1-admin-prohibited", e -> withCode(e, 1));
        assertThat(v.certainty()).isEqualTo(Certainty.CONFIRMED);
        assertThat(v.summary()).contains("'host unreachable'").endsWith("198.51.100.66 cannot be reached.");
        assertThat(v.fix()).contains("the router 198.51.100.34 has no way to it");
    }

    @Test
    void portUnreachableOnUdp4500ConfirmsNatTraversalBlocked() throws IOException {
        Verdict v = verdict("ikev2-natt-rejected", e -> e);
        assertThat(v.code()).isEqualTo(VerdictCode.NAT_T_BLOCKED);
        assertThat(v.certainty()).isEqualTo(Certainty.CONFIRMED);
        assertThat(v.summary()).contains("was refused with ICMP 'port unreachable' from the responder itself (frames 4,"
                + " 6 and 8)").contains("nothing listens on UDP 4500 at 198.51.100.2");
        assertThat(v.evidence()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
    }

    @Test
    void icmpErrorsTheVerdictDoesNotRestOnAreAFinding() throws IOException {
        // The same errors as if they quoted UDP 500: they belong to the negotiation (same SPIs) but say nothing about
        // the silence on 4500, so the verdict stays inferred and the errors are listed as a finding.
        Negotiation n = Reconstruct.runRewritingIcmp(sampleCapture("ikev2-natt-rejected"), TrackerOptions.defaults(),
                e -> new IcmpUnreachable(e.frame(), e.epochNanos(), e.sender(), e.ipVersion(), e.type(), e.code(),
                        e.quotedSrc(), 500, e.quotedDst(), 500, e.spiI(), e.spiR(), e.ikeVersion())).only();
        Diagnosis d = Diagnoser.diagnose(n);
        assertThat(d.verdict().certainty()).isEqualTo(Certainty.INFERRED);
        assertThat(d.findings()).filteredOn(f -> f.code().equals("ICMP_UNREACHABLE")).singleElement()
                .satisfies(f -> {
                    assertThat(f.message()).isEqualTo("ICMP destination unreachable: port unreachable from 198.51.100.2"
                            + " refusing the initiator's datagrams to UDP 500 (frames 4, 6 and 8).");
                    assertThat(f.frames()).containsExactly(4L, 6L, 8L);
                });
        // When the verdict rests on them, they are not repeated as a finding.
        assertThat(Diagnoser.diagnose(Reconstruct.run(sampleCapture("ikev2-natt-rejected")).only()).findings())
                .extracting(Finding::code).doesNotContain("ICMP_UNREACHABLE");
    }

    @Test
    void withoutTheIcmpErrorsSilenceIsOnlyInferred() throws IOException {
        Verdict natT = verdict("ikev2-natt-rejected", e -> null);
        assertThat(natT.code()).isEqualTo(VerdictCode.NAT_T_BLOCKED);
        assertThat(natT.certainty()).isEqualTo(Certainty.INFERRED);
        for (String sample : new String[] {"ikev2-port-unreachable", "ikev1-admin-prohibited"}) {
            Verdict v = verdict(sample, e -> null);
            assertThat(v.code()).as(sample).isEqualTo(VerdictCode.NO_RESPONSE);
            assertThat(v.certainty()).as(sample).isEqualTo(Certainty.INFERRED);
            assertThat(v.explanation()).as(sample).contains("No ICMP error about the requests is in the capture");
            assertThat(v.evidence()).as(sample).containsExactly(1L, 3L, 5L);
        }
    }
}
