package io.ikescope.config.cisco;

import io.ikescope.config.Authentication;
import io.ikescope.config.ConfigException;
import io.ikescope.config.ConfigWarning;
import io.ikescope.config.IkeProposalConfig;
import io.ikescope.config.Origin;
import io.ikescope.config.PskDigest;
import io.ikescope.config.Setting;
import io.ikescope.config.cisco.CiscoObjects.Ikev2Peer;
import io.ikescope.config.cisco.CiscoObjects.Ikev2Policy;
import io.ikescope.config.cisco.CiscoObjects.Ikev2Profile;
import io.ikescope.config.cisco.CiscoObjects.Ikev2Proposal;
import io.ikescope.config.cisco.CiscoObjects.IsakmpKey;
import io.ikescope.config.cisco.CiscoObjects.IsakmpPolicy;
import io.ikescope.config.cisco.CiscoObjects.IsakmpProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The IKE side of a connection: proposals and authentication, from the ISAKMP or IKEv2 objects. */
final class CiscoIkeBuilder {
    private final CiscoSectionContext ctx;
    private final CiscoObjects objects;
    private boolean mixedWarned;

    CiscoIkeBuilder(CiscoSectionContext ctx) {
        this.ctx = ctx;
        this.objects = ctx.objects;
    }

    /**
     * IKEv1: every ISAKMP policy, in priority order (lowest number first), one proposal each; as a responder IOS
     * tries its policies in this order against each offered transform.
     */
    Setting<List<IkeProposalConfig>> ikev1Proposals(String connection) {
        List<IkeProposalConfig> out = new ArrayList<>();
        for (IsakmpPolicy p : objects.isakmpPolicies.values()) {
            String hash = p.hash.value();
            out.add(new IkeProposalConfig(List.of(p.encryption.value()), List.of(CiscoAlgorithms.INTEGRITY.get(hash)),
                    List.of(CiscoAlgorithms.IKEV1_HASH_PRF.get(hash)), List.of(p.group.value()), p.origin));
        }
        if (out.isEmpty()) {
            ctx.warnings.add(new ConfigWarning(Origin.at(ctx.file, 0), connection
                    + ": no crypto isakmp policy; IOS's built-in default protection suites are not modelled"));
            return Setting.byDefault(out, CiscoDefaults.note("ISAKMP policies (none configured)"));
        }
        return Setting.of(out, objects.isakmpPolicies.values().iterator().next().origin);
    }

    /** IKEv2: the proposals of the policies that match the local address; the smart default policy otherwise. */
    Setting<List<IkeProposalConfig>> ikev2Proposals(String localAddress) throws ConfigException {
        List<Ikev2Policy> matching = new ArrayList<>();
        for (Ikev2Policy policy : objects.ikev2Policies.values()) {
            if (policy.name.equals("default") && policy.origin.isDefault()) {
                continue;
            }
            if (policy.matchLocal.isEmpty() || policy.matchLocal.contains(localAddress)) {
                matching.add(policy);
            }
        }
        if (matching.isEmpty() && objects.ikev2Policies.containsKey("default")) {
            matching.add(objects.ikev2Policies.get("default"));
        }
        List<IkeProposalConfig> out = new ArrayList<>();
        for (Ikev2Policy policy : matching) {
            for (Setting<String> name : policy.proposals) {
                Ikev2Proposal p = objects.ikev2Proposals.get(name.value());
                if (p == null) {
                    throw new ConfigException(ctx.file, name.origin().line(), "IKEv2 policy " + policy.name
                            + ": no crypto ikev2 proposal " + name.value());
                }
                out.add(new IkeProposalConfig(p.encryption.value(), p.integrity.value(), p.prf.value(),
                        p.groups.value(), p.origin));
            }
        }
        Origin origin = matching.isEmpty() ? Origin.byDefault(CiscoDefaults.note("IKEv2 policy removed"))
                : matching.get(0).origin;
        return Setting.of(out, origin);
    }

    /** {local, remote} of an IKEv1 connection: the first policy's method, the ISAKMP identity, the peer's key. */
    Authentication[] ikev1Auth(String localAddress, Setting<String> peer, Setting<String> isakmpProfile)
            throws ConfigException {
        Setting<String> method = objects.isakmpPolicies.isEmpty()
                ? Setting.byDefault("RSA-SIG", CiscoDefaults.note("ISAKMP authentication rsa-sig"))
                : objects.isakmpPolicies.values().iterator().next().authentication;
        for (IsakmpPolicy p : objects.isakmpPolicies.values()) {
            if (!p.authentication.value().equals(method.value()) && !mixedWarned) {
                mixedWarned = true;
                ctx.warnings.add(new ConfigWarning(p.origin, "ISAKMP policy " + p.priority + " authenticates with "
                        + p.authentication.value() + ", the first policy with " + method.value()
                        + ": connections are modelled with the first policy's method"));
            }
        }
        IsakmpProfile profile = null;
        if (isakmpProfile != null) {
            profile = objects.isakmpProfiles.get(isakmpProfile.value());
            if (profile == null) {
                throw new ConfigException(ctx.file, isakmpProfile.origin().line(), "no crypto isakmp profile "
                        + isakmpProfile.value());
            }
        }
        Setting<String> localId = ikev1LocalId(localAddress, profile);
        Setting<PskDigest> psk = isakmpKey(peer, profile == null || profile.keyring == null ? null
                : profile.keyring.value());
        Setting<String> remoteId = peer == null ? Setting.byDefault(null, "dynamic crypto map: any peer") : peer;
        return new Authentication[] {new Authentication(method, localId, psk),
                new Authentication(method, remoteId, psk)};
    }

    private Setting<String> ikev1LocalId(String localAddress, IsakmpProfile profile) {
        Setting<String> identity = objects.isakmpIdentity;
        if (profile != null && profile.selfIdentity != null) {
            identity = profile.selfIdentity;
        }
        String kind = identity.value().split(" ")[0].toLowerCase();
        return switch (kind) {
            case "address" -> Setting.of(localAddress, identity.origin());
            case "hostname" -> Setting.of(objects.hostname == null ? null
                    : objects.domain == null ? objects.hostname : objects.hostname + "." + objects.domain,
                    identity.origin());
            case "fqdn", "user-fqdn" -> Setting.of(identity.value().substring(kind.length()).trim(),
                    identity.origin());
            default -> Setting.of(null, identity.origin());
        };
    }

    /** The most specific key for the peer (longest mask); global keys before keyrings on a tie. */
    private Setting<PskDigest> isakmpKey(Setting<String> peer, String keyring) {
        long address = peer == null ? -1 : CiscoAcl.ipv4(peer.value());
        IsakmpKey best = null;
        for (IsakmpKey key : objects.isakmpKeys) {
            if (keyring != null && !keyring.equals(key.keyring())) {
                continue;
            }
            boolean matches = key.hostname() != null ? peer != null && key.hostname().equalsIgnoreCase(peer.value())
                    : address >= 0 ? CiscoSectionContext.contains(key.address(), key.prefix(), address)
                    : key.prefix() == 0;
            if (matches && (best == null || key.prefix() > best.prefix())) {
                best = key;
            }
        }
        if (best == null) {
            return Setting.byDefault(null, "no crypto isakmp key for this peer");
        }
        return best.psk();
    }

    /** {local, remote} of an IKEv2 connection from its IKEv2 profile and the profile's keyring. */
    Authentication[] ikev2Auth(Ikev2Profile profile, String localAddress, Setting<String> peer)
            throws ConfigException {
        Setting<String> localId = profile.localId != null ? profile.localId
                : Setting.byDefault(localAddress, CiscoDefaults.note("IKEv2 local identity: the local address"));
        Setting<String> remoteId = profile.remoteIds.isEmpty()
                ? Setting.byDefault(peer == null ? null : peer.value(), "no match identity remote in IKEv2 profile "
                        + profile.name)
                : profile.remoteIds.get(0);
        if (profile.remoteIds.size() > 1) {
            ctx.warnings.add(new ConfigWarning(profile.remoteIds.get(1).origin(), "IKEv2 profile "
                    + profile.name + ": only the first match identity remote is used as the peer's identity"));
        }
        if (profile.authRemote.size() > 1) {
            ctx.warnings.add(new ConfigWarning(profile.authRemote.get(1).origin(),
                    "IKEv2 profile " + profile.name + ": only the first authentication remote method is modelled"));
        }
        Setting<PskDigest> localKey = Setting.byDefault(null, "no keyring in IKEv2 profile " + profile.name);
        Setting<PskDigest> remoteKey = localKey;
        if (profile.keyring != null) {
            Map<String, Ikev2Peer> peers = objects.ikev2Keyrings.get(profile.keyring.value());
            if (peers == null) {
                throw new ConfigException(ctx.file, profile.keyring.origin().line(), "no crypto ikev2 keyring "
                        + profile.keyring.value());
            }
            Ikev2Peer match = keyringPeer(peers, peer, remoteId.value());
            String none = "no peer of keyring " + profile.keyring.value() + " matches";
            localKey = match == null || match.localKey == null ? Setting.of(null, profile.keyring.origin())
                    : match.localKey;
            remoteKey = match == null || match.remoteKey == null ? Setting.of(null, profile.keyring.origin())
                    : match.remoteKey;
            if (match == null) {
                ctx.warnings.add(new ConfigWarning(profile.keyring.origin(), none
                        + (peer == null ? " any peer" : " peer " + peer.value())));
            }
        }
        if (profile.localKey != null) {
            localKey = profile.localKey;
        }
        if (profile.remoteKey != null) {
            remoteKey = profile.remoteKey;
        }
        return new Authentication[] {new Authentication(profile.authLocal, localId, localKey),
                new Authentication(profile.authRemote.get(0), remoteId, remoteKey)};
    }

    /** The keyring peer whose address (longest mask) or identity matches. */
    private static Ikev2Peer keyringPeer(Map<String, Ikev2Peer> peers, Setting<String> peer, String remoteId) {
        long address = peer == null ? -1 : CiscoAcl.ipv4(peer.value());
        Ikev2Peer best = null;
        for (Ikev2Peer p : peers.values()) {
            boolean matches = p.address >= 0 && (address >= 0
                    ? CiscoSectionContext.contains(p.address, p.prefix, address) : p.prefix == 0);
            if (matches && (best == null || p.prefix > best.prefix)) {
                best = p;
            }
        }
        if (best == null && remoteId != null) {
            for (Ikev2Peer p : peers.values()) {
                if (remoteId.equalsIgnoreCase(p.identity)) {
                    return p;
                }
            }
        }
        return best;
    }
}
