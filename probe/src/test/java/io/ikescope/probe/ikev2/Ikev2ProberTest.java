package io.ikescope.probe.ikev2;

import io.ikescope.probe.keyexchange.KeyShares;
import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.probe.ProbeSettings;
import io.ikescope.probe.testsupport.FakeIkev2Responder;
import io.ikescope.probe.net.DatagramLog;
import io.ikescope.probe.net.ProbeChannel;
import io.ikescope.probe.net.ProbeClock;
import io.ikescope.probe.net.ProbeTarget;
import io.ikescope.probe.net.RateLimiter;
import io.ikescope.probe.net.TimeBound;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class Ikev2ProberTest {
    private static final long MS = 1_000_000L;
    private static final Ikev2Suite AES_SHA256_MODP2048 = new Ikev2Suite(
            Ikev2Transform.encryption("ENCR_AES_CBC", 256), 5, 12, 14);
    private static final Ikev2Suite GCM_SHA384_ECP384 = new Ikev2Suite(
            Ikev2Transform.encryption("ENCR_AES_GCM_16", 128), 6, null, 20);
    private static final Ikev2Suite AES128_SHA1_ECP256 = new Ikev2Suite(
            Ikev2Transform.encryption("ENCR_AES_CBC", 128), 2, 2, 19);

    private static Ikev2Result probe(FakeIkev2Responder peer, long totalMs) throws Exception {
        return probe(peer, totalMs, 150);
    }

    private static Ikev2Result probe(FakeIkev2Responder peer, long totalMs, long waitMs) throws Exception {
        ProbeTarget target = new ProbeTarget(new InetSocketAddress(InetAddress.getLoopbackAddress(), peer.port()),
                false);
        ProbeClock clock = ProbeClock.SYSTEM;
        try (ProbeChannel channel = new ProbeChannel(target, 0, new RateLimiter(clock, 1000),
                new TimeBound(clock, totalMs * MS), clock, DatagramLog.NONE)) {
            return new Ikev2Prober(channel, new ProbeSettings(2, waitMs * MS, 256, 3), new SecureRandom()).run();
        }
    }

    @Test
    void findsExactlyTheSuitesAPeerAccepts() throws Exception {
        List<Ikev2Suite> truth = List.of(AES_SHA256_MODP2048, GCM_SHA384_ECP384, AES128_SHA1_ECP256);
        try (FakeIkev2Responder peer = new FakeIkev2Responder(truth)) {
            Ikev2Result r = probe(peer, 20_000);
            assertThat(r.answered()).isTrue();
            assertThat(Set.copyOf(r.accepted())).isEqualTo(Set.copyOf(truth));
            assertThat(r.groups().accepted()).containsExactlyInAnyOrder(14, 20, 19);
            assertThat(r.encryption().accepted().stream().map(Ikev2Transform::name))
                    .containsExactlyInAnyOrder("AES-CBC-256", "AES-GCM-128-16", "AES-CBC-128");
            assertThat(r.prf().accepted()).containsExactlyInAnyOrder(5, 6, 2);
            assertThat(r.integrity().accepted()).containsExactlyInAnyOrder(12, 2);
            // per type everything combines, but only the three configured suites are accepted in full
            assertThat(r.refused()).doesNotContainAnyElementsOf(truth);
            assertThat(r.refused()).contains(new Ikev2Suite(AES_SHA256_MODP2048.encryption(), 5, 12, 19));
            assertThat(r.preferred()).isIn(truth);
            assertThat(r.fragmentation()).isTrue();
            assertThat(r.complete()).isTrue();
            assertThat(r.problems()).isEmpty();
            assertThat(r.additionalKeyExchange().refused()).containsExactly(35, 36, 37);
        }
    }

    @Test
    void aPeerThatIgnoresUnknownTransformTypesGetsNoAdditionalKeyExchangeVerdict() throws Exception {
        try (FakeIkev2Responder peer = new FakeIkev2Responder(List.of(AES_SHA256_MODP2048))) {
            peer.ignoreUnknownTypes = true;
            Ikev2Result r = probe(peer, 20_000);
            assertThat(r.additionalKeyExchange().accepted()).isEmpty();
            assertThat(r.additionalKeyExchange().refused()).isEmpty();
            assertThat(r.problems()).anyMatch(p -> p.contains("ignores the transform type"));
            assertThat(r.accepted()).containsExactly(AES_SHA256_MODP2048);
        }
    }

    @Test
    void answersThroughACookieDemandAndLostDatagrams() throws Exception {
        try (FakeIkev2Responder peer = new FakeIkev2Responder(List.of(AES_SHA256_MODP2048))) {
            peer.demandCookie = true;
            peer.dropFirstCopy = true;
            Ikev2Result r = probe(peer, 60_000, 20);
            assertThat(r.cookie()).isTrue();
            assertThat(r.accepted()).containsExactly(AES_SHA256_MODP2048);
            assertThat(r.complete()).isTrue();
        }
    }

    @Test
    void aPeerStricterThanTheRfcIsAskedWithRealKeyExchanges() throws Exception {
        List<Ikev2Suite> truth = List.of(AES_SHA256_MODP2048, AES128_SHA1_ECP256);
        try (FakeIkev2Responder peer = new FakeIkev2Responder(truth)) {
            peer.rejectForeignKe = true;
            Ikev2Result r = probe(peer, 20_000);
            assertThat(Set.copyOf(r.accepted())).isEqualTo(Set.copyOf(truth));
            assertThat(r.problems()).anyMatch(p -> p.contains("asked again with real key exchanges"));
            // every group the peer refused got its own real KE, so none is left unclear
            assertThat(r.groups().unclear()).allMatch(g -> !new KeyShares(new SecureRandom()).canGenerate(g));
        }
    }

    @Test
    void aPeerThatStopsAnsweringEndsTheRunIncomplete() throws Exception {
        try (FakeIkev2Responder peer = new FakeIkev2Responder(List.of(AES_SHA256_MODP2048))) {
            peer.answerLimit = 10;
            Ikev2Result r = probe(peer, 20_000);
            assertThat(r.answered()).isTrue();
            assertThat(r.complete()).isFalse();
            assertThat(r.problems()).anyMatch(p -> p.contains("stopped answering after 10"));
            // the first ten groups (1 to 20) were answered; nothing after counts as refused
            assertThat(r.groups().refused()).allMatch(g -> g <= 20);
            assertThat(r.groups().accepted()).containsExactly(14);
            assertThat(r.groups().refused()).hasSize(9);
            assertThat(r.accepted()).isEmpty();
        }
    }

    @Test
    void theTimeBoundStopsEveryWait() throws Exception {
        try (FakeIkev2Responder peer = new FakeIkev2Responder(List.of(AES_SHA256_MODP2048))) {
            peer.answerLimit = 0;
            long start = System.nanoTime();
            Ikev2Result r = probe(peer, 200, 3_000); // each try would wait 3 s: two tries 6 s without the bound
            long tookMs = (System.nanoTime() - start) / MS;
            assertThat(r.answered()).isFalse();
            assertThat(tookMs).as("cut by the 200 ms time bound").isLessThan(3_000);
            assertThat(peer.requests()).isEqualTo(1);
        }
    }

    @Test
    void aClosedPortIsReportedAsNothingListening() throws Exception {
        int port;
        try (java.net.DatagramSocket s = new java.net.DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ProbeTarget target = new ProbeTarget(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), false);
        ProbeClock clock = ProbeClock.SYSTEM;
        try (ProbeChannel channel = new ProbeChannel(target, 0, new RateLimiter(clock, 1000),
                new TimeBound(clock, 5_000 * MS), clock, DatagramLog.NONE)) {
            Ikev2Result r = new Ikev2Prober(channel, new ProbeSettings(2, 100 * MS, 16, 3), new SecureRandom()).run();
            assertThat(r.answered()).isFalse();
            assertThat(r.problems().get(0)).contains("ICMP port unreachable");
        }
    }

    @Test
    void refusedOneTypeProbesLeaveTheOtherTypesOpen() throws Exception {
        try (FakeIkev2Responder peer = new FakeIkev2Responder(List.of(AES_SHA256_MODP2048))) {
            Ikev2Result r = probe(peer, 20_000);
            Set<Integer> refusedGroups = r.refused().stream()
                    .filter(s -> s.encryption() == null && s.prf() == null && s.integrity() == null)
                    .map(Ikev2Suite::group).collect(Collectors.toSet());
            assertThat(refusedGroups).doesNotContain(14).contains(2, 19, 31);
        }
    }
}
