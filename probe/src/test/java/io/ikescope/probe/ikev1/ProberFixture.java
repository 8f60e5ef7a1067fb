package io.ikescope.probe.ikev1;

import io.ikescope.probe.ProbeSettings;
import io.ikescope.probe.net.DatagramLog;
import io.ikescope.probe.net.ProbeChannel;
import io.ikescope.probe.net.ProbeClock;
import io.ikescope.probe.net.ProbeTarget;
import io.ikescope.probe.net.RateLimiter;
import io.ikescope.probe.net.TimeBound;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.List;

/** A prober talking to a fake responder over loopback: short waits, a high rate. */
final class ProberFixture {
    static final long MILLIS = 1_000_000L;

    private ProberFixture() {
    }

    static ProbeChannel channel(FakeIkev1Responder fake, double rate, long boundNanos) throws IOException {
        ProbeClock clock = ProbeClock.SYSTEM;
        return new ProbeChannel(new ProbeTarget(fake.address(), false), 0, new RateLimiter(clock, rate),
                new TimeBound(clock, boundNanos), clock, DatagramLog.NONE);
    }

    static ProbeSettings settings(long waitMillis, int silentLimit) {
        return new ProbeSettings(2, waitMillis * MILLIS, 0, silentLimit);
    }

    static Ikev1Options options(boolean aggressive, boolean fingerprint, long fingerprintMillis, long blockedMillis) {
        return new Ikev1Options(aggressive, null, fingerprint, fingerprintMillis * MILLIS, blockedMillis * MILLIS);
    }

    static Ikev1Prober prober(ProbeChannel channel, ProbeSettings settings, Ikev1Options options,
                              List<Ikev1Suite> candidates) {
        return new Ikev1Prober(channel, settings, new SecureRandom(), options, candidates);
    }

    /** The first {@code n} candidates: group 14 first, AES-256 then AES-128 with every hash and method. */
    static List<Ikev1Suite> first(int n) {
        return Ikev1Candidates.suites(false).subList(0, n);
    }
}
