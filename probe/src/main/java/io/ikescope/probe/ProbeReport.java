package io.ikescope.probe;

import io.ikescope.probe.ikev1.Ikev1Result;
import io.ikescope.probe.ikev2.Ikev2Result;
import io.ikescope.probe.net.ProbeTarget;
import java.net.InetSocketAddress;

/**
 * A probe run's result.
 *
 * @param ikev2 null when IKEv2 was not probed
 * @param ikev1 null when IKEv1 was not probed
 */
public record ProbeReport(ProbeTarget target, InetSocketAddress source, double durationSeconds, int packetsSent,
                          int packetsReceived, Ikev2Result ikev2, Ikev1Result ikev1) {
    /** True when the target answered at least one probe. */
    public boolean answered() {
        return ikev2 != null && ikev2.answered() || ikev1 != null && ikev1.answered();
    }
}
