package io.ikescope.config.mikrotik;

import io.ikescope.config.ChildConfig;
import io.ikescope.config.ConfigException;
import io.ikescope.config.ConfigFiles;
import io.ikescope.config.ConfigReader;
import io.ikescope.config.ConfigWarning;
import io.ikescope.config.ConnectionConfig;
import io.ikescope.config.Implementation;
import io.ikescope.config.Origin;
import io.ikescope.config.PeerConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a RouterOS v7 {@code /export} (of {@code /ip ipsec} or of the whole router): each peer with its profile and
 * identity is a connection, the policies that name the peer its children with their proposals. Defaults are
 * RouterOS 7's ({@link RouterOsDefaults}).
 */
public final class MikrotikReader implements ConfigReader {

    /** A whole-router export is rarely above a few MB. */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    @Override
    public Implementation implementation() {
        return Implementation.MIKROTIK;
    }

    @Override
    public boolean recognises(Path path, String head) {
        return head.contains("/ip ipsec") || head.contains("/ip/ipsec");
    }

    @Override
    public PeerConfig read(Path path, Path secrets) throws ConfigException {
        String file = path.toString();
        List<ConfigWarning> warnings = new ArrayList<>();
        ConfigFiles.secretsNotRead(secrets, "RouterOS", "export", warnings);
        RouterOsExportParser parser = new RouterOsExportParser(file, warnings);
        Map<String, List<ExportEntry>> menus = parser.parse(
                ConfigFiles.readUtf8(path, MAX_BYTES, "RouterOS export"));
        version(parser.version(), file, warnings);

        Map<String, RouterOsItem> profiles = byName(menus.get("ip ipsec profile"), file);
        Map<String, RouterOsItem> proposals = byName(menus.get("ip ipsec proposal"), file);
        List<RouterOsItem> used = new ArrayList<>();

        Map<String, RouterOsItem> identities = new HashMap<>();
        for (ExportEntry e : menus.get("ip ipsec identity")) {
            RouterOsItem identity = new RouterOsItem(e, file);
            ExportEntry.Property peer = e.get("peer");
            if (peer == null) {
                throw new ConfigException(file, e.line, "/ip ipsec identity: 'peer=' is required");
            }
            if (identity.disabled()) {
                warnings.add(new ConfigWarning(identity.origin(), "disabled identity: not read"));
            } else if (identities.putIfAbsent(peer.value(), identity) != null) {
                warnings.add(new ConfigWarning(identity.origin(), "a second identity for peer '" + peer.value()
                        + "': only the first is read"));
            }
        }

        List<ConnectionConfig> connections = new ArrayList<>();
        List<ExportEntry> peers = menus.get("ip ipsec peer");
        List<ExportEntry> policies = menus.get("ip ipsec policy");
        List<String> peerNames = new ArrayList<>();
        for (int i = 0; i < peers.size(); i++) {
            RouterOsItem peer = new RouterOsItem(peers.get(i), file);
            String name = peer.entry.value("name");
            if (name == null) {
                name = "peer" + (i + 1);
            }
            peerNames.add(name);
            if (peer.disabled()) {
                warnings.add(new ConfigWarning(peer.origin(), "disabled peer '" + name + "': not read"));
                identities.remove(name);
                continue;
            }
            RouterOsItem profile = reference(peer, "profile", "default", profiles);
            RouterOsItem identity = identities.remove(name);
            if (identity == null) {
                warnings.add(new ConfigWarning(peer.origin(), "no /ip ipsec identity names peer '" + name + "'"));
            }
            boolean passive = peer.choice("passive", List.of("yes", "no"), RouterOsDefaults.PASSIVE).value()
                    .equals("yes");
            List<String> addresses = addressOf(peer);
            List<ChildConfig> children = new ArrayList<>();
            int ordinal = 0;
            for (ExportEntry entry : policies) {
                ordinal += entry.builtIn ? 0 : 1;
                if (entry.builtIn || !name.equals(entry.properties.containsKey("peer")
                        ? entry.properties.get("peer").value() : null)) {
                    continue;
                }
                RouterOsItem policy = new RouterOsItem(entry, file);
                if (policy.disabled()) {
                    warnings.add(new ConfigWarning(policy.origin(), "disabled policy: not read"));
                    continue;
                }
                RouterOsItem proposal = reference(policy, "proposal", "default", proposals);
                String childName = entry.properties.containsKey("comment") ? entry.properties.get("comment").value()
                        : "policy" + ordinal;
                children.add(RouterOsPolicies.child(childName, policy, proposal, passive, addresses, warnings));
                used.add(policy);
                used.add(proposal);
            }
            connections.add(RouterOsPeers.connection(name, peer, profile, identity, children));
            used.add(peer);
            used.add(profile);
            if (identity != null) {
                used.add(identity);
            }
        }
        for (RouterOsItem orphan : identities.values()) {
            throw new ConfigException(file, orphan.entry.line, "/ip ipsec identity: peer '"
                    + orphan.entry.value("peer") + "' is not defined");
        }
        for (ExportEntry entry : policies) {
            ExportEntry.Property peer = entry.properties.get("peer");
            if (peer != null && !peerNames.contains(peer.value())) {
                throw new ConfigException(file, peer.line(), "/ip ipsec policy: peer '" + peer.value()
                        + "' is not defined in this export");
            }
            if (!entry.builtIn && used.stream().noneMatch(u -> u.entry == entry)) {
                warnings.add(new ConfigWarning(Origin.at(file, entry.line), entry.properties.containsKey("peer")
                        ? "policy of a disabled peer: not read"
                        : "policy without peer= (a template or a manual SA): not read"));
            }
        }
        for (RouterOsItem item : used.stream().distinct().toList()) {
            item.warnUnread(warnings);
        }
        if (connections.isEmpty()) {
            throw new ConfigException(file, 0, "no enabled /ip ipsec peer");
        }
        return new PeerConfig(Implementation.MIKROTIK, RouterOsDefaults.VERSION, List.of(file), connections,
                warnings);
    }

    /** Items by name; the built-in default item (changed by {@code set [ find default=yes ]} or not) is "default". */
    private static Map<String, RouterOsItem> byName(List<ExportEntry> entries, String file) throws ConfigException {
        Map<String, RouterOsItem> out = new HashMap<>();
        for (ExportEntry e : entries) {
            String name = e.builtIn ? "default" : e.value("name");
            if (name == null) {
                throw new ConfigException(file, e.line, "/" + e.menu + ": 'name=' is required");
            }
            if (out.put(name, new RouterOsItem(e, file)) != null && !e.builtIn) {
                throw new ConfigException(file, e.line, "/" + e.menu + ": a second item named '" + name + "'");
            }
        }
        if (!out.containsKey("default") && !entries.isEmpty()) {
            out.put("default", builtIn(entries.get(0).menu, file));
        }
        return out;
    }

    private static RouterOsItem builtIn(String menu, String file) {
        return new RouterOsItem(new ExportEntry(menu, 0, true), file);
    }

    private static RouterOsItem reference(RouterOsItem from, String key, String defaultName,
                                          Map<String, RouterOsItem> items) throws ConfigException {
        ExportEntry.Property p = from.entry.get(key);
        String name = p == null ? defaultName : p.value();
        RouterOsItem item = items.get(name);
        if (item == null && name.equals("default")) {
            // the export leaves an unchanged built-in default out altogether
            String menu = key.equals("profile") ? "ip ipsec profile" : "ip ipsec proposal";
            item = builtIn(menu, from.file);
            items.put("default", item);
        }
        if (item == null) {
            throw from.error(p, key + " '" + name + "' is not defined in this export");
        }
        return item;
    }

    private static List<String> addressOf(RouterOsItem peer) {
        String a = peer.entry.properties.containsKey("address") ? peer.entry.properties.get("address").value()
                : "%any";
        return List.of(a.endsWith("/32") || a.endsWith("/128") ? a.substring(0, a.lastIndexOf('/')) : a);
    }

    private static void version(String version, String file, List<ConfigWarning> warnings) {
        if (version != null && !version.startsWith("7.")) {
            warnings.add(new ConfigWarning(Origin.at(file, 1), "the export is of RouterOS " + version
                    + "; values it leaves out are filled in with " + RouterOsDefaults.VERSION + "'s defaults"));
        }
    }
}
