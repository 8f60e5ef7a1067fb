package io.ikescope.probe.against;

import io.ikescope.config.ConnectionConfig;
import io.ikescope.probe.ProbeReport;
import java.util.List;

/** An IKEv1 connection weighed against the IKEv1 probe. */
final class Ikev1Fit {
    private Ikev1Fit() {
    }

    static ConnectionFit fit(ConnectionConfig c, ProbeReport report, String origin) {
        return new ConnectionFit(c.name(), origin, 1, ConnectionFit.Verdict.NOT_PROBED, false, List.of(),
                List.of("IKEv1 was not probed"));
    }
}
