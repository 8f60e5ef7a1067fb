package io.ikescope.check;

import io.ikescope.config.ConnectionConfig;
import io.ikescope.config.PeerConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ikescope check A B}: pairs the connections of two peers' configurations and simulates each pair in both
 * directions, as the responder's implementation would answer.
 */
public final class CheckSimulator {

    private CheckSimulator() {
    }

    /**
     * @param connection only connections of this name ({@code --connection}), or null for every pair
     * @throws IllegalArgumentException when {@code connection} names no connection of either side
     */
    public static CheckReport check(PeerConfig a, PeerConfig b, String connection) {
        if (connection != null && a.connection(connection).isEmpty() && b.connection(connection).isEmpty()) {
            throw new IllegalArgumentException("no connection named '" + connection + "' in A ("
                    + String.join(", ", names(a)) + ") or B (" + String.join(", ", names(b)) + ")");
        }
        ConnectionPairing.Result pairing = ConnectionPairing.pair(a, b, connection);
        List<SimulatedNegotiation> out = new ArrayList<>();
        for (ConnectionPairing.Pair pair : pairing.pairs()) {
            End ea = End.of(Side.A, pair.a());
            End eb = End.of(Side.B, pair.b());
            out.add(simulate(ea, eb));
            out.add(simulate(eb, ea));
        }
        return new CheckReport(summary(Side.A, a), summary(Side.B, b), out, pairing.unpaired());
    }

    private static List<String> names(PeerConfig p) {
        return p.connections().stream().map(ConnectionConfig::name).toList();
    }

    private static PeerSummary summary(Side side, PeerConfig p) {
        return new PeerSummary(side, p.implementation(), p.defaultsOf(), p.files(), p.warnings());
    }

    /** One direction: {@code ini} starts, {@code res} answers. */
    static SimulatedNegotiation simulate(End ini, End res) {
        if (ini.initiationTarget() == null) {
            String why = ini.side() + "'s connection " + ini.name() + " has no remote address to send to ("
                    + ini.connection().remoteAddrs().origin() + ": "
                    + String.join(", ", ini.connection().remoteAddrs().value() == null ? java.util.List.of()
                    : ini.connection().remoteAddrs().value()) + "): it only answers";
            return new SimulatedNegotiation(ini.side(), ini.name(), res.name(), why, null, List.of(), List.of());
        }
        List<CheckFinding> findings = new ArrayList<>();
        PhaseResult phase1 = new Phase1Simulation(ini, res, findings).run();
        List<ChildResult> children = phase1.outcome().established()
                ? new ChildSimulation(ini, res, phase1.ikeVersion(), findings).run() : List.of();
        return new SimulatedNegotiation(ini.side(), ini.name(), res.name(), null, phase1, children, findings);
    }
}
