package io.ikescope.config.fortios;

import io.ikescope.config.Authentication;
import io.ikescope.config.ChildConfig;
import io.ikescope.config.ConfigException;
import io.ikescope.config.ConnectionConfig;
import io.ikescope.config.IkeProposalConfig;
import io.ikescope.config.Implementation;
import io.ikescope.config.Origin;
import io.ikescope.config.PskDigest;
import io.ikescope.config.Setting;
import java.util.ArrayList;
import java.util.List;

/** One {@code edit} of {@code config vpn ipsec phase1-interface} (or the policy-based {@code phase1}). */
final class FortiPhase1 {
    private FortiPhase1() {
    }

    static ConnectionConfig read(FortiEntry e, List<ChildConfig> children) throws ConfigException {
        Setting<String> version = e.choice("ike-version", List.of("1", "2"), FortiDefaults.IKE_VERSION,
                FortiDefaults.phase1("ike-version"));
        Setting<String> mode = e.choice("mode", List.of("main", "aggressive"), FortiDefaults.MODE,
                FortiDefaults.phase1("mode"));
        Setting<Integer> ikeVersion = version.map(Integer::parseInt);
        // 'mode' is IKEv1's: an IKEv2 gateway ignores it
        Setting<Boolean> aggressive = ikeVersion.value() == 1 ? mode.map(m -> m.equals("aggressive"))
                : Setting.of(false, ikeVersion.origin());

        boolean v6 = e.choice("ip-version", List.of("4", "6"), "4", FortiDefaults.phase1("ip-version")).value()
                .equals("6");
        Setting<List<IkeProposalConfig>> proposals = proposals(e, groups(e));
        Setting<String> natt = e.choice("nattraversal", List.of("enable", "disable", "forced"),
                FortiDefaults.NATTRAVERSAL, FortiDefaults.phase1("nattraversal"));
        // read for their values' sake: neither changes what the proposals or identities are
        e.choice("fragmentation", List.of("enable", "disable"), FortiDefaults.FRAGMENTATION,
                FortiDefaults.phase1("fragmentation"));
        e.choice("dpd", List.of("disable", "on-idle", "on-demand"), FortiDefaults.DPD, FortiDefaults.phase1("dpd"));
        Setting<Long> keylife = e.number("keylife", 120, 172800, FortiDefaults.KEYLIFE,
                FortiDefaults.phase1("keylife"));

        return new ConnectionConfig(e.name(), e.origin(), Implementation.FORTIOS, ikeVersion, aggressive,
                localAddresses(e, v6), remoteAddresses(e, v6), proposals, Setting.of(true, Origin.byDefault(
                        FortiDefaults.VERSION + ": a FortiGate accepts only the proposals it is configured with")),
                local(e), remote(e), children, natt.map(n -> n.equals("forced")), keylife, keylife);
    }

    private static Setting<List<Integer>> groups(FortiEntry e) throws ConfigException {
        FortiTree.Setting s = e.get("dhgrp");
        List<String> words = s == null ? List.of(FortiDefaults.DHGRP.split(" ")) : s.values();
        List<Integer> groups = new ArrayList<>();
        for (String word : words) {
            Integer group = word.matches("\\d{1,3}") ? Integer.valueOf(word) : null;
            if (group == null || !FortiAlgorithms.DH_GROUPS.contains(group)) {
                throw e.error(s, "'" + word + "' is not a DH group FortiOS offers " + FortiAlgorithms.DH_GROUPS);
            }
            groups.add(group);
        }
        return s == null ? Setting.byDefault(groups, FortiDefaults.phase1("dhgrp") + " (" + FortiDefaults.DHGRP + ")")
                : Setting.of(groups, e.at(s));
    }

    private static Setting<List<IkeProposalConfig>> proposals(FortiEntry e, Setting<List<Integer>> groups)
            throws ConfigException {
        FortiEntry.ProposalWords proposal = e.proposalWords("phase1-interface", FortiDefaults.PHASE1_PROPOSAL);
        FortiTree.Setting s = proposal.setting();
        Origin origin = proposal.origin();
        List<String> words = proposal.words();
        List<IkeProposalConfig> out = new ArrayList<>();
        for (String word : words) {
            String[] algorithms = FortiAlgorithms.phase1(word);
            if (algorithms == null) {
                throw e.error(s, "'" + word + "' is not a phase 1 proposal (cipher-hash such as aes256-sha256, or"
                        + " an AEAD cipher with its PRF such as aes256gcm-prfsha384)");
            }
            out.add(new IkeProposalConfig(List.of(algorithms[0]),
                    algorithms[1] == null ? List.of() : List.of(algorithms[1]), List.of(algorithms[2]),
                    groups.value(), origin));
        }
        return Setting.of(out, origin);
    }

    private static Setting<List<String>> localAddresses(FortiEntry e, boolean v6) {
        FortiTree.Setting gw = ofVersion(e, v6, "local-gw", "local-gw6");
        FortiTree.Setting iface = e.get("interface");
        if (gw != null && !gw.joined().equals("0.0.0.0") && !gw.joined().equals("::")) {
            return Setting.of(gw.values(), e.at(gw));
        }
        String where = iface == null ? "its outgoing interface" : "interface '" + iface.joined() + "'";
        return Setting.byDefault(List.of("%any"), FortiDefaults.phase1("local-gw")
                + " (0.0.0.0: the address of " + where + ")");
    }

    private static Setting<List<String>> remoteAddresses(FortiEntry e, boolean v6) throws ConfigException {
        Setting<String> type = e.choice("type", List.of("static", "dynamic", "ddns"), FortiDefaults.TYPE,
                FortiDefaults.phase1("type"));
        FortiTree.Setting gw = ofVersion(e, v6, "remote-gw", "remote-gw6");
        if (gw != null && (gw.joined().equals("0.0.0.0") || gw.joined().equals("::"))) {
            gw = null; // 'show full-configuration' prints the unset default
        }
        FortiTree.Setting ddns = e.get("remotegw-ddns");
        return switch (type.value()) {
            case "dynamic" -> Setting.of(List.of("%any"), type.origin());
            case "ddns" -> ddns == null ? Setting.of(null, type.origin()) : Setting.of(ddns.values(), e.at(ddns));
            default -> gw == null ? Setting.byDefault(null, FortiDefaults.phase1("remote-gw")
                    + " (0.0.0.0: no peer; a static gateway needs remote-gw)") : Setting.of(gw.values(), e.at(gw));
        };
    }

    private static Authentication local(FortiEntry e) throws ConfigException {
        Setting<String> method = method(e.choice("authmethod", List.of("psk", "signature"),
                FortiDefaults.AUTHMETHOD, FortiDefaults.phase1("authmethod")));
        FortiTree.Setting localid = e.get("localid");
        Setting<String> id = localid == null || localid.joined().isEmpty()
                ? Setting.byDefault(null, FortiDefaults.phase1("localid") + " (empty: the local address)")
                : Setting.of(localid.joined(), e.at(localid));
        return new Authentication(method, id, psk(e, method, "psksecret"));
    }

    private static Authentication remote(FortiEntry e) throws ConfigException {
        Setting<String> local = method(e.choice("authmethod", List.of("psk", "signature"),
                FortiDefaults.AUTHMETHOD, FortiDefaults.phase1("authmethod")));
        FortiTree.Setting remoteMethod = e.get("authmethod-remote");
        Setting<String> method = remoteMethod == null ? local : method(e.choice("authmethod-remote",
                List.of("psk", "signature"), null, null));
        Setting<String> peertype = e.choice("peertype", List.of("any", "one", "dialup", "peer", "peergrp"),
                FortiDefaults.PEERTYPE, FortiDefaults.phase1("peertype"));
        FortiTree.Setting peerid = e.get("peerid");
        Setting<String> id;
        if (peertype.value().equals("one")) {
            if (peerid == null) {
                throw new ConfigException(e.file(), peertype.origin().line(), "phase1-interface '" + e.name()
                        + "': peertype one needs 'set peerid'");
            }
            id = Setting.of(peerid.joined(), e.at(peerid));
        } else {
            // any: every peer ID is accepted; dialup, peer, peergrp: users or certificates decide, not an ID
            id = Setting.of(null, peertype.origin());
        }
        // authmethod-remote psk checks the peer with psksecret-remote when it is set
        String secretKey = e.get("psksecret-remote") == null ? "psksecret" : "psksecret-remote";
        return new Authentication(method, id, psk(e, method, secretKey));
    }

    private static Setting<String> method(Setting<String> fortiMethod) {
        return fortiMethod.map(m -> m.equals("psk") ? "PSK" : "PUBKEY");
    }

    /** ENC (a backup) or a masked value: set but not comparable; a plain value (a script): its digest. */
    private static Setting<PskDigest> psk(FortiEntry e, Setting<String> method, String key) {
        FortiTree.Setting s = e.get(key);
        if (s == null) {
            return Setting.of(null, method.origin());
        }
        List<String> v = s.values();
        boolean unreadable = v.size() == 2 && v.get(0).equals("ENC") || v.size() == 1 && v.get(0).matches("\\*+");
        return Setting.of(unreadable ? PskDigest.UNREADABLE : PskDigest.of(String.join(" ", v)), e.at(s));
    }

    /** The IPv4 or IPv6 form of a gateway option as ip-version says; both are marked read. */
    private static FortiTree.Setting ofVersion(FortiEntry e, boolean v6, String v4Key, String v6Key) {
        FortiTree.Setting s4 = e.get(v4Key);
        FortiTree.Setting s6 = e.get(v6Key);
        return v6 ? s6 : s4;
    }
}
