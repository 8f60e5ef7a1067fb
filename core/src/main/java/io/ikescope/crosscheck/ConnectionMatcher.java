package io.ikescope.crosscheck;

import io.ikescope.config.ConnectionConfig;
import io.ikescope.config.PeerConfig;
import io.ikescope.session.Negotiation;
import io.ikescope.session.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds, for one negotiation, the connection of each given configuration it belongs to and the role that peer plays:
 * the IKE version and mode first, then the configured addresses against the capture's (a literal beats %any), then
 * whether the connection's proposals hold what the capture shows. When the addresses fit no connection (NAT changes
 * what the capture sees) every connection of the right version is a candidate and the role is only inferred.
 * (The capture's identities would decide more, but the reconstructed negotiation does not keep them.)
 */
final class ConnectionMatcher {

    /** The capture's initiator's and responder's configurations; either null when none fits. */
    record Matches(PeerMatch initiator, PeerMatch responder) {
    }

    record Named(String file, PeerConfig peer) {
    }

    private record Candidate(Named named, ConnectionConfig connection, Role role, int addressScore,
                             int proposalScore, boolean fallback) {
        int score() {
            return (fallback ? 0 : 10 + addressScore * 2) + proposalScore;
        }
    }

    private ConnectionMatcher() {
    }

    static Matches match(Negotiation n, List<Named> peers) {
        List<List<Candidate>> all = new ArrayList<>();
        for (Named p : peers) {
            all.add(candidates(n, p));
        }
        Candidate bestIni = null;
        Candidate bestRes = null;
        int bestTotal = -1;
        for (int i = 0; i < peers.size(); i++) {
            for (int j = -1; j < peers.size(); j++) {
                if (i == j) {
                    continue;
                }
                Candidate ini = best(all.get(i), Role.INITIATOR);
                Candidate res = j < 0 ? null : best(all.get(j), Role.RESPONDER);
                int total = (ini == null ? 0 : 100 + ini.score()) + (res == null ? 0 : 100 + res.score());
                if (total > bestTotal) {
                    bestTotal = total;
                    bestIni = ini;
                    bestRes = res;
                }
            }
            // this peer as the responder alone
            Candidate res = best(all.get(i), Role.RESPONDER);
            int total = res == null ? 0 : 100 + res.score();
            if (total > bestTotal) {
                bestTotal = total;
                bestIni = null;
                bestRes = res;
            }
        }
        PeerMatch ini = toMatch(bestIni, all, peers);
        PeerMatch res = toMatch(bestRes, all, peers);
        // one side's addresses deciding its role decide the other's too: it is the peer left
        if (ini != null && res != null && ini.roleInferred() != res.roleInferred()) {
            ini = decided(ini);
            res = decided(res);
        }
        return new Matches(ini, res);
    }

    private static PeerMatch decided(PeerMatch m) {
        return new PeerMatch(m.file(), m.peer(), m.connection(), m.role(), false);
    }

    private static PeerMatch toMatch(Candidate c, List<List<Candidate>> all, List<Named> peers) {
        if (c == null) {
            return null;
        }
        Candidate other = best(all.get(peers.indexOf(c.named())), c.role() == Role.INITIATOR ? Role.RESPONDER
                : Role.INITIATOR);
        // the addresses decided the role only when they fit this role better than the other one
        boolean inferred = c.fallback() || (other != null && !other.fallback()
                && other.addressScore() >= c.addressScore());
        return new PeerMatch(c.named().file(), c.named().peer(), c.connection(), c.role(), inferred);
    }

    private static Candidate best(List<Candidate> candidates, Role role) {
        Candidate best = null;
        for (Candidate c : candidates) {
            if (c.role() == role && (best == null || c.score() > best.score())) {
                best = c;
            }
        }
        return best;
    }

    private static List<Candidate> candidates(Negotiation n, Named p) {
        List<Candidate> out = new ArrayList<>();
        List<ConnectionConfig> versionFits = new ArrayList<>();
        for (ConnectionConfig c : p.peer().connections()) {
            if (!versionFits(c, n)) {
                continue;
            }
            versionFits.add(c);
            for (Role role : Role.values()) {
                if (role == Role.INITIATOR && onlyAnswers(c)) {
                    continue;
                }
                String local = (role == Role.INITIATOR ? n.initiator() : n.responder()).address();
                String remote = (role == Role.INITIATOR ? n.responder() : n.initiator()).address();
                AddressFit l = AddressFit.of(c.localAddrs().value(), local);
                AddressFit r = AddressFit.of(c.remoteAddrs().value(), remote);
                if (l != AddressFit.NONE && r != AddressFit.NONE) {
                    out.add(new Candidate(p, c, role, l.ordinal() + r.ordinal(), proposalScore(n, c, role), false));
                }
            }
        }
        if (out.isEmpty()) {
            for (ConnectionConfig c : versionFits) {
                for (Role role : Role.values()) {
                    out.add(new Candidate(p, c, role, 0, proposalScore(n, c, role), true));
                }
            }
        }
        return out;
    }

    /** Without a remote address to send to (%any), a connection only answers: it cannot be the initiator. */
    private static boolean onlyAnswers(ConnectionConfig c) {
        List<String> remote = c.remoteAddrs().value();
        return remote == null || remote.isEmpty() || remote.stream().allMatch(a -> a.trim().isEmpty()
                || a.trim().startsWith("%") || a.trim().equals("0.0.0.0/0") || a.trim().equals("::/0"));
    }

    private static boolean versionFits(ConnectionConfig c, Negotiation n) {
        Integer version = c.ikeVersion().value();
        if (version != null && version != 0 && version != n.ikeVersion()) {
            return false;
        }
        if (n.ikeVersion() == 1 && n.exchangeMode() != null && c.aggressive().value() != null) {
            return c.aggressive().value() == "aggressive".equals(n.exchangeMode());
        }
        return true;
    }

    /** 1 when the connection's IKE proposals hold what the capture shows this role sending. */
    private static int proposalScore(Negotiation n, ConnectionConfig c, Role role) {
        if (n.phase1() == null) {
            return 0;
        }
        if (role == Role.INITIATOR && n.phase1().offered() != null && !n.phase1().offered().isEmpty()) {
            return ProposalFit.missingIke(n.ikeVersion(), c.ikeProposals().value(), n.phase1().offered().get(0))
                    .isEmpty() ? 1 : 0;
        }
        if (role == Role.RESPONDER && n.phase1().chosen() != null) {
            return ProposalFit.missingIke(n.ikeVersion(), c.ikeProposals().value(), n.phase1().chosen()).isEmpty()
                    ? 1 : 0;
        }
        return 0;
    }
}
