package io.ikescope.probe.against;

import io.ikescope.config.ConnectionConfig;
import io.ikescope.config.IkeProposalConfig;
import io.ikescope.config.PeerConfig;
import io.ikescope.probe.ProbeReport;
import io.ikescope.probe.ikev2.Ikev2Result;
import io.ikescope.probe.ikev2.Ikev2Suite;
import io.ikescope.probe.ikev2.Ikev2Transform;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Weighs a local configuration against a probe's answers, as the local end initiating to the probed peer would
 * fare in Phase 1: a connection negotiates when one of its proposal combinations is one the peer accepted. When
 * it fails, each transform type whose configured values the peer refuses all is named with what the peer accepts.
 */
public final class AgainstConfig {
    private static final int SHOWN = 5;

    private AgainstConfig() {
    }

    public static AgainstReport weigh(PeerConfig config, ProbeReport report, String connectionName) {
        List<ConnectionConfig> chosen = new ArrayList<>();
        String note;
        if (connectionName != null) {
            config.connection(connectionName).ifPresent(chosen::add);
            if (chosen.isEmpty()) {
                throw new IllegalArgumentException("no connection " + connectionName + " in " + config.files());
            }
            note = "connection " + connectionName + " as asked";
        } else {
            InetAddress target = report.target().address().getAddress();
            for (ConnectionConfig c : config.connections()) {
                if (names(c.remoteAddrs().value(), target)) {
                    chosen.add(c);
                }
            }
            note = chosen.isEmpty() ? "no connection names " + target.getHostAddress()
                    + " as its peer: every connection is weighed" : "the connections whose peer is "
                    + target.getHostAddress();
            if (chosen.isEmpty()) {
                chosen.addAll(config.connections());
            }
        }
        List<ConnectionFit> fits = new ArrayList<>();
        for (ConnectionConfig c : chosen) {
            fits.add(fit(c, report));
        }
        return new AgainstReport(config.files(), note, fits);
    }

    private static boolean names(List<String> addresses, InetAddress target) {
        if (addresses == null) {
            return false;
        }
        for (String a : addresses) {
            try {
                if (!a.isBlank() && Character.digit(a.charAt(0), 16) >= 0 && a.indexOf('/') < 0
                        && InetAddress.getByName(a).equals(target)) {
                    return true;
                }
            } catch (java.net.UnknownHostException e) {
                // a name that does not resolve here names no probed address
            }
        }
        return false;
    }

    private static ConnectionFit fit(ConnectionConfig c, ProbeReport report) {
        int version = c.ikeVersion().value() == null ? 2 : c.ikeVersion().value();
        String origin = c.origin() == null ? null : c.origin().toString();
        if (version == 1) {
            return Ikev1Fit.fit(c, report, origin);
        }
        Ikev2Result r = report.ikev2();
        if (r == null || !r.answered()) {
            return new ConnectionFit(c.name(), origin, 2, ConnectionFit.Verdict.NOT_PROBED, false, List.of(),
                    List.of(r == null ? "IKEv2 was not probed" : "the peer did not answer IKEv2"));
        }
        boolean inferred = !r.complete();
        Set<List<Object>> accepted = new LinkedHashSet<>();
        for (Ikev2Suite s : r.accepted()) {
            accepted.add(key(s.encryptionName(), s.prfName(), s.integrityName(), s.group()));
        }
        Set<String> encOk = names(r.encryption().accepted().stream().map(Ikev2Transform::name).toList());
        Set<String> prfOk = names(r.prf().accepted().stream().map(id -> Ikev2Transform.prf(id).name()).toList());
        Set<String> integOk = names(r.integrity().accepted().stream()
                .map(id -> Ikev2Transform.integrity(id).name()).toList());
        Set<Integer> groupOk = new LinkedHashSet<>(r.groups().accepted()); // in the order tested

        List<String> matching = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        List<IkeProposalConfig> proposals = c.ikeProposals().value() == null ? List.of() : c.ikeProposals().value();
        for (IkeProposalConfig p : proposals) {
            for (String e : p.encryption()) {
                for (String prf : p.prf()) {
                    for (String i : p.integrity().isEmpty() ? java.util.Collections.<String>singletonList(null)
                            : p.integrity()) {
                        for (int g : p.dhGroups()) {
                            boolean ok = inferred
                                    ? encOk.contains(e) && prfOk.contains(prf) && (i == null || integOk.contains(i))
                                    && groupOk.contains(g)
                                    : accepted.contains(key(e, prf, i, g));
                            if (ok) {
                                matching.add(e + " / " + prf + (i == null ? "" : " / " + i) + " / group " + g);
                            }
                        }
                    }
                }
            }
        }
        if (!matching.isEmpty()) {
            return new ConnectionFit(c.name(), origin, 2, ConnectionFit.Verdict.NEGOTIATES, inferred, matching,
                    List.of());
        }
        for (IkeProposalConfig p : proposals) {
            missing(changes, "encryption", p.encryption(), encOk);
            missing(changes, "PRF", p.prf(), prfOk);
            if (!p.integrity().isEmpty()) {
                missing(changes, "integrity", p.integrity(), integOk);
            }
            missing(changes, "DH group", p.dhGroups().stream().map(String::valueOf).toList(),
                    names(groupOk.stream().map(String::valueOf).toList()));
        }
        if (changes.isEmpty()) {
            changes.add("each configured algorithm is accepted on its own, but in none of these combinations; the"
                    + " peer accepts " + shown(r.accepted().stream().map(Ikev2Suite::text).toList()));
        }
        return new ConnectionFit(c.name(), origin, 2, ConnectionFit.Verdict.FAILS, inferred, List.of(),
                List.copyOf(new LinkedHashSet<>(changes)));
    }

    static void missing(List<String> changes, String type, List<String> configured, Set<String> acceptedNames) {
        if (configured.stream().noneMatch(acceptedNames::contains)) {
            changes.add(type + ": the peer accepts none of " + String.join(", ", configured) + "; it accepts "
                    + (acceptedNames.isEmpty() ? "none of the tested" : shown(List.copyOf(acceptedNames))));
        }
    }

    static String shown(List<String> values) {
        if (values.size() <= SHOWN) {
            return String.join(", ", values);
        }
        return String.join(", ", values.subList(0, SHOWN)) + " and " + (values.size() - SHOWN) + " more";
    }

    private static Set<String> names(List<String> values) {
        return new LinkedHashSet<>(values);
    }

    private static List<Object> key(String encryption, String prf, String integrity, int group) {
        List<Object> k = new ArrayList<>();
        k.add(encryption);
        k.add(prf);
        k.add(integrity);
        k.add(group);
        return k;
    }
}
