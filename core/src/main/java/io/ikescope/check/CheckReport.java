package io.ikescope.check;

import java.util.List;

/** Everything {@code ikescope check A B} found. */
public record CheckReport(PeerSummary a, PeerSummary b, List<SimulatedNegotiation> negotiations,
                          List<Unpaired> unpaired) {

    public CheckReport {
        negotiations = List.copyOf(negotiations);
        unpaired = List.copyOf(unpaired);
    }

    /**
     * True when at least one negotiation was simulated and every simulated one establishes (a failure that waits for
     * the first rekey counts as not establishing). Directions a side cannot start (it has no remote address) and
     * connections without a partner are reported but do not decide this, except when nothing at all could be
     * simulated.
     */
    public boolean established() {
        List<SimulatedNegotiation> simulated = negotiations.stream().filter(SimulatedNegotiation::simulated).toList();
        return !simulated.isEmpty() && simulated.stream().allMatch(SimulatedNegotiation::established);
    }
}
