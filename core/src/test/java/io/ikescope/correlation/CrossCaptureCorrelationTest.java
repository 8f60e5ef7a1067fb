package io.ikescope.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.correlation.CaptureCorrelation.Conclusion;
import io.ikescope.correlation.CaptureCorrelation.MergedMessage;
import io.ikescope.diagnosis.Alternative;
import io.ikescope.diagnosis.Diagnoser;
import io.ikescope.diagnosis.Diagnosis;
import io.ikescope.diagnosis.VerdictCode;
import io.ikescope.session.Negotiation;
import io.ikescope.session.Reconstruct;
import io.ikescope.testsupport.TestPaths;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One IKE SA captured at several points of the same real run (lab matrix captures in
 * core/src/test/resources/correlation, see its README; the NAT sample at both ends): recognised as one negotiation,
 * its messages matched across the captures, the captures ordered along the path, and the verdict decided with the
 * evidence of all of them.
 */
class CrossCaptureCorrelationTest {

    private static Path lab(String combination, String capture) {
        return TestPaths.repositoryRoot().resolve("core/src/test/resources/correlation").resolve(combination)
                .resolve("capture-" + capture + ".pcap");
    }

    private static List<Correlator.Correlated> correlate(Path... captures) throws IOException {
        List<Negotiation> all = new ArrayList<>();
        for (Path p : captures) {
            all.addAll(Reconstruct.run(p).negotiations());
        }
        return Correlator.correlate(all);
    }

    private static Correlator.Correlated only(Path... captures) throws IOException {
        List<Correlator.Correlated> out = correlate(captures);
        assertThat(out).hasSize(1);
        assertThat(out.get(0).correlation()).isNotNull();
        return out.get(0);
    }


    private static Diagnosis diagnose(Correlator.Correlated c) {
        return Diagnoser.diagnose(c.negotiation(), c.correlation().evidence());
    }

    private static Alternative alternative(Diagnosis d, VerdictCode code) {
        return d.alternatives().stream().filter(a -> a.code() == code).findFirst().orElseThrow();
    }

    @Test
    void theNatSampleAtBothEndsIsOneNegotiationSeenWholeAtEach() throws IOException {
        Path responderSide = TestPaths.sampleCapture("ikev2-nat-encap-ok");
        Path initiatorSide = TestPaths.sampleCapture("ikev2-nat-encap-ok.at-initiator");
        Correlator.Correlated c = only(responderSide, initiatorSide);
        CaptureCorrelation cc = c.correlation();
        // the NAT changed the initiator's address: matched on the SPIs, not on addresses
        assertThat(cc.inputs()).containsExactly("ikev2-nat-encap-ok.at-initiator.pcap", "ikev2-nat-encap-ok.pcap");
        assertThat(cc.orderBasis()).isEqualTo(CaptureCorrelation.BY_TIMING);
        assertThat(cc.captures()).extracting(CaptureCorrelation.CapturePointView::end)
                .containsExactly("initiator", "responder");
        assertThat(cc.messages()).hasSize(6).allMatch(m -> m.seen().stream().allMatch(r -> r != null));
        assertThat(cc.messages()).extracting(MergedMessage::frames)
                .containsExactly(List.of(1L, 1L), List.of(2L, 2L), List.of(3L, 3L), List.of(4L, 4L),
                        List.of(11L, 11L), List.of(12L, 12L));
        assertThat(cc.conclusions()).isEmpty();
        assertThat(diagnose(c).verdict().code()).isEqualTo(VerdictCode.ESTABLISHED);
    }

    /** At the initiator MM5 goes out three times on UDP 4500; the responder's capture, which goes on, has none. */
    @Test
    void mm5LostOnThePathIsNatTraversalBlockedNotATie() throws IOException {
        String run = "v1-natt-blocked.i-strongswan.r-libreswan.nat.encap";
        Negotiation alone = Reconstruct.run(lab(run, "initiator")).only();
        assertThat(Diagnoser.diagnose(alone).verdict().code()).isEqualTo(VerdictCode.UNDETERMINED);

        Correlator.Correlated c = only(lab(run, "responder"), lab(run, "initiator"));
        CaptureCorrelation cc = c.correlation();
        assertThat(c.negotiation().input()).isEqualTo("capture-initiator.pcap");
        assertThat(cc.inputs()).containsExactly("capture-initiator.pcap", "capture-responder.pcap");
        List<MergedMessage> mm5 = cc.messages().stream().filter(m -> m.message().step().equals("MM5")).toList();
        assertThat(mm5).extracting(MergedMessage::frames)
                .containsExactly(Arrays.asList(5L, null), Arrays.asList(7L, null), Arrays.asList(9L, null));
        // the responder's MM4 re-sent three times reached the initiator, every copy paired in order
        assertThat(cc.messages().stream().filter(m -> m.message().step().equals("MM4")).map(MergedMessage::frames))
                .containsExactly(List.of(4L, 4L), List.of(6L, 5L), List.of(8L, 6L), List.of(10L, 7L));
        assertThat(cc.conclusions()).extracting(Conclusion::text).containsExactly("MM5 (frames 5, 7 and 9 at"
                + " capture-initiator.pcap) left the initiator but never reached the responder's capture point"
                + " (capture-responder.pcap): lost on the path between them.");

        Diagnosis d = diagnose(c);
        assertThat(d.verdict().code()).isEqualTo(VerdictCode.NAT_T_BLOCKED);
        assertThat(d.verdict().explanation()).contains("lost on the path between them");
        assertThat(alternative(d, VerdictCode.AUTH_FAILED).ruledOut()).isTrue();
        assertThat(alternative(d, VerdictCode.NO_RESPONSE).ruledOut()).isTrue();
    }

    /**
     * Same shape at the initiator, but here every MM5 copy is in the responder's capture: it arrived at the
     * responder's host. That does not settle the tie: a firewall on that host (which its capture sees in front of)
     * dropping UDP 4500 would look the same from a libreswan responder, which is silent to an MM5 it cannot read.
     */
    @Test
    void mm5ThatArrivedAtTheResponderStillLeavesTheTieWithAHostFirewall() throws IOException {
        String run = "v1-main-psk-mismatch.i-strongswan.r-libreswan.nat.encap";
        Negotiation alone = Reconstruct.run(lab(run, "initiator")).only();
        assertThat(Diagnoser.diagnose(alone).verdict().code()).isEqualTo(VerdictCode.UNDETERMINED);

        Correlator.Correlated c = only(lab(run, "initiator"), lab(run, "responder"));
        assertThat(c.correlation().conclusions()).extracting(Conclusion::kind).containsExactly("unanswered");
        assertThat(c.correlation().conclusions().get(0).text()).isEqualTo("MM5 arrived at the responder (frames 5,"
                + " 7 and 9 at capture-responder.pcap) and was not answered: the responder received it and refused or"
                + " ignored it.");
        Diagnosis d = diagnose(c);
        assertThat(d.verdict().code()).isEqualTo(VerdictCode.UNDETERMINED);
        assertThat(d.verdict().summary()).contains("NAT_T_BLOCKED or AUTH_FAILED");
        assertThat(d.verdict().explanation()).contains("capture-responder.pcap");
    }

    /** Three capture points of one run: initiator, router, responder; IKE_AUTH on 4500 seen only at the first. */
    @Test
    void threeCapturePointsAreOrderedAlongThePath() throws IOException {
        String run = "v2-natt-blocked.i-strongswan.r-strongswan.nat.encap";
        Correlator.Correlated c = only(lab(run, "responder"), lab(run, "initiator"), lab(run, "router"));
        CaptureCorrelation cc = c.correlation();
        // the TTLs put the router's capture at the responder's side as well; the timing tells them apart
        assertThat(cc.inputs()).containsExactly("capture-initiator.pcap", "capture-router.pcap",
                "capture-responder.pcap");
        assertThat(cc.captures()).extracting(CaptureCorrelation.CapturePointView::end)
                .containsExactly("initiator", "between", "responder");
        assertThat(cc.messages()).hasSize(5);
        assertThat(cc.conclusions()).singleElement().satisfies(k -> {
            assertThat(k.kind()).isEqualTo("lost");
            // the router's capture ends with the IKE_SA_INIT response: the capture may have stopped, and it says so
            assertThat(k.text()).contains("never reached capture-router.pcap").contains("unless");
        });
        Diagnosis d = diagnose(c);
        assertThat(d.verdict().code()).isEqualTo(VerdictCode.NAT_T_BLOCKED);
        // alone, the initiator's capture leaves a silent responder standing beside it
        Negotiation alone = Reconstruct.run(lab(run, "initiator")).only();
        assertThat(Diagnoser.diagnose(alone).alternatives()).anyMatch(a -> a.code() == VerdictCode.NO_RESPONSE
                && !a.ruledOut());
        assertThat(alternative(d, VerdictCode.NO_RESPONSE).ruledOut()).isTrue();
    }

    @Test
    void negotiationsOfOneCaptureOrOfOtherSasStaySeparate() throws IOException {
        List<Correlator.Correlated> out = correlate(lab("v2-natt-blocked.i-strongswan.r-strongswan.nat.encap",
                "initiator"), lab("v1-natt-blocked.i-strongswan.r-libreswan.nat.encap", "responder"));
        assertThat(out).hasSize(2).allMatch(c -> c.correlation() == null);
    }
}
