package io.ikescope.config.mikrotik;

import io.ikescope.config.ChildConfig;
import io.ikescope.config.ChildProposalConfig;
import io.ikescope.config.ConfigException;
import io.ikescope.config.ConfigWarning;
import io.ikescope.config.Origin;
import io.ikescope.config.Setting;
import io.ikescope.config.TrafficSelectorConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A policy with its proposal as one child of its peer's connection. */
final class RouterOsPolicies {
    private RouterOsPolicies() {
    }

    /** Policy protocol names RouterOS writes for the common protocols; any other is written as its number. */
    private static final Map<String, Integer> PROTOCOLS = Map.ofEntries(
            Map.entry("all", 0), Map.entry("icmp", 1), Map.entry("igmp", 2), Map.entry("ipencap", 4),
            Map.entry("tcp", 6), Map.entry("egp", 8), Map.entry("udp", 17), Map.entry("ipv6-encap", 41),
            Map.entry("rsvp", 46), Map.entry("gre", 47), Map.entry("ipsec-esp", 50), Map.entry("ipsec-ah", 51),
            Map.entry("icmpv6", 58), Map.entry("ospf", 89), Map.entry("etherip", 97), Map.entry("encap", 98),
            Map.entry("pim", 103), Map.entry("vrrp", 112), Map.entry("l2tp", 115), Map.entry("sctp", 132),
            Map.entry("udp-lite", 136));

    static ChildConfig child(String name, RouterOsItem policy, RouterOsItem proposal, boolean passive,
                             List<String> peerAddresses, List<ConfigWarning> warnings) throws ConfigException {
        int protocol = protocol(policy);
        Setting<List<TrafficSelectorConfig>> local = selector(policy, "src-address", "src-port", protocol);
        Setting<List<TrafficSelectorConfig>> remote = selector(policy, "dst-address", "dst-port", protocol);
        Setting<String> action = policy.choice("action", List.of("encrypt", "none", "discard"),
                RouterOsDefaults.ACTION);
        Setting<String> tunnel = policy.choice("tunnel", List.of("yes", "no"), RouterOsDefaults.TUNNEL);
        Setting<String> mode = switch (action.value()) {
            case "none" -> action.map(a -> "pass");
            case "discard" -> action.map(a -> "drop");
            default -> tunnel.map(t -> t.equals("yes") ? "tunnel" : "transport");
        };
        policy.choice("level", List.of("require", "unique", "use"), RouterOsDefaults.LEVEL);
        Setting<String> ipsecProtocol = policy.choice("ipsec-protocols", List.of("esp", "ah"),
                RouterOsDefaults.IPSEC_PROTOCOLS);
        saAddress(policy, "sa-src-address", null, warnings);
        saAddress(policy, "sa-dst-address", peerAddresses, warnings);
        policy.entry.get("proposal");
        policy.entry.get("peer");

        Setting<List<ChildProposalConfig>> proposals = proposals(proposal, ipsecProtocol.value().toUpperCase());
        Setting<Long> lifetime = proposal.seconds("lifetime", RouterOsDefaults.PROPOSAL_LIFETIME);
        // passive=no: the peer brings up phase 1 and 2 for its policies by itself (the manual's 'passive')
        Setting<String> start = Setting.byDefault(passive ? "none" : "start", RouterOsDefaults.of("ip ipsec peer",
                "passive") + " (" + (passive ? "yes" : "no") + ")");
        return new ChildConfig(name, policy.origin(), local, remote, proposals, mode, start, lifetime, lifetime);
    }

    private static int protocol(RouterOsItem policy) throws ConfigException {
        ExportEntry.Property p = policy.entry.get("protocol");
        if (p == null) {
            return 0;
        }
        Integer known = PROTOCOLS.get(p.value());
        if (known != null) {
            return known;
        }
        if (p.value().matches("\\d{1,3}") && Integer.parseInt(p.value()) <= 255) {
            return Integer.parseInt(p.value());
        }
        throw policy.error(p, "expected a protocol name (tcp, udp, icmp, gre, ...) or number 0-255");
    }

    private static Setting<List<TrafficSelectorConfig>> selector(RouterOsItem policy, String addressKey,
                                                                 String portKey, int protocol) throws ConfigException {
        Setting<String> address = policy.text(addressKey, RouterOsDefaults.ADDRESS);
        Setting<String> portText = policy.text(portKey, RouterOsDefaults.PORT);
        int low = 0;
        int high = 65535;
        if (!portText.value().equals("any")) {
            String[] range = portText.value().split("-", 2);
            try {
                low = Integer.parseInt(range[0]);
                high = range.length == 2 ? Integer.parseInt(range[1]) : low;
            } catch (NumberFormatException e) {
                low = -1;
            }
            if (low < 0 || high > 65535 || low > high) {
                throw policy.error(policy.entry.get(portKey), "expected 'any', a port or a range such as 1000-2000");
            }
        }
        try {
            Origin origin = address.origin();
            return Setting.of(List.of(TrafficSelectorConfig.network(address.value(), protocol, low, high, origin)),
                    origin);
        } catch (IllegalArgumentException e) {
            throw policy.error(policy.entry.get(addressKey), e.getMessage());
        }
    }

    /** ESP/AH proposals: one of every cipher with every integrity, AEAD ciphers in one of their own. */
    private static Setting<List<ChildProposalConfig>> proposals(RouterOsItem proposal, String protocol)
            throws ConfigException {
        Setting<List<String>> enc = proposal.list("enc-algorithms", RouterOsAlgorithms.PROPOSAL_ENCRYPTION,
                RouterOsDefaults.ENC_ALGORITHMS);
        Map<String, String> auths = new java.util.HashMap<>(RouterOsAlgorithms.INTEGRITY);
        auths.put("null", "");
        Setting<List<String>> auth = proposal.list("auth-algorithms", auths, RouterOsDefaults.AUTH_ALGORITHMS);
        Map<String, Integer> pfsGroups = new java.util.HashMap<>(RouterOsAlgorithms.GROUPS);
        pfsGroups.put("none", 0);
        Setting<List<Integer>> pfs = proposal.list("pfs-group", pfsGroups, RouterOsDefaults.PFS_GROUP);
        List<Integer> groups = pfs.value().stream().filter(g -> g != 0).toList();
        List<String> integrity = auth.value().stream().filter(a -> !a.isEmpty()).toList();
        Origin origin = proposal.origin();
        List<ChildProposalConfig> out = new ArrayList<>();
        if (protocol.equals("AH")) {
            out.add(new ChildProposalConfig("AH", List.of(), integrity, groups, List.of(), origin));
            return Setting.of(out, origin);
        }
        List<String> classic = enc.value().stream().filter(e -> !RouterOsAlgorithms.AEAD.contains(e)).toList();
        List<String> aead = enc.value().stream().filter(RouterOsAlgorithms.AEAD::contains).toList();
        if (!classic.isEmpty()) {
            out.add(new ChildProposalConfig("ESP", classic, integrity, groups, List.of(), origin));
        }
        if (!aead.isEmpty()) {
            out.add(new ChildProposalConfig("ESP", aead, List.of(), groups, List.of(), origin));
        }
        return Setting.of(out, origin);
    }

    /** v7 derives the SA addresses from the peer; an export that still names others is probably a v6 one. */
    private static void saAddress(RouterOsItem policy, String key, List<String> peerAddresses,
                                  List<ConfigWarning> warnings) {
        ExportEntry.Property p = policy.entry.get(key);
        if (p != null && peerAddresses != null && !peerAddresses.contains(p.value())
                && !peerAddresses.contains("%any")) {
            warnings.add(new ConfigWarning(policy.at(p), "/ip ipsec policy " + policy.label() + ": " + key
                    + " differs from its peer's address; the peer's is used"));
        }
    }
}
