package io.ikescope.config.fortios;

import io.ikescope.config.ConfigException;
import io.ikescope.config.Origin;
import io.ikescope.config.TrafficSelectorConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The firewall address objects ({@code config firewall address}, {@code address6}, {@code addrgrp},
 * {@code addrgrp6}) that a phase 2 selector of type {@code name} refers to. Only the address forms a selector can
 * carry are resolved: ipmask/ipprefix and iprange; an FQDN or a dynamic object is an error at the reference.
 */
final class FortiAddressBook {
    /** Groups of groups deeper than this are refused (FortiOS itself allows few levels). */
    private static final int MAX_GROUP_DEPTH = 8;

    private final String file;
    private final Map<String, FortiTree.Entry> addresses = new HashMap<>();
    private final Map<String, FortiTree.Entry> groups = new HashMap<>();
    private final boolean present;

    FortiAddressBook(FortiTree.Body root, String file) {
        this.file = file;
        boolean any = false;
        for (String path : List.of("firewall address", "firewall address6")) {
            for (FortiTree.Block block : FortiTree.find(root, path)) {
                addresses.putAll(block.entries);
                any = true;
            }
        }
        for (String path : List.of("firewall addrgrp", "firewall addrgrp6")) {
            for (FortiTree.Block block : FortiTree.find(root, path)) {
                groups.putAll(block.entries);
                any = true;
            }
        }
        present = any;
    }

    /** Whether the file has any address table (a {@code show vpn ipsec ...} paste has none). */
    boolean present() {
        return present;
    }

    /**
     * The selectors an address or group name stands for.
     *
     * @param at the {@code set src-name} line, for errors
     */
    List<TrafficSelectorConfig> resolve(String name, int protocol, int startPort, int endPort, int at)
            throws ConfigException {
        List<TrafficSelectorConfig> out = new ArrayList<>();
        resolve(name, protocol, startPort, endPort, at, 0, new HashSet<>(), out);
        return out;
    }

    private void resolve(String name, int protocol, int startPort, int endPort, int at, int depth, Set<String> seen,
                         List<TrafficSelectorConfig> out) throws ConfigException {
        if (depth > MAX_GROUP_DEPTH || !seen.add(name)) {
            throw new ConfigException(file, at, "address group '" + name + "' nests too deep or contains itself");
        }
        FortiTree.Entry group = groups.get(name);
        if (group != null) {
            FortiTree.Setting members = group.settings.get("member");
            if (members == null) {
                throw new ConfigException(file, group.line, "address group '" + name + "' has no members");
            }
            for (String member : members.values()) {
                resolve(member, protocol, startPort, endPort, members.line(), depth + 1, seen, out);
            }
            return;
        }
        FortiTree.Entry address = addresses.get(name);
        if (address == null) {
            if (name.equals("all")) {
                // FortiOS's predefined "all" is 0.0.0.0/0; backups list it, 'show' pastes may not
                out.add(TrafficSelectorConfig.network("0.0.0.0/0", protocol, startPort, endPort,
                        Origin.byDefault("FortiOS predefined address 'all'")));
                return;
            }
            throw new ConfigException(file, at, "firewall address '" + name + "' is not defined in this file");
        }
        out.add(selector(address, protocol, startPort, endPort));
    }

    private TrafficSelectorConfig selector(FortiTree.Entry address, int protocol, int startPort, int endPort)
            throws ConfigException {
        FortiTree.Setting typeSetting = address.settings.get("type");
        String type = typeSetting == null ? "" : typeSetting.joined();
        Origin origin = Origin.at(file, address.line);
        try {
            if (type.equals("iprange")) {
                FortiTree.Setting start = address.settings.get("start-ip");
                FortiTree.Setting end = address.settings.get("end-ip");
                if (start == null || end == null) {
                    throw new ConfigException(file, address.line, "address '" + address.name
                            + "': an iprange needs start-ip and end-ip");
                }
                return TrafficSelectorConfig.network(start.joined() + "-" + end.joined(), protocol, startPort,
                        endPort, origin);
            }
            if (!type.isEmpty() && !type.equals("ipmask") && !type.equals("ipprefix")) {
                throw new ConfigException(file, typeSetting.line(), "address '" + address.name + "' of type "
                        + type + " cannot be a phase 2 selector");
            }
            FortiTree.Setting subnet = address.settings.get("subnet");
            FortiTree.Setting ip6 = address.settings.get("ip6");
            // FortiOS: an ipmask address without subnet is 0.0.0.0 0.0.0.0
            String text = subnet != null ? FortiSubnets.prefix(subnet.values())
                    : ip6 != null ? ip6.joined() : "0.0.0.0/0";
            return TrafficSelectorConfig.network(text, protocol, startPort, endPort, origin);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file, address.line, "address '" + address.name + "': " + e.getMessage());
        }
    }
}
