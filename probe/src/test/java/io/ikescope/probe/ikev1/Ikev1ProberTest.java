package io.ikescope.probe.ikev1;

import static io.ikescope.probe.ikev1.ProberFixture.MILLIS;
import static io.ikescope.probe.ikev1.ProberFixture.channel;
import static io.ikescope.probe.ikev1.ProberFixture.first;
import static io.ikescope.probe.ikev1.ProberFixture.options;
import static io.ikescope.probe.ikev1.ProberFixture.prober;
import static io.ikescope.probe.ikev1.ProberFixture.settings;
import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.probe.net.ProbeChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The IKEv1 prober against a fake responder on loopback: batches, refusals, rate limit, time bound, AM. */
class Ikev1ProberTest {
    private static final long BOUND = 10_000 * MILLIS;

    @Test
    void batchesAreReofferedWithoutEachChosenSuiteUntilRefused() throws Exception {
        List<Ikev1Suite> candidates = new ArrayList<>(first(20));
        candidates.addAll(Ikev1Candidates.suites(false).stream().filter(s -> s.group() == 19).limit(20).toList());
        candidates.addAll(Ikev1Candidates.suites(false).stream().filter(s -> s.group() == 20).limit(5).toList());
        Ikev1Suite a = candidates.get(3);
        Ikev1Suite b = candidates.get(17);
        Ikev1Suite c = candidates.get(42); // third batch (20, 20, 5)
        Ikev1Suite notOffered = new Ikev1Suite(a.encryption(), a.keyBits(), a.hash(), a.authMethod(), 1);
        try (FakeIkev1Responder fake = FakeIkev1Responder.accepting(Set.of(a, b, c, notOffered));
             ProbeChannel ch = channel(fake, 1000, BOUND)) {
            Ikev1Result r = prober(ch, settings(200, 2), options(false, false, 0, 0), candidates).run();
            assertThat(r.answered()).isTrue();
            assertThat(r.accepted()).containsExactlyInAnyOrder(a, b, c);
            assertThat(r.complete()).isTrue();
            assertThat(r.problems()).isEmpty();
            assertThat(r.probes()).isEqualTo(3 + 3); // batches + accepted suites
            assertThat(fake.requestNanos).hasSize(6);
            assertThat(r.groups().accepted()).containsExactly(14, 20);
            assertThat(r.groups().refused()).containsExactly(19);
            assertThat(r.encryption().accepted()).contains(a.encryptionName(), c.encryptionName());
            // SHA2-512 is in no accepted suite here and every suite holding it was refused
            assertThat(r.hash().refused()).contains("SHA2-512");
            assertThat(r.refused()).contains(new Ikev1Suite(null, null,
                    (int) io.ikescope.wire.registry.Ikev1Registry.IKE_HASH_ALGORITHM.valueOf("SHA2-512"), null, null));
            assertThat(r.vendorIds()).extracting(v -> v.name()).contains("RFC 3706 DPD (Dead Peer Detection) 1.0");
            assertThat(r.aggressiveMode()).isNull();
            assertThat(r.fingerprint().backoff()).isNull();
        }
    }

    @Test
    void aResponderAnsweringWithTheFirstTransformsMethodGetsBatchesOfOneMethod() throws Exception {
        List<Ikev1Suite> candidates = Ikev1Candidates.suites(false).stream().filter(s -> s.group() == 14)
                .filter(s -> s.keyBits() != null && s.keyBits() == 256).toList(); // AES-256, CAMELLIA-256
        Ikev1Suite psk = candidates.get(2);
        Ikev1Suite rsa = candidates.stream().filter(s -> s.authMethod() != psk.authMethod()
                && s.encryption().equals(psk.encryption()) && s.hash().equals(psk.hash())).findFirst().orElseThrow();
        try (FakeIkev1Responder fake = FakeIkev1Responder.accepting(Set.of(psk))) {
            fake.authOfFirstTransform = true;
            try (ProbeChannel ch = channel(fake, 1000, BOUND)) {
                Ikev1Result r = prober(ch, settings(200, 2), options(false, false, 0, 0), candidates).run();
                assertThat(r.problems()).isEmpty();
                assertThat(r.accepted()).containsExactlyInAnyOrder(psk, rsa);
                assertThat(r.authMethod().accepted()).containsExactly("PSK", "RSA-SIG");
            }
        }
    }

    @Test
    void aTargetRefusingEverythingIsAnsweredAndComplete() throws Exception {
        try (FakeIkev1Responder fake = FakeIkev1Responder.accepting(Set.of());
             ProbeChannel ch = channel(fake, 1000, BOUND)) {
            Ikev1Result r = prober(ch, settings(200, 2), options(false, false, 0, 0), first(45)).run();
            assertThat(r.answered()).isTrue();
            assertThat(r.accepted()).isEmpty();
            assertThat(r.probes()).isEqualTo(3);
            assertThat(r.complete()).isTrue();
            assertThat(r.groups().refused()).containsExactly(14);
            // the 45: group 14 with PSK, nine ciphers with every hash; CAST-CBC was not among them
            assertThat(r.encryption().refused()).containsExactly("AES-CBC-256", "AES-CBC-128", "3DES-CBC",
                    "AES-CBC-192", "DES-CBC", "CAMELLIA-CBC-256", "CAMELLIA-CBC-128", "CAMELLIA-CBC-192",
                    "BLOWFISH-CBC-128");
            assertThat(r.authMethod().refused()).containsExactly("PSK");
        }
    }

    @Test
    void packetsLeaveNoFasterThanTheRate() throws Exception {
        try (FakeIkev1Responder fake = FakeIkev1Responder.accepting(Set.of());
             ProbeChannel ch = channel(fake, 50, BOUND)) {
            long start = System.nanoTime();
            Ikev1Result r = prober(ch, settings(200, 2), options(false, false, 0, 0), first(100)).run();
            long elapsed = System.nanoTime() - start;
            assertThat(r.probes()).isEqualTo(6);
            assertThat(ch.packetsSent()).isEqualTo(6);
            // a lower bound only (a loaded machine makes it longer, never shorter); the spacing of each packet is
            // RateLimiterTest's, on a fake clock: gaps seen by the receiving thread jitter with its scheduling
            assertThat(elapsed).isGreaterThanOrEqualTo(5 * 20 * MILLIS);
        }
    }

    @Test
    void theTimeBoundEndsTheRunIncomplete() throws Exception {
        try (FakeIkev1Responder fake = FakeIkev1Responder.accepting(Set.of());
             ProbeChannel ch = channel(fake, 10, 250 * MILLIS)) {
            long start = System.nanoTime();
            Ikev1Result r = prober(ch, settings(200, 2), options(false, false, 0, 0),
                    Ikev1Candidates.suites(false)).run();
            // unbounded, 2000 candidates at 10 packets/s would take minutes: only the bound explains a short run
            assertThat(System.nanoTime() - start).isLessThan(5_000 * MILLIS);
            assertThat(r.complete()).isFalse();
            assertThat(ch.packetsSent()).isBetween(2, 3);
            assertThat(r.problems()).anyMatch(p -> p.contains("time bound"))
                    .anyMatch(p -> p.matches("\\d+ of " + Ikev1Candidates.suites(false).size()
                            + " candidate suites were not tested"));
        }
    }

    @Test
    void aggressiveModeAnswerWithPskHashIsReportedWithTheCrackingWarning() throws Exception {
        Ikev1Suite accepted = first(1).get(0); // AES-CBC-256 / SHA2-256 / PSK / 14: the captured AM2's suite
        try (FakeIkev1Responder fake = FakeIkev1Responder.accepting(Set.of(accepted));
             ProbeChannel ch = channel(fake, 1000, BOUND)) {
            Ikev1Result r = prober(ch, settings(200, 2), options(true, false, 0, 0), first(20)).run();
            assertThat(r.accepted()).containsExactly(accepted);
            assertThat(r.aggressiveMode()).isNotNull();
            assertThat(r.aggressiveMode().answered()).isTrue();
            assertThat(r.aggressiveMode().proposal()).isEqualTo(accepted);
            assertThat(r.aggressiveMode().warning()).isEqualTo(Ikev1Prober.HASH_R_WARNING);
            assertThat(r.probes()).isEqualTo(1 + 1 + 1);
        }
    }

    @Test
    void aggressiveModeRefusedIsAnsweredWithTheNotify() throws Exception {
        try (FakeIkev1Responder fake = FakeIkev1Responder.accepting(Set.of());
             ProbeChannel ch = channel(fake, 1000, BOUND)) {
            Ikev1Result r = prober(ch, settings(200, 2), options(true, false, 0, 0), first(20)).run();
            assertThat(r.aggressiveMode().answered()).isTrue();
            assertThat(r.aggressiveMode().proposal()).isNull();
            assertThat(r.aggressiveMode().notifyName()).isEqualTo("NO-PROPOSAL-CHOSEN");
            assertThat(r.aggressiveMode().warning()).isNull();
        }
    }
}
