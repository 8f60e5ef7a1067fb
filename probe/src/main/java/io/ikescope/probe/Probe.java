package io.ikescope.probe;

import io.ikescope.probe.ikev1.Ikev1Prober;
import io.ikescope.probe.ikev1.Ikev1Result;
import io.ikescope.probe.ikev2.Ikev2Prober;
import io.ikescope.probe.ikev2.Ikev2Result;
import io.ikescope.probe.net.DatagramLog;
import io.ikescope.probe.net.ProbeChannel;
import io.ikescope.probe.net.ProbeClock;
import io.ikescope.probe.net.RateLimiter;
import io.ikescope.probe.net.TimeBound;
import java.io.IOException;
import java.security.SecureRandom;

/** Runs one probe: IKEv2 first (stateless on the responder), then IKEv1, over one socket and one rate limit. */
public final class Probe {
    private Probe() {
    }

    /** @param log where every datagram sent and received is written (a pcap), or {@link DatagramLog#NONE} */
    public static ProbeReport run(ProbeRequest request, ProbeClock clock, SecureRandom random, DatagramLog log)
            throws IOException, InterruptedException {
        long start = clock.nanoTime();
        RateLimiter limiter = new RateLimiter(clock, request.packetsPerSecond());
        TimeBound bound = new TimeBound(clock, request.maxTimeNanos());
        try (ProbeChannel channel = new ProbeChannel(request.target(), request.sourcePort(), limiter, bound, clock,
                log)) {
            Ikev2Result v2 = request.ikev2() ? new Ikev2Prober(channel, request.settings(), random).run() : null;
            Ikev1Result v1 = request.ikev1()
                    ? new Ikev1Prober(channel, request.settings(), random, request.ikev1Options()).run() : null;
            double seconds = (clock.nanoTime() - start) / 1e9;
            return new ProbeReport(request.target(), channel.local(), seconds, channel.packetsSent(),
                    channel.packetsReceived(), v2, v1);
        }
    }
}
