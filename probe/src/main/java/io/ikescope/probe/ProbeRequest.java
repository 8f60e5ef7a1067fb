package io.ikescope.probe;

import io.ikescope.probe.ikev1.Ikev1Options;
import io.ikescope.probe.net.ProbeTarget;

/**
 * One probe run as asked for.
 *
 * @param ikev2 / ikev1   which versions to probe (at least one)
 * @param packetsPerSecond the rate limit over everything sent
 * @param maxTimeNanos    the whole run's time bound
 * @param sourcePort      0 for any free port
 * @param ikev1Options    Aggressive Mode, fingerprint and waits of the IKEv1 probe
 */
public record ProbeRequest(ProbeTarget target, boolean ikev2, boolean ikev1, double packetsPerSecond,
                           long maxTimeNanos, int sourcePort, ProbeSettings settings,
                           Ikev1Options ikev1Options) {
    public ProbeRequest {
        if (!ikev1 && !ikev2) {
            throw new IllegalArgumentException("nothing to probe: neither IKEv1 nor IKEv2");
        }
        if (maxTimeNanos <= 0) {
            throw new IllegalArgumentException("the time bound must be positive");
        }
        if (sourcePort < 0 || sourcePort > 65535) {
            throw new IllegalArgumentException("source port must be 0-65535, not " + sourcePort);
        }
    }
}
