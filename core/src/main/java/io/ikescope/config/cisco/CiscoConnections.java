package io.ikescope.config.cisco;

import io.ikescope.config.Authentication;
import io.ikescope.config.ChildConfig;
import io.ikescope.config.ChildProposalConfig;
import io.ikescope.config.ConfigException;
import io.ikescope.config.ConfigWarning;
import io.ikescope.config.ConnectionConfig;
import io.ikescope.config.IkeProposalConfig;
import io.ikescope.config.Implementation;
import io.ikescope.config.Origin;
import io.ikescope.config.Setting;
import io.ikescope.config.TrafficSelectorConfig;
import io.ikescope.config.cisco.CiscoObjects.Ikev2Profile;
import io.ikescope.config.cisco.CiscoObjects.Interface;
import io.ikescope.config.cisco.CiscoObjects.IpsecPolicy;
import io.ikescope.config.cisco.CiscoObjects.MapEntry;
import io.ikescope.config.cisco.CiscoObjects.TransformSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the crypto objects into connections: one per crypto map entry ("MAP seq 10", children from its ACL, one
 * per permit entry) and one per tunnel interface with "tunnel protection ipsec profile" ("Tunnel1": a VTI
 * protects everything routed into it, 0.0.0.0/0 both ways; a GRE tunnel protects GRE between its endpoints).
 * Cisco does not narrow traffic selectors: nothing here says so, the check knows it per implementation.
 */
final class CiscoConnections {
    private final CiscoSectionContext ctx;
    private final CiscoObjects objects;
    private final CiscoIkeBuilder ike;
    private final Set<String> standardAcls;
    /** Each ACL converted once (its warnings given once), however many map entries use it. */
    private final Map<String, List<CiscoAcl.Entry>> converted = new HashMap<>();
    private int childCount;

    /** Far beyond any router's crypto ACLs; bounds the work a hostile file can ask for. */
    static final int MAX_CHILDREN = 100_000;

    CiscoConnections(CiscoSectionContext ctx, Set<String> standardAcls) {
        this.ctx = ctx;
        this.objects = ctx.objects;
        this.ike = new CiscoIkeBuilder(ctx);
        this.standardAcls = standardAcls;
    }

    List<ConnectionConfig> build() throws ConfigException {
        List<ConnectionConfig> out = new ArrayList<>();
        for (MapEntry entry : objects.mapEntries) {
            ConnectionConfig connection = mapEntry(entry);
            if (connection != null) {
                out.add(connection);
            }
        }
        for (Interface itf : objects.interfaces.values()) {
            if (itf.tunnelProfile != null) {
                out.add(tunnel(itf));
            }
        }
        return out;
    }

    private ConnectionConfig mapEntry(MapEntry entry) throws ConfigException {
        String name = entry.map + " seq " + entry.seq;
        if (entry.acl == null) {
            ctx.warnings.add(new ConfigWarning(entry.origin, "crypto map " + name
                    + " has no match address: IOS treats the entry as incomplete; skipped"));
            return null;
        }
        Setting<List<String>> local = mapLocalAddress(entry.map);
        Setting<List<String>> remote = entry.peers.isEmpty()
                ? Setting.byDefault(List.of("%any"), entry.dynamic ? "dynamic crypto map: any peer" : "no set peer")
                : Setting.of(entry.peers.stream().map(Setting::value).toList(), entry.peers.get(0).origin());
        Setting<String> firstPeer = entry.peers.isEmpty() ? null : entry.peers.get(0);
        List<ChildConfig> children = new ArrayList<>();
        int index = 0;
        for (CiscoAcl.Entry acl : aclEntries(entry.acl)) {
            index++;
            children.add(child(name + " " + entry.acl.value() + " #" + index, acl.origin(), List.of(acl.local()),
                    List.of(acl.remote()), entry, local.value().get(0), remote.value().get(0),
                    Setting.byDefault("trap", "IOS initiates when traffic matches the crypto ACL")));
        }
        if (children.isEmpty()) {
            ctx.warnings.add(new ConfigWarning(entry.acl.origin(), "crypto map " + name + ": ACL "
                    + entry.acl.value() + " has no permit entry, so nothing is protected"));
        }
        return connection(name, entry.origin, entry, local, remote, firstPeer, children);
    }

    private List<CiscoAcl.Entry> aclEntries(Setting<String> aclName) throws ConfigException {
        CiscoAcl acl = objects.acls.get(aclName.value());
        if (acl == null) {
            throw new ConfigException(ctx.file, aclName.origin().line(), standardAcls.contains(aclName.value())
                    ? "access-list " + aclName.value() + " is a standard ACL; a crypto ACL must be extended"
                    : "no extended access-list " + aclName.value() + " in this configuration");
        }
        List<CiscoAcl.Entry> entries = converted.get(acl.name);
        if (entries == null) {
            entries = acl.entries(ctx.file, ctx.warnings);
            converted.put(acl.name, entries);
        }
        childCount += entries.size();
        if (childCount > MAX_CHILDREN) {
            throw new ConfigException(ctx.file, aclName.origin().line(), "more than " + MAX_CHILDREN
                    + " traffic-selector pairs in all: not a router's configuration");
        }
        return entries;
    }

    private ConnectionConfig tunnel(Interface itf) throws ConfigException {
        IpsecPolicy profile = objects.ipsecProfiles.get(itf.tunnelProfile.value());
        if (profile == null) {
            throw new ConfigException(ctx.file, itf.tunnelProfile.origin().line(), "no crypto ipsec profile "
                    + itf.tunnelProfile.value());
        }
        Setting<List<String>> local = itf.tunnelSource == null
                ? Setting.byDefault(List.of("%any"), "no tunnel source on " + itf.name)
                : addressOf(itf.tunnelSource);
        Setting<List<String>> remote = itf.tunnelDestination == null
                ? Setting.byDefault(List.of("%any"), "no tunnel destination on " + itf.name)
                : itf.tunnelDestination.map(List::of);
        Setting<String> peer = itf.tunnelDestination;
        String mode = itf.tunnelMode == null ? "gre ip" : itf.tunnelMode.value();
        Origin tsOrigin = itf.tunnelMode == null ? Origin.byDefault(CiscoDefaults.note("tunnel mode gre ip"))
                : itf.tunnelMode.origin();
        List<TrafficSelectorConfig> localTs;
        List<TrafficSelectorConfig> remoteTs;
        if (mode.startsWith("ipsec ipv6")) {
            localTs = List.of(TrafficSelectorConfig.network("::/0", tsOrigin));
            remoteTs = localTs;
        } else if (mode.startsWith("ipsec")) {
            localTs = List.of(TrafficSelectorConfig.network("0.0.0.0/0", tsOrigin));
            remoteTs = localTs;
        } else {
            // GRE over IPsec: the tunnel's own GRE packets between its endpoints
            localTs = List.of(endpoint(local.value().get(0), tsOrigin));
            remoteTs = List.of(endpoint(remote.value().get(0), tsOrigin));
        }
        ChildConfig child = child(itf.name, itf.origin, localTs, remoteTs, profile, local.value().get(0),
                remote.value().get(0), Setting.byDefault("start", "a tunnel interface negotiates when it comes up"));
        return connection(itf.name, itf.origin, profile, local, remote, peer, List.of(child));
    }

    private static TrafficSelectorConfig endpoint(String address, Origin origin) {
        if (CiscoAcl.ipv4(address) < 0) {
            return TrafficSelectorConfig.dynamic(address, origin);
        }
        return TrafficSelectorConfig.network(address + "/32", 47, 0, 65535, origin);
    }

    private ConnectionConfig connection(String name, Origin origin, IpsecPolicy policy, Setting<List<String>> local,
                                        Setting<List<String>> remote, Setting<String> peer,
                                        List<ChildConfig> children) throws ConfigException {
        String localAddress = local.value().get(0);
        Setting<Integer> version;
        Setting<List<IkeProposalConfig>> proposals;
        Authentication[] auth;
        Setting<Long> life;
        if (policy.ikev2Profile == null && policy.origin.isDefault() && objects.ikev2Profiles.containsKey("default")) {
            // smart defaults: IPsec profile "default" sets ikev2-profile default when one is configured
            policy.ikev2Profile = Setting.byDefault("default", CiscoDefaults.note("IPsec profile: set ikev2-profile"
                    + " default"));
        }
        if (policy.ikev2Profile != null) {
            version = policy.ikev2Profile.map(p -> 2);
            Ikev2Profile profile = objects.ikev2Profiles.get(policy.ikev2Profile.value());
            if (profile == null) {
                throw new ConfigException(ctx.file, policy.ikev2Profile.origin().line(), "no crypto ikev2 profile "
                        + policy.ikev2Profile.value());
            }
            proposals = ike.ikev2Proposals(localAddress);
            auth = ike.ikev2Auth(profile, localAddress, peer);
            life = profile.lifetime;
        } else {
            version = Setting.byDefault(1, "no set ikev2-profile: IOS negotiates IKEv1 (ISAKMP)");
            proposals = ike.ikev1Proposals(name);
            auth = ike.ikev1Auth(localAddress, peer, policy.isakmpProfile);
            life = objects.isakmpPolicies.isEmpty()
                    ? Setting.byDefault(CiscoDefaults.ISAKMP_LIFETIME, CiscoDefaults.note("ISAKMP lifetime 86400 s"))
                    : objects.isakmpPolicies.values().iterator().next().lifetime;
        }
        Setting<Boolean> aggressive = Setting.byDefault(false, "IOS initiates IKEv1 in Main Mode"
                + (objects.aggressiveModeDisabled.value() ? " and refuses Aggressive Mode" : ""));
        return new ConnectionConfig(name, origin, Implementation.CISCO_IOS, version, aggressive, local, remote,
                proposals, Setting.byDefault(true, "IOS accepts only its configured policies and proposals"),
                auth[0], auth[1], children, Setting.byDefault(false, "IOS encapsulates in UDP only behind NAT"),
                life, life);
    }

    private ChildConfig child(String name, Origin origin, List<TrafficSelectorConfig> localTs,
                              List<TrafficSelectorConfig> remoteTs, IpsecPolicy policy, String localAddress,
                              String remoteAddress, Setting<String> startAction) throws ConfigException {
        List<ChildProposalConfig> proposals = new ArrayList<>();
        TransformSet first = null;
        for (String setName : policy.transformSets.value()) {
            TransformSet set = objects.transformSets.get(setName);
            if (set == null) {
                throw new ConfigException(ctx.file, policy.transformSets.origin().line(),
                        "no crypto ipsec transform-set " + setName);
            }
            first = first == null ? set : first;
            proposals.add(new ChildProposalConfig(set.protocol, set.encryption, set.integrity, policy.pfs.value(),
                    List.of(), set.origin));
        }
        Setting<Long> life = policy.lifetime != null ? policy.lifetime : objects.ipsecLifetime;
        // "crypto ipsec security-association lifetime" reference: the new SA is negotiated 30 seconds before
        // the seconds lifetime expires
        Setting<Long> rekey = Setting.byDefault(Math.max(life.value() - 30, 1), "30 s before the lifetime ("
                + life.origin() + "): IOS negotiates the new IPsec SA then");
        Origin proposalsOrigin = policy.transformSets.origin();
        return new ChildConfig(name, origin, Setting.of(localTs, origin), Setting.of(remoteTs, origin),
                Setting.of(proposals, proposalsOrigin), mode(first, localTs, remoteTs, localAddress, remoteAddress),
                startAction, rekey, life);
    }

    /**
     * Transport mode is what IOS requests only for traffic between the peers themselves ("mode (IPsec)"
     * reference); for other traffic it negotiates tunnel mode whatever the transform set says.
     */
    private static Setting<String> mode(TransformSet set, List<TrafficSelectorConfig> localTs,
                                        List<TrafficSelectorConfig> remoteTs, String localAddress,
                                        String remoteAddress) {
        if (set == null || !set.mode.value().equals("transport")) {
            return set == null ? Setting.byDefault("tunnel", CiscoDefaults.note("tunnel mode")) : set.mode;
        }
        boolean betweenPeers = localTs.size() == 1 && remoteTs.size() == 1
                && isHost(localTs.get(0), localAddress) && isHost(remoteTs.get(0), remoteAddress);
        if (betweenPeers) {
            return set.mode;
        }
        return Setting.byDefault("tunnel", "transform-set " + set.name + " asks for transport ("
                + set.mode.origin() + "), but IOS uses tunnel mode for traffic not between the peers");
    }

    private static boolean isHost(TrafficSelectorConfig ts, String address) {
        return !ts.dynamic() && ts.start().equals(address) && ts.end().equals(address);
    }

    /** The address of the interface a crypto map is applied on ("crypto map NAME local-address" first). */
    private Setting<List<String>> mapLocalAddress(String map) {
        Setting<String> named = objects.mapLocalAddress.get(map);
        if (named != null) {
            return addressOf(named);
        }
        for (Interface itf : objects.interfaces.values()) {
            if (itf.cryptoMap != null && itf.cryptoMap.value().equals(map)) {
                if (itf.address != null) {
                    return itf.address.map(List::of);
                }
                return Setting.of(List.of("%any"), itf.cryptoMap.origin());
            }
        }
        return Setting.byDefault(List.of("%any"), "crypto map " + map + " is on no interface of this configuration");
    }

    /** An interface name resolved to its "ip address", or a literal address as it is. */
    private Setting<List<String>> addressOf(Setting<String> interfaceOrAddress) {
        Interface itf = objects.interfaces.get(interfaceOrAddress.value());
        if (itf == null) {
            String value = interfaceOrAddress.value();
            if (CiscoAcl.ipv4(value) >= 0 || value.contains(":")) {
                return interfaceOrAddress.map(List::of);
            }
            ctx.warnings.add(new ConfigWarning(interfaceOrAddress.origin(), "interface " + value
                    + " is not in this configuration: its address is unknown"));
            return Setting.of(List.of("%any"), interfaceOrAddress.origin());
        }
        if (itf.address == null) {
            return Setting.of(List.of("%any"), interfaceOrAddress.origin());
        }
        return itf.address.map(List::of);
    }
}
