package io.ikescope.session;

import static io.ikescope.testsupport.TestPaths.publicCorpusOrSkip;
import static io.ikescope.testsupport.TestPaths.sampleCapture;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reconstruction on real lab captures (samples/) and public ones. */
class SessionTrackerTest {

    @Test
    void ikev2RetryAfterInvalidKePayloadStaysOneNegotiationWithTwoAttempts() throws Exception {
        Negotiation n = Reconstruct.run(sampleCapture("ikev2-dh-invalid-ke-ok")).only();

        assertThat(n.exchanges(ExchangeNames.IKE_SA_INIT)).hasSize(2);
        assertThat(n.phase1().attempts()).extracting(Phase1.Attempt::keGroup).containsExactly(14, 19);
        assertThat(n.phase1().attempts().get(0).offeredGroups()).containsExactlyInAnyOrder(14, 19);
        assertThat(n.spiR()).isEqualTo("0c3c3561ef972ca9");
        assertThat(n.phase1().chosen().dhGroup()).isEqualTo(19);
        assertThat(retransmissions(n)).containsExactly("5->3", "6->4");
        assertThat(n.natTraversalFrame()).isEqualTo(7L);
        assertThat(n.esp().toResponder()).isEqualTo(3);
        assertThat(n.esp().toInitiator()).isEqualTo(3);
    }

    @Test
    void ikev1MainModeAndQuickModeStepsFollowTheMessages() throws Exception {
        Negotiation n = Reconstruct.run(sampleCapture("ikev1-main-psk-ok")).only();

        assertThat(n.messages().subList(0, 9)).extracting(MessageRecord::step)
                .containsExactly("MM1", "MM2", "MM3", "MM4", "MM5", "MM6", "QM1", "QM2", "QM3");
        assertThat(n.exchangeMode()).isEqualTo("main");
        IkeProposal chosen = n.phase1().chosen();
        assertThat(chosen.encryption()).isEqualTo("AES-CBC-256");
        assertThat(chosen.hash()).isEqualTo("SHA2-256");
        assertThat(chosen.dhGroup()).isEqualTo(14);
        assertThat(chosen.authMethod()).isEqualTo("PSK");
        assertThat(n.children()).singleElement().satisfies(c -> {
            assertThat(c.exchange()).isEqualTo("quick_mode");
            assertThat(c.contentHidden()).isTrue();
            assertThat(c.offered()).isNull();
        });
        assertThat(n.decryption()).isEqualTo("no_keys");
    }

    @Test
    void natDetectionRecomputesTheHashesOfBothPeers() throws Exception {
        // Genuine hashes: only the initiator is behind the lab's NAT (lab/README.md).
        assertThat(Reconstruct.run(sampleCapture("ikev2-nat-childless-ok")).only().natDetected()).isEqualTo("initiator");
        assertThat(Reconstruct.run(sampleCapture("ikev2-nat-natt-blocked")).only().natDetected()).isEqualTo("initiator");
        // Direct topology with genuine hashes.
        assertThat(Reconstruct.run(sampleCapture("ikev2-psk-mismatch")).only().natDetected()).isEqualTo("none");
        assertThat(Reconstruct.run(sampleCapture("ikev1-main-psk-mismatch")).only().natDetected()).isEqualTo("none");
        // kernel-libipsec makes each charon fake its source hash: both "behind a NAT".
        assertThat(Reconstruct.run(sampleCapture("ikev1-cert-rsa-ok")).only().natDetected()).isEqualTo("both");
        assertThat(Reconstruct.run(sampleCapture("ikev2-psk-ok")).negotiations().get(0).natDetected()).isEqualTo("both");
        // No NAT discovery payloads at all: unknown.
        assertThat(Reconstruct.run(sampleCapture("ikev1-main-enc-mismatch")).only().natDetected()).isNull();
    }

    @Test
    void responderResendingMm4IsARetransmissionThatKeepsItsPosition() throws Exception {
        Negotiation n = Reconstruct.run(sampleCapture("libreswan-ikev1-main-psk-mismatch")).only();

        // frames 7 and 8 left a millisecond apart at 1 s (the two peers' timers): their order is the run's
        assertThat(retransmissions(n)).containsExactly("6->4", "7->4", "8->5", "9->4", "10->5", "11->4");
        assertThat(n.messages()).extracting(MessageRecord::step)
                .containsExactly("MM1", "MM2", "MM3", "MM4", "MM5", "MM4", "MM4", "MM5", "MM4", "MM5", "MM4");
    }

    @Test
    void responderInformationalWithoutResponderCookieJoinsTheNegotiation() throws Exception {
        Negotiation n = Reconstruct.run(sampleCapture("libreswan-ikev1-main-enc-mismatch")).only();

        assertThat(n.messages()).extracting(MessageRecord::from).containsExactly(Role.INITIATOR, Role.RESPONDER);
        assertThat(n.messages().get(1).notifies()).singleElement()
                .satisfies(x -> assertThat(x.key()).isEqualTo("NO_PROPOSAL_CHOSEN"));
        assertThat(n.spiR()).isNull();
    }

    @Test
    void rekeyedIkeSaIsItsOwnNegotiationWithPhase1NotCaptured() throws Exception {
        List<Negotiation> all = Reconstruct.run(sampleCapture("ikev2-psk-ok")).negotiations();

        assertThat(all).hasSize(2);
        assertThat(all.get(0).children()).extracting(ChildSa::exchange)
                .containsExactly("ike_auth", "create_child_sa", "create_child_sa");
        assertThat(all.get(0).children()).allMatch(ChildSa::contentHidden);
        assertThat(all.get(1).phase1().captured()).isFalse();
        assertThat(all.get(1).exchangeMode()).isEqualTo("ikev2");
        assertThat(all.get(1).spiI()).startsWith("753847");
        assertThat(all.get(1).messages()).extracting(MessageRecord::frame).containsExactly(23L, 24L);
        // without keys the new SA is tied to the CREATE_CHILD_SA just before it between the same peers
        assertThat(all.get(1).rekeyOf()).isEqualTo(new Negotiation.RekeyLink("1", List.of(15L, 16L), true));
    }

    @Test
    void lostIpFragmentsAreTiedToTheNegotiationBetweenTheSameAddresses() throws Exception {
        Negotiation n = Reconstruct.run(sampleCapture("ikev1-cert-ipfrag-loss")).only();

        assertThat(n.lostFragments()).hasSize(3).allMatch(l -> l.from() == Role.INITIATOR && l.bytesReceived() > 1000);
        assertThat(n.lastFrame()).isEqualTo(4);
    }

    @Test
    void encryptedFragmentsCarryTheirNumbersAndFormOneExchange() throws Exception {
        Negotiation n = Reconstruct.run(sampleCapture("ikev2-cert-fragmented-ok")).only();
        Exchange auth = n.exchanges(ExchangeNames.IKE_AUTH).get(0);

        assertThat(n.exchanges(ExchangeNames.IKE_AUTH)).hasSize(1);
        assertThat(auth.messages()).filteredOn(m -> m.from() == Role.INITIATOR).extracting(m -> m.fragment().number())
                .containsExactly(1, 2, 3, 4, 5);
        assertThat(auth.messages()).filteredOn(m -> m.from() == Role.RESPONDER).extracting(m -> m.fragment().total())
                .containsOnly(5);
        assertThat(auth.messages()).noneMatch(MessageRecord::retransmission);
    }

    @Test
    void tooManyLiveNegotiationsAreClosedEarlyWithAWarning() throws Exception {
        TrackerOptions one = new TrackerOptions(1, TrackerOptions.defaults().idleNanos(), 512, 64, 16);
        Reconstruct.Result r = Reconstruct.run(publicCorpusOrSkip().resolve("arkime/IKEv1.pcap"),
                MessageSource.withoutKeys(), one);

        assertThat(r.negotiations()).extracting(Negotiation::id).containsExactly("1", "2");
        assertThat(r.warnings()).anyMatch(w -> w.contains("negotiations were live at once"));
        assertThat(r.negotiations().get(0).notes()).anyMatch(w -> w.startsWith("closed early"));
    }

    @Test
    void idleNegotiationsAreClosedByCaptureTimeAndStillReportedInOrder() throws Exception {
        // arkime/IKEv1.pcap: an unanswered MM1, then 25 s later a negotiation the other way round.
        TrackerOptions fiveSeconds = new TrackerOptions(4096, 5_000_000_000L, 512, 64, 16);
        List<Negotiation> all = Reconstruct.run(publicCorpusOrSkip().resolve("arkime/IKEv1.pcap"),
                MessageSource.withoutKeys(), fiveSeconds).negotiations();

        assertThat(all).extracting(Negotiation::id).containsExactly("1", "2");
        Negotiation first = all.get(0);
        assertThat(first.watchedUntilNanos() - first.endNanos()).isBetween(5_000_000_000L, 30_000_000_000L);
    }

    @Test
    void messagesPastTheLimitAreCountedNotKept() throws Exception {
        TrackerOptions three = new TrackerOptions(4096, TrackerOptions.defaults().idleNanos(), 3, 64, 16);
        Negotiation n = Reconstruct.run(sampleCapture("ikev1-main-psk-ok"), MessageSource.withoutKeys(), three).only();

        assertThat(n.messages()).hasSize(3);
        assertThat(n.omittedMessages()).isEqualTo(8);
        assertThat(n.notes()).anyMatch(s -> s.startsWith("8 later messages"));
    }

    private static List<String> retransmissions(Negotiation n) {
        List<String> out = new ArrayList<>();
        for (MessageRecord m : n.messages()) {
            if (m.retransmission()) {
                out.add(m.frame() + "->" + m.retransmissionOf());
            }
        }
        return out;
    }
}
