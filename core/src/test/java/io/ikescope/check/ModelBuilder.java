package io.ikescope.check;

import io.ikescope.config.Authentication;
import io.ikescope.config.ChildConfig;
import io.ikescope.config.ChildProposalConfig;
import io.ikescope.config.ConnectionConfig;
import io.ikescope.config.IkeProposalConfig;
import io.ikescope.config.Implementation;
import io.ikescope.config.Origin;
import io.ikescope.config.PeerConfig;
import io.ikescope.config.PskDigest;
import io.ikescope.config.Setting;
import io.ikescope.config.TrafficSelectorConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the configuration model in code, with strongSwan-like or libreswan-like defaults, every value traced to
 * a line of a named file (or to a default), as the readers will. Proposals in strongSwan's keyword syntax.
 */
final class ModelBuilder {

    static final class Conn {
        final String name;
        final String file;
        Implementation implementation = Implementation.STRONGSWAN;
        Setting<Integer> version;
        Setting<Boolean> aggressive;
        Setting<List<String>> localAddrs;
        Setting<List<String>> remoteAddrs;
        Setting<List<IkeProposalConfig>> proposals;
        Setting<String> localAuth;
        Setting<String> remoteAuth;
        Setting<String> localId;
        Setting<String> remoteId;
        Setting<PskDigest> psk;
        Setting<Long> rekey = Setting.byDefault(14400L, "strongSwan 5.9 default rekey_time 4h");
        Setting<Long> life = Setting.byDefault(15840L, "strongSwan 5.9 default rekey_time + over_time");
        final List<ChildConfig> children = new ArrayList<>();

        Conn(String name, String file, int line) {
            this.name = name;
            this.file = file;
            version = Setting.byDefault(0, "strongSwan 5.9 default version 0");
            aggressive = Setting.byDefault(false, "strongSwan 5.9 default aggressive no");
            localAddrs = Setting.byDefault(List.of("%any"), "strongSwan 5.9 default local_addrs %any");
            remoteAddrs = Setting.byDefault(List.of("%any"), "strongSwan 5.9 default remote_addrs %any");
            proposals = Setting.byDefault(List.of(ike("aes128-sha256-modp3072", Origin.byDefault("default"))),
                    "strongSwan 5.9 default proposal");
            localAuth = Setting.byDefault("PUBKEY", "strongSwan 5.9 default auth pubkey");
            remoteAuth = Setting.byDefault("PUBKEY", "strongSwan 5.9 default auth pubkey");
            localId = Setting.byDefault(null, "strongSwan 5.9 default id: the address");
            remoteId = Setting.byDefault("%any", "strongSwan 5.9 default remote id %any");
            psk = Setting.byDefault(null, "no secret configured");
        }

        Origin at(int line) {
            return Origin.at(file, line);
        }

        Conn implementation(Implementation i) {
            implementation = i;
            return this;
        }

        Conn version(int v, int line) {
            version = Setting.of(v, at(line));
            return this;
        }

        Conn aggressive(boolean a, int line) {
            aggressive = Setting.of(a, at(line));
            return this;
        }

        Conn local(String addr, int line) {
            localAddrs = Setting.of(List.of(addr), at(line));
            return this;
        }

        Conn remote(String addr, int line) {
            remoteAddrs = Setting.of(List.of(addr), at(line));
            return this;
        }

        Conn proposals(String text, int line) {
            List<IkeProposalConfig> list = new ArrayList<>();
            for (String p : text.split(",")) {
                list.add(ike(p.trim(), at(line)));
            }
            proposals = Setting.of(list, at(line));
            return this;
        }

        Conn auth(String local, int localLine, String remote, int remoteLine) {
            localAuth = Setting.of(local, at(localLine));
            remoteAuth = Setting.of(remote, at(remoteLine));
            return this;
        }

        Conn ids(String local, int localLine, String remote, int remoteLine) {
            localId = Setting.of(local, at(localLine));
            remoteId = Setting.of(remote, at(remoteLine));
            return this;
        }

        Conn psk(String secret, String secretsFile, int line) {
            psk = Setting.of(secret == null ? null : PskDigest.of(secret), Origin.at(secretsFile, line));
            return this;
        }

        /** A key set but stored encrypted (FortiOS ENC ...): {@link PskDigest#UNREADABLE}. */
        Conn unreadablePsk(String secretsFile, int line) {
            psk = Setting.of(PskDigest.UNREADABLE, Origin.at(secretsFile, line));
            return this;
        }

        Conn lifetimes(Long rekeySeconds, Long lifeSeconds, int line) {
            rekey = Setting.of(rekeySeconds, at(line));
            life = Setting.of(lifeSeconds, at(line));
            return this;
        }

        Conn child(Child c) {
            children.add(c.build(this));
            return this;
        }

        ConnectionConfig build() {
            return new ConnectionConfig(name, at(1), implementation, version, aggressive, localAddrs, remoteAddrs,
                    proposals, Setting.byDefault(true, "strict"), new Authentication(localAuth, localId, psk),
                    new Authentication(remoteAuth, remoteId, psk), children,
                    Setting.byDefault(false, "no encap"), rekey, life);
        }
    }

    static final class Child {
        final String name;
        final int line;
        String local;
        int localLine;
        String remote;
        int remoteLine;
        String esp;
        int espLine;
        Long rekey = 3600L;
        Long life = 3960L;
        Integer lifeLine;
        String mode;

        Child(String name, int line) {
            this.name = name;
            this.line = line;
        }

        Child ts(String localTs, int lLine, String remoteTs, int rLine) {
            local = localTs;
            localLine = lLine;
            remote = remoteTs;
            remoteLine = rLine;
            return this;
        }

        Child mode(String m) {
            mode = m;
            return this;
        }

        Child esp(String text, int l) {
            esp = text;
            espLine = l;
            return this;
        }

        Child lifetimes(Long rekeySeconds, Long lifeSeconds, int l) {
            rekey = rekeySeconds;
            life = lifeSeconds;
            lifeLine = l;
            return this;
        }

        ChildConfig build(Conn conn) {
            Setting<List<TrafficSelectorConfig>> l = local == null
                    ? Setting.byDefault(List.of(TrafficSelectorConfig.dynamic("dynamic", Origin.byDefault("dynamic"))),
                            "strongSwan default local_ts dynamic")
                    : Setting.of(selectors(local, conn.at(localLine)), conn.at(localLine));
            Setting<List<TrafficSelectorConfig>> r = remote == null
                    ? Setting.byDefault(List.of(TrafficSelectorConfig.dynamic("dynamic", Origin.byDefault("dynamic"))),
                            "strongSwan default remote_ts dynamic")
                    : Setting.of(selectors(remote, conn.at(remoteLine)), conn.at(remoteLine));
            List<ChildProposalConfig> proposals = new ArrayList<>();
            String text = esp == null ? "aes128gcm16,aes128-sha256" : esp;
            Origin espOrigin = esp == null ? Origin.byDefault("strongSwan 5.9 default esp_proposals")
                    : conn.at(espLine);
            for (String p : text.split(",")) {
                proposals.add(ModelBuilder.esp(p.trim(), espOrigin));
            }
            Origin timing = lifeLine == null ? Origin.byDefault("strongSwan 5.9 default rekey_time 1h")
                    : conn.at(lifeLine);
            return new ChildConfig(name, conn.at(line), l, r, Setting.of(proposals, espOrigin),
                    mode == null ? Setting.byDefault("tunnel", "default mode") : Setting.of(mode, conn.at(line + 5)), Setting.byDefault("none", "default start_action"),
                    Setting.of(rekey, timing), Setting.of(life, timing));
        }
    }

    static Conn conn(String name, String file) {
        return new Conn(name, file, 1);
    }

    static Child child(String name, int line) {
        return new Child(name, line);
    }

    static PeerConfig peer(Implementation implementation, String file, ConnectionConfig... connections) {
        return new PeerConfig(implementation, implementation.displayName(), List.of(file), List.of(connections),
                List.of());
    }

    private static List<TrafficSelectorConfig> selectors(String text, Origin origin) {
        List<TrafficSelectorConfig> out = new ArrayList<>();
        for (String t : text.split(",")) {
            out.add(t.trim().equals("dynamic") ? TrafficSelectorConfig.dynamic("dynamic", origin)
                    : TrafficSelectorConfig.network(t.trim(), origin));
        }
        return out;
    }

    /** strongSwan's IKE proposal keywords the lab uses; a lone integrity keyword also gives the PRF. */
    static IkeProposalConfig ike(String text, Origin origin) {
        List<String> enc = new ArrayList<>();
        List<String> integ = new ArrayList<>();
        List<String> prf = new ArrayList<>();
        List<Integer> groups = new ArrayList<>();
        List<String> integPrf = new ArrayList<>();
        for (String k : text.split("-")) {
            if (Keywords.ENCRYPTION.containsKey(k)) {
                enc.add(Keywords.ENCRYPTION.get(k));
            } else if (Keywords.INTEGRITY.containsKey(k)) {
                integ.add(Keywords.INTEGRITY.get(k));
                integPrf.add(Keywords.PRF_OF_INTEGRITY.get(k));
            } else if (Keywords.PRF.containsKey(k)) {
                prf.add(Keywords.PRF.get(k));
            } else if (Keywords.GROUPS.containsKey(k)) {
                groups.add(Keywords.GROUPS.get(k));
            } else {
                throw new IllegalArgumentException("test keyword unknown: " + k);
            }
        }
        if (prf.isEmpty()) {
            prf.addAll(integPrf);
        }
        return new IkeProposalConfig(enc, integ, prf, groups, origin);
    }

    static ChildProposalConfig esp(String text, Origin origin) {
        List<String> enc = new ArrayList<>();
        List<String> integ = new ArrayList<>();
        List<Integer> groups = new ArrayList<>();
        List<Boolean> esn = new ArrayList<>();
        for (String k : text.split("-")) {
            if (Keywords.ENCRYPTION.containsKey(k)) {
                enc.add(Keywords.ENCRYPTION.get(k));
            } else if (Keywords.INTEGRITY.containsKey(k)) {
                integ.add(Keywords.INTEGRITY.get(k));
            } else if (Keywords.GROUPS.containsKey(k)) {
                groups.add(Keywords.GROUPS.get(k));
            } else if (k.equals("esn") || k.equals("noesn")) {
                esn.add(k.equals("esn"));
            } else {
                throw new IllegalArgumentException("test keyword unknown: " + k);
            }
        }
        return new ChildProposalConfig("ESP", enc, integ, groups, esn, origin);
    }
}
