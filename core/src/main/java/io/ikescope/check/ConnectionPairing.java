package io.ikescope.check;

import io.ikescope.config.ConnectionConfig;
import io.ikescope.config.PeerConfig;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which connection of A talks to which of B: those whose addresses fit (A's remote address is B's local one, or B
 * takes any) and whose identities fit both ways; failing that, the connection of the same name, so that the
 * simulation shows why it does not fit. A connection with no partner is reported, not dropped.
 */
final class ConnectionPairing {

    record Pair(ConnectionConfig a, ConnectionConfig b) {
    }

    record Result(List<Pair> pairs, List<Unpaired> unpaired) {
    }

    private ConnectionPairing() {
    }

    /** @param only a connection name ({@code --connection}), or null for all */
    static Result pair(PeerConfig a, PeerConfig b, String only) {
        List<ConnectionConfig> as = select(a, only);
        List<ConnectionConfig> bs = select(b, only);
        if (only != null && bs.isEmpty()) {
            bs = b.connections();
        }
        if (only != null && as.isEmpty()) {
            as = a.connections();
        }
        List<Pair> pairs = new ArrayList<>();
        List<Unpaired> unpaired = new ArrayList<>();
        Set<ConnectionConfig> usedB = new LinkedHashSet<>();
        for (ConnectionConfig ca : as) {
            List<ConnectionConfig> partners = bs.stream().filter(cb -> fits(ca, cb)).toList();
            if (partners.isEmpty()) {
                partners = bs.stream().filter(cb -> cb.name().equals(ca.name())).toList();
            }
            if (partners.isEmpty()) {
                unpaired.add(new Unpaired(Side.A, ca.name(), ca.origin(), "no connection of B fits its addresses and"
                        + " identities, and none has its name"));
            }
            for (ConnectionConfig cb : partners) {
                pairs.add(new Pair(ca, cb));
                usedB.add(cb);
            }
        }
        for (ConnectionConfig cb : bs) {
            // with --connection, B's other connections were only candidates: not reported
            if (!usedB.contains(cb) && (only == null || cb.name().equals(only))) {
                unpaired.add(new Unpaired(Side.B, cb.name(), cb.origin(), "no connection of A fits its addresses and"
                        + " identities, and none has its name"));
            }
        }
        return new Result(pairs, unpaired);
    }

    private static List<ConnectionConfig> select(PeerConfig peer, String only) {
        return only == null ? peer.connections()
                : peer.connections().stream().filter(c -> c.name().equals(only)).toList();
    }

    /** Addresses both ways and identities both ways. */
    static boolean fits(ConnectionConfig a, ConnectionConfig b) {
        if (!Addresses.fits(a.remoteAddrs().value(), b.localAddrs().value())
                || !Addresses.fits(b.remoteAddrs().value(), a.localAddrs().value())) {
            return false;
        }
        End ea = End.of(Side.A, a);
        End eb = End.of(Side.B, b);
        return Identities.matches(b.remote().id().value(), a.local().id().value(), ea.address(eb))
                && Identities.matches(a.remote().id().value(), b.local().id().value(), eb.address(ea));
    }
}
