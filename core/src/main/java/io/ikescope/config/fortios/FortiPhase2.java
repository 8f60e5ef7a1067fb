package io.ikescope.config.fortios;

import io.ikescope.config.ChildConfig;
import io.ikescope.config.ChildProposalConfig;
import io.ikescope.config.ConfigException;
import io.ikescope.config.ConfigWarning;
import io.ikescope.config.Origin;
import io.ikescope.config.Setting;
import io.ikescope.config.TrafficSelectorConfig;
import java.util.ArrayList;
import java.util.List;

/** One {@code edit} of {@code config vpn ipsec phase2-interface} (or {@code phase2}): a child of its phase 1. */
final class FortiPhase2 {
    private static final List<String> ADDR_TYPES =
            List.of("subnet", "range", "ip", "name", "subnet6", "range6", "ip6", "name6");

    private final FortiEntry e;
    private final FortiAddressBook addresses;
    private final List<ConfigWarning> warnings;

    FortiPhase2(FortiEntry e, FortiAddressBook addresses, List<ConfigWarning> warnings) {
        this.e = e;
        this.addresses = addresses;
        this.warnings = warnings;
    }

    /** The phase 1 this child belongs to. */
    static String phase1Name(FortiEntry e) throws ConfigException {
        FortiTree.Setting s = e.get("phase1name");
        if (s == null || s.values().size() != 1) {
            throw new ConfigException(e.file(), e.origin().line(), "phase2-interface '" + e.name()
                    + "': 'set phase1name' (one name) is required");
        }
        return s.values().get(0);
    }

    ChildConfig read() throws ConfigException {
        Setting<Long> protocol = e.number("protocol", 0, 255, 0L, FortiDefaults.phase2("protocol") + " (0: any)");
        Setting<List<TrafficSelectorConfig>> local = selectors("src", protocol.value().intValue());
        Setting<List<TrafficSelectorConfig>> remote = selectors("dst", protocol.value().intValue());

        Setting<String> pfs = e.choice("pfs", List.of("enable", "disable"), FortiDefaults.PFS,
                FortiDefaults.phase2("pfs"));
        List<Integer> dhgrp = groups(); // read even with pfs disabled: full-configuration output prints it
        List<Integer> groups = pfs.value().equals("enable") ? dhgrp : List.of();
        Setting<List<ChildProposalConfig>> proposals = proposals(groups);

        e.choice("replay", List.of("enable", "disable"), FortiDefaults.REPLAY, FortiDefaults.phase2("replay"));
        Setting<String> mode = e.choice("encapsulation", List.of("tunnel-mode", "transport-mode"),
                FortiDefaults.ENCAPSULATION, FortiDefaults.phase2("encapsulation"))
                .map(m -> m.equals("tunnel-mode") ? "tunnel" : "transport");
        // FortiOS brings a phase 2 up on traffic unless auto-negotiate keeps it up from the start
        Setting<String> start = e.choice("auto-negotiate", List.of("enable", "disable"),
                FortiDefaults.AUTO_NEGOTIATE, FortiDefaults.phase2("auto-negotiate"))
                .map(a -> a.equals("enable") ? "start" : "trap");
        Setting<String> lifeType = e.choice("keylife-type", List.of("seconds", "kbs", "both"),
                FortiDefaults.KEYLIFE_TYPE, FortiDefaults.phase2("keylife-type"));
        Setting<Long> life = e.number("keylifeseconds", 120, 172800, FortiDefaults.KEYLIFESECONDS,
                FortiDefaults.phase2("keylifeseconds"));
        if (lifeType.value().equals("kbs")) {
            life = Setting.of(null, lifeType.origin());
        }
        return new ChildConfig(e.name(), e.origin(), local, remote, proposals, mode, start, life, life);
    }

    private List<Integer> groups() throws ConfigException {
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
        return groups;
    }

    private Setting<List<ChildProposalConfig>> proposals(List<Integer> groups) throws ConfigException {
        FortiEntry.ProposalWords proposal = e.proposalWords("phase2-interface", FortiDefaults.PHASE2_PROPOSAL);
        FortiTree.Setting s = proposal.setting();
        Origin origin = proposal.origin();
        List<String> words = proposal.words();
        List<ChildProposalConfig> out = new ArrayList<>();
        for (String word : words) {
            String[] algorithms = FortiAlgorithms.phase2(word);
            if (algorithms == null) {
                throw e.error(s, "'" + word + "' is not a phase 2 proposal (cipher-hash such as aes256-sha256,"
                        + " or an AEAD cipher such as aes256gcm)");
            }
            out.add(new ChildProposalConfig("ESP", List.of(algorithms[0]),
                    algorithms[1] == null ? List.of() : List.of(algorithms[1]), groups, List.of(), origin));
        }
        return Setting.of(out, origin);
    }

    /** The {@code src-*} or {@code dst-*} selector; every option of the side is read, whatever the type. */
    private Setting<List<TrafficSelectorConfig>> selectors(String side, int protocol) throws ConfigException {
        Setting<String> type = e.choice(side + "-addr-type", ADDR_TYPES, FortiDefaults.ADDR_TYPE,
                FortiDefaults.phase2(side + "-addr-type"));
        Setting<Long> portSetting = e.number(side + "-port", 0, 65535, 0L,
                FortiDefaults.phase2(side + "-port") + " (0: any)");
        int port = portSetting.value().intValue();
        int low = port == 0 ? 0 : port;
        int high = port == 0 ? 65535 : port;
        FortiTree.Setting subnet = e.get(side + "-subnet");
        FortiTree.Setting subnet6 = e.get(side + "-subnet6");
        FortiTree.Setting startIp = e.get(side + "-start-ip");
        FortiTree.Setting endIp = e.get(side + "-end-ip");
        FortiTree.Setting startIp6 = e.get(side + "-start-ip6");
        FortiTree.Setting endIp6 = e.get(side + "-end-ip6");
        FortiTree.Setting name = e.get(side + "-name");
        FortiTree.Setting name6 = e.get(side + "-name6");
        boolean v6 = type.value().endsWith("6");
        try {
            switch (type.value()) {
                case "subnet", "subnet6" -> {
                    FortiTree.Setting s = v6 ? subnet6 : subnet;
                    if (s == null) {
                        String text = v6 ? FortiDefaults.SUBNET6 : FortiSubnets.prefix(List.of(
                                FortiDefaults.SUBNET.split(" ")));
                        Origin origin = Origin.byDefault(FortiDefaults.phase2(side + (v6 ? "-subnet6" : "-subnet"))
                                + " (any address)");
                        return Setting.of(List.of(TrafficSelectorConfig.network(text, protocol, low, high, origin)),
                                origin);
                    }
                    String text = v6 ? s.joined() : FortiSubnets.prefix(s.values());
                    return one(text, protocol, low, high, s);
                }
                case "range", "range6" -> {
                    FortiTree.Setting first = v6 ? startIp6 : startIp;
                    FortiTree.Setting last = v6 ? endIp6 : endIp;
                    if (first == null || last == null) {
                        throw new ConfigException(e.file(), type.origin().line(), "phase2-interface '" + e.name()
                                + "': " + side + "-addr-type " + type.value() + " needs " + side + "-start-ip and "
                                + side + "-end-ip" + (v6 ? "6" : ""));
                    }
                    return one(first.joined() + "-" + last.joined(), protocol, low, high, first);
                }
                case "ip", "ip6" -> {
                    FortiTree.Setting ip = v6 ? startIp6 : startIp;
                    if (ip == null) {
                        throw new ConfigException(e.file(), type.origin().line(), "phase2-interface '" + e.name()
                                + "': " + side + "-addr-type " + type.value() + " needs " + side + "-start-ip"
                                + (v6 ? "6" : ""));
                    }
                    return one(ip.joined(), protocol, low, high, ip);
                }
                default -> {
                    return named(v6 ? name6 : name, side, type, protocol, low, high);
                }
            }
        } catch (IllegalArgumentException ex) {
            throw new ConfigException(e.file(), type.origin().isDefault() ? e.origin().line()
                    : type.origin().line(), "phase2-interface '" + e.name() + "' " + side + " selector: "
                    + ex.getMessage());
        }
    }

    private Setting<List<TrafficSelectorConfig>> named(FortiTree.Setting name, String side, Setting<String> type,
                                                       int protocol, int low, int high) throws ConfigException {
        if (name == null || name.values().size() != 1) {
            throw new ConfigException(e.file(), type.origin().line(), "phase2-interface '" + e.name() + "': "
                    + side + "-addr-type " + type.value() + " needs one " + side + "-name");
        }
        String object = name.values().get(0);
        if (!addresses.present()) {
            warnings.add(new ConfigWarning(e.at(name), "phase2-interface '" + e.name() + "': " + side
                    + "-name '" + object + "' is a firewall address object, not resolved: the file has no"
                    + " 'config firewall address'"));
            return Setting.of(null, e.at(name));
        }
        return Setting.of(addresses.resolve(object, protocol, low, high, name.line()), e.at(name));
    }

    private Setting<List<TrafficSelectorConfig>> one(String text, int protocol, int low, int high,
                                                     FortiTree.Setting s) {
        Origin origin = e.at(s);
        return Setting.of(List.of(TrafficSelectorConfig.network(text, protocol, low, high, origin)), origin);
    }
}
