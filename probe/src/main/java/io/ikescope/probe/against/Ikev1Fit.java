package io.ikescope.probe.against;

import io.ikescope.config.ConnectionConfig;
import io.ikescope.config.IkeProposalConfig;
import io.ikescope.probe.ProbeReport;
import io.ikescope.probe.ikev1.Ikev1Result;
import io.ikescope.probe.ikev1.Ikev1Suite;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An IKEv1 connection weighed against the IKEv1 probe: one of its suites (cipher, hash, the local authentication
 * method, group) among those the peer chose; an Aggressive Mode connection also needs Aggressive Mode to answer.
 */
final class Ikev1Fit {
    private Ikev1Fit() {
    }

    static ConnectionFit fit(ConnectionConfig c, ProbeReport report, String origin) {
        Ikev1Result r = report.ikev1();
        if (r == null || !r.answered()) {
            return new ConnectionFit(c.name(), origin, 1, ConnectionFit.Verdict.NOT_PROBED, false, List.of(),
                    List.of(r == null ? "IKEv1 was not probed" : "the peer did not answer IKEv1"));
        }
        String method = c.local() == null || c.local().method() == null ? null : c.local().method().value();
        boolean inferred = !r.complete();
        Set<String> accepted = new LinkedHashSet<>();
        for (Ikev1Suite s : r.accepted()) {
            accepted.add(key(s.encryptionName(), s.hashName(), s.authMethodName(), s.group()));
        }
        List<String> matching = new ArrayList<>();
        List<IkeProposalConfig> proposals = c.ikeProposals().value() == null ? List.of() : c.ikeProposals().value();
        for (IkeProposalConfig p : proposals) {
            for (String e : p.encryption()) {
                for (String h : p.ikev1Hashes()) {
                    for (int g : p.dhGroups()) {
                        if (accepted.contains(key(e, h, method, g))) {
                            matching.add(e + " / " + h + " / " + method + " / group " + g);
                        }
                    }
                }
            }
        }
        List<String> changes = new ArrayList<>();
        boolean aggressive = Boolean.TRUE.equals(c.aggressive().value());
        if (aggressive && (r.aggressiveMode() == null || r.aggressiveMode().proposal() == null)) {
            changes.add(r.aggressiveMode() == null ? "the connection uses Aggressive Mode: probe with --aggressive"
                    + " to weigh it" : "the connection uses Aggressive Mode, which the peer did not answer with a"
                    + " proposal: use Main Mode");
        }
        if (matching.isEmpty()) {
            Set<String> enc = new LinkedHashSet<>(r.encryption().accepted());
            Set<String> hash = new LinkedHashSet<>(r.hash().accepted());
            Set<String> methods = new LinkedHashSet<>(r.authMethod().accepted());
            Set<String> groups = new LinkedHashSet<>();
            r.groups().accepted().forEach(g -> groups.add(String.valueOf(g)));
            for (IkeProposalConfig p : proposals) {
                AgainstConfig.missing(changes, "encryption", p.encryption(), enc);
                AgainstConfig.missing(changes, "hash", p.ikev1Hashes(), hash);
                AgainstConfig.missing(changes, "DH group", p.dhGroups().stream().map(String::valueOf).toList(),
                        groups);
            }
            if (method != null) {
                AgainstConfig.missing(changes, "authentication", List.of(method), methods);
            }
            if (changes.isEmpty()) {
                changes.add("each configured algorithm is accepted on its own, but in none of these combinations;"
                        + " the peer accepts " + AgainstConfig.shown(r.accepted().stream().map(Ikev1Suite::text)
                        .toList()));
            }
        }
        ConnectionFit.Verdict verdict = matching.isEmpty() || !changes.isEmpty() ? ConnectionFit.Verdict.FAILS
                : ConnectionFit.Verdict.NEGOTIATES;
        return new ConnectionFit(c.name(), origin, 1, verdict, inferred, matching,
                List.copyOf(new LinkedHashSet<>(changes)));
    }

    private static String key(String encryption, String hash, String method, Integer group) {
        return encryption + "|" + hash + "|" + method + "|" + group;
    }
}
