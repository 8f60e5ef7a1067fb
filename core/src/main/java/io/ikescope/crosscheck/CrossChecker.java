package io.ikescope.crosscheck;

import io.ikescope.check.Change;
import io.ikescope.check.Side;
import io.ikescope.check.SimulatedNegotiation;
import io.ikescope.config.ConnectionConfig;
import io.ikescope.config.PeerConfig;
import io.ikescope.diagnosis.Diagnosis;
import io.ikescope.diagnosis.Finding;
import io.ikescope.report.ConfigurationView;
import io.ikescope.session.Negotiation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code diagnose --config}: each negotiation's diagnosis compared with the peers' configurations given. One instance
 * per run: it remembers which connections some negotiation matched, so that the rest can be reported at the end.
 */
public final class CrossChecker {

    /** A diagnosis as the configurations refine it, and the JSON {@code configuration} object. */
    public record Result(Diagnosis diagnosis, ConfigurationView configuration) {
    }

    private final List<ConnectionMatcher.Named> peers = new ArrayList<>();
    private final Map<String, Set<String>> matched = new LinkedHashMap<>();

    /** @param configurations each peer's configuration, keyed by the path the user gave, in command-line order */
    public CrossChecker(Map<String, PeerConfig> configurations) {
        configurations.forEach((file, peer) -> {
            peers.add(new ConnectionMatcher.Named(file, peer));
            matched.put(file, new LinkedHashSet<>());
        });
    }

    public Result check(Negotiation n, Diagnosis d) {
        ConnectionMatcher.Matches m = ConnectionMatcher.match(n, peers);
        remember(m.initiator());
        remember(m.responder());
        if (m.initiator() == null && m.responder() == null) {
            List<Finding> findings = new ArrayList<>(d.findings());
            findings.add(new Finding("CONFIG_NOT_MATCHED", Finding.WARNING, "No connection of the configurations"
                    + " given (" + String.join(", ", matched.keySet()) + ") fits this negotiation (IKEv"
                    + n.ikeVersion() + ", " + n.initiator().address() + " to " + n.responder().address() + ").",
                    List.of()));
            Diagnosis plain = new Diagnosis(d.verdict(), d.phase1Status(), d.phase2Status(), findings, d.rule(),
                    d.alternatives());
            return new Result(plain, new ConfigurationView(null, null, null, null, List.of()));
        }
        Diagnosis refined = inferredRoleNote(d, m);
        if (m.initiator() != null && m.responder() != null) {
            SimulatedNegotiation sim = BothSides.simulate(m.initiator(), m.responder());
            if (sim != null) {
                BothSides.Outcome o = BothSides.compare(refined, sim, m.initiator(), m.responder());
                return new Result(o.diagnosis(), view(m, o.prediction().code().name(), o.agrees(),
                        o.prediction().changes()));
            }
        }
        PeerMatch one = m.initiator() != null ? m.initiator() : m.responder();
        OneSide.Outcome o = OneSide.compare(n, refined, one);
        if (m.initiator() != null && m.responder() != null) {
            OneSide.Outcome other = OneSide.compare(n, o.diagnosis(), m.responder());
            Boolean agrees = o.agrees() == null ? other.agrees() : other.agrees() == null ? o.agrees()
                    : (Boolean) (o.agrees() && other.agrees());
            return new Result(other.diagnosis(), view(m, null, agrees, List.of()));
        }
        return new Result(o.diagnosis(), view(m, null, o.agrees(), List.of()));
    }

    /** Connections no negotiation matched, one warning each (not an error: the capture may hold other tunnels). */
    public List<String> unmatchedWarnings() {
        List<String> out = new ArrayList<>();
        for (ConnectionMatcher.Named p : peers) {
            Set<String> used = matched.get(p.file());
            List<String> unused = p.peer().connections().stream().map(ConnectionConfig::name)
                    .filter(c -> !used.contains(c)).toList();
            if (!unused.isEmpty()) {
                out.add("--config " + p.file() + ": no negotiation in the captures matches its connection"
                        + (unused.size() == 1 ? " " : "s ") + String.join(", ", unused));
            }
        }
        return out;
    }

    private void remember(PeerMatch m) {
        if (m != null) {
            matched.get(m.file()).add(m.connection().name());
        }
    }

    private static Diagnosis inferredRoleNote(Diagnosis d, ConnectionMatcher.Matches m) {
        StringBuilder note = new StringBuilder();
        for (PeerMatch p : new PeerMatch[] {m.initiator(), m.responder()}) {
            if (p != null && p.roleInferred()) {
                note.append(note.length() == 0 ? "" : " ").append(p.file()).append(" (connection ")
                        .append(p.connection().name()).append(") is taken as the ").append(p.role().jsonName())
                        .append("'s configuration: its addresses do not decide the role (NAT, or %any), it was"
                                + " inferred.");
            }
        }
        if (note.length() == 0) {
            return d;
        }
        return new VerdictEdit(d).explain(note.toString()).build();
    }

    private static ConfigurationView view(ConnectionMatcher.Matches m, String predicted, Boolean agrees,
                                          List<Change> changes) {
        List<ConfigurationView.ChangeView> out = new ArrayList<>();
        for (Change c : changes) {
            out.add(new ConfigurationView.ChangeView(c.side() == Side.A ? "initiator" : "responder",
                    c.origin().file(), c.origin().line(), c.setting(), c.now(), c.to()));
        }
        return new ConfigurationView(side(m.initiator()), side(m.responder()), predicted, agrees, out);
    }

    private static ConfigurationView.Side side(PeerMatch p) {
        return p == null ? null : new ConfigurationView.Side(p.file(), p.connection().name(), p.roleInferred());
    }

}
