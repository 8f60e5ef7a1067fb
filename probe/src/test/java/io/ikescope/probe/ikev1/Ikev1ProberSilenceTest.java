package io.ikescope.probe.ikev1;

import static io.ikescope.probe.ikev1.ProberFixture.MILLIS;
import static io.ikescope.probe.ikev1.ProberFixture.channel;
import static io.ikescope.probe.ikev1.ProberFixture.first;
import static io.ikescope.probe.ikev1.ProberFixture.options;
import static io.ikescope.probe.ikev1.ProberFixture.prober;
import static io.ikescope.probe.ikev1.ProberFixture.settings;
import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.probe.net.ProbeChannel;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A responder that drops MM1s once it holds its limit of half-open SAs (strongSwan's block_threshold). */
class Ikev1ProberSilenceTest {
    private static final long BOUND = 10_000 * MILLIS;

    @Test
    void silenceAfterAnswersIsReportedWaitedForOnceAndTheSilentBatchesOfferedAgain() throws Exception {
        List<Ikev1Suite> candidates = first(25);
        Set<Ikev1Suite> accepts = Set.of(candidates.get(0), candidates.get(4), candidates.get(8), candidates.get(18));
        // two half-open SAs allowed, each forgotten after 150 ms; the prober waits 100 ms when the peer falls silent
        // (each wait followed by answers: two waits for four accepted suites)
        try (FakeIkev1Responder fake = new FakeIkev1Responder(accepts, 2, 150 * MILLIS, List.of());
             ProbeChannel ch = channel(fake, 1000, BOUND)) {
            Ikev1Result r = prober(ch, settings(30, 2), options(false, false, 0, 100), candidates).run();
            assertThat(fake.dropped).isGreaterThanOrEqualTo(4);
            assertThat(r.accepted()).containsExactlyInAnyOrderElementsOf(accepts);
            assertThat(r.complete()).isFalse();
            assertThat(r.problems()).hasSize(2).allMatch(p -> p.contains("waited 0 s for them to expire"));
            assertThat(r.problems().get(0)).contains("stopped answering after 2 MM1 probes");
            assertThat(r.refused()).isNotEmpty();
        }
    }

    @Test
    void silenceAgainAfterTheWaitStopsTheRunWithWhatIsLeft() throws Exception {
        List<Ikev1Suite> candidates = first(25);
        Set<Ikev1Suite> accepts = Set.of(candidates.get(0), candidates.get(4));
        try (FakeIkev1Responder fake = new FakeIkev1Responder(accepts, 1, Long.MAX_VALUE, List.of());
             ProbeChannel ch = channel(fake, 1000, BOUND)) {
            Ikev1Result r = prober(ch, settings(30, 2), options(false, false, 0, 50), candidates).run();
            assertThat(r.accepted()).containsExactly(candidates.get(0));
            assertThat(r.complete()).isFalse();
            assertThat(r.problems()).anyMatch(p -> p.contains("waited"))
                    .anyMatch(p -> p.contains("24 candidates left untested"));
        }
    }

    @Test
    void aTargetDroppingOffersItWillNotTakeIsToldFromABlockedOneWithoutWaiting() throws Exception {
        List<Ikev1Suite> all = Ikev1Candidates.suites(false);
        int rsa = (int) io.ikescope.wire.registry.Ikev1Registry.IKE_AUTH_METHOD.valueOf("RSA signatures");
        // group 14 PSK, group 14 RSA, group 2 PSK, group 2 RSA: 3 batches each
        List<Ikev1Suite> candidates = all.subList(0, 200);
        try (FakeIkev1Responder fake = FakeIkev1Responder.accepting(Set.of(candidates.get(0)))) {
            fake.droppedMethod = rsa;
            try (ProbeChannel ch = channel(fake, 1000, BOUND)) {
                long start = System.nanoTime();
                Ikev1Result r = prober(ch, settings(30, 2), options(false, false, 0, 5000), candidates).run();
                assertThat(System.nanoTime() - start).isLessThan(4_500 * MILLIS); // no 5 s wait
                assertThat(r.accepted()).containsExactly(candidates.get(0));
                assertThat(r.authMethod().unclear()).containsExactly("RSA-SIG");
                assertThat(r.authMethod().accepted()).containsExactly("PSK");
                // group 2: PSK refused; RSA, dropped unread, says nothing about groups
                assertThat(r.groups().refused()).containsExactly(2);
                assertThat(r.groups().unclear()).isEmpty();
                assertThat(r.groups().accepted()).containsExactly(14);
                assertThat(r.complete()).isFalse();
                assertThat(r.problems()).noneMatch(p -> p.contains("waited"))
                        .anyMatch(p -> p.startsWith("40 candidate suites got no answer"))
                        .anyMatch(p -> p.startsWith("60 candidate suites with RSA-SIG were not offered"));
                // group 14 RSA: two silent batches (two tries each), then the control; no other RSA batch sent
                assertThat(fake.dropped).isEqualTo(2 * 2);
            }
        }
    }

    @Test
    void aTargetSilentFromTheStartIsUnansweredAfterTheSilentLimit() throws Exception {
        try (FakeIkev1Responder fake = new FakeIkev1Responder(Set.copyOf(first(60)), 0, Long.MAX_VALUE, List.of());
             ProbeChannel ch = channel(fake, 1000, BOUND)) {
            Ikev1Result r = prober(ch, settings(30, 2), options(true, true, 100, 50), first(60)).run();
            assertThat(r.answered()).isFalse();
            // two MM1 batches, then the AM1 (a gateway may answer Aggressive Mode only), each sent twice
            assertThat(r.probes()).isEqualTo(3);
            assertThat(ch.packetsSent()).isEqualTo(6);
            assertThat(r.aggressiveMode().answered()).isFalse();
            assertThat(r.fingerprint().backoff()).isNull();
            assertThat(r.problems().get(0)).startsWith("no answer to any Main Mode MM1");
        }
    }
}
