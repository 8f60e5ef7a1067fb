package io.ikescope.config.cisco;

import io.ikescope.config.ConfigException;
import io.ikescope.config.Setting;
import io.ikescope.config.cisco.CiscoObjects.Ikev2Peer;
import io.ikescope.config.cisco.CiscoObjects.Ikev2Policy;
import io.ikescope.config.cisco.CiscoObjects.Ikev2Profile;
import io.ikescope.config.cisco.CiscoObjects.Ikev2Proposal;
import io.ikescope.config.cisco.CiscoObjects.IsakmpKey;
import io.ikescope.config.cisco.CiscoObjects.IsakmpPolicy;
import io.ikescope.config.cisco.CiscoObjects.IsakmpProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** "crypto isakmp ...", "crypto keyring ..." and "crypto ikev2 ..." commands and their sub-modes. */
final class CiscoIkeSections {
    private final CiscoSectionContext ctx;
    private final CiscoObjects objects;

    CiscoIkeSections(CiscoSectionContext ctx) {
        this.ctx = ctx;
        this.objects = ctx.objects;
    }

    /** A top-level "crypto isakmp ..." line. */
    void isakmp(CiscoLine line) throws ConfigException {
        String what = ctx.required(line, 2, "policy, key, identity, profile or aggressive-mode");
        switch (what.toLowerCase()) {
            case "policy" -> isakmpPolicy(line);
            case "key" -> isakmpKey(line, 3, null);
            case "identity" -> objects.isakmpIdentity = ctx.at(line, ctx.required(line, 3, "address, hostname or dn"));
            case "aggressive-mode" -> objects.aggressiveModeDisabled = ctx.at(line, "disable".equals(line.word(3)));
            case "profile" -> isakmpProfile(line);
            default -> ctx.notRead(line, "crypto isakmp " + what);
        }
    }

    private void isakmpPolicy(CiscoLine line) throws ConfigException {
        int priority = (int) ctx.number(line, 3, "a policy priority", 1, 10000);
        IsakmpPolicy policy = new IsakmpPolicy(priority, ctx.origin(line));
        objects.isakmpPolicies.put(priority, policy);
        for (CiscoLine sub : line.children) {
            switch (sub.word(0).toLowerCase()) {
                case "encryption", "encr" -> {
                    String keyword = sub.rest(1).toLowerCase();
                    policy.encryption = ctx.at(sub, ctx.lookup(sub, keyword, CiscoAlgorithms.IKEV1_ENCRYPTION,
                            "an ISAKMP encryption"));
                }
                case "hash" -> {
                    ctx.lookup(sub, sub.word(1), CiscoAlgorithms.IKEV1_HASH_PRF, "an ISAKMP hash");
                    policy.hash = ctx.at(sub, sub.word(1).toLowerCase());
                }
                case "authentication" -> policy.authentication = ctx.at(sub, ctx.lookup(sub, sub.word(1),
                        CiscoAlgorithms.AUTH_METHOD, "an authentication method"));
                case "group" -> policy.group = ctx.at(sub, ctx.group(sub, sub.word(1)));
                case "lifetime" -> policy.lifetime = ctx.at(sub, ctx.number(sub, 1, "a lifetime in seconds", 60,
                        86400));
                case "description" -> {
                }
                default -> ctx.notRead(sub, "crypto isakmp policy " + priority);
            }
        }
    }

    /**
     * "crypto isakmp key [0|6|7] KEY address A [MASK]" / "hostname H" (from {@code at} on), or a crypto keyring's
     * "pre-shared-key address A [MASK] key [0|6|7] KEY".
     */
    private void isakmpKey(CiscoLine line, int at, String keyring) throws ConfigException {
        ctx.required(line, at, "a key");
        int after = at + CiscoKeys.width(line, at);
        String kind = ctx.required(line, after, "address or hostname after the key");
        Setting<io.ikescope.config.PskDigest> psk = CiscoKeys.read(line, at, ctx.file, ctx.warnings);
        addKey(line, kind, after + 1, keyring, psk);
    }

    private void addKey(CiscoLine line, String kind, int at, String keyring,
                        Setting<io.ikescope.config.PskDigest> psk) throws ConfigException {
        if (kind.equalsIgnoreCase("address") && "ipv6".equalsIgnoreCase(line.word(at))) {
            ctx.warn(line, "pre-shared key for an IPv6 peer not read (IPv6 peers are not modelled)");
        } else if (kind.equalsIgnoreCase("address")) {
            long[] address = ctx.addressAndMask(line, at);
            objects.isakmpKeys.add(new IsakmpKey(keyring, address[0], (int) address[1], null, psk));
        } else if (kind.equalsIgnoreCase("hostname")) {
            objects.isakmpKeys.add(new IsakmpKey(keyring, -1, 0, ctx.required(line, at, "a host name"), psk));
        } else {
            // the word is not quoted: on a malformed key line it may be part of the key
            throw ctx.error(line, "expected address or hostname after the key");
        }
    }

    /** "crypto keyring NAME" with "pre-shared-key address A [MASK] key K" lines. */
    void keyring(CiscoLine line) throws ConfigException {
        String name = ctx.required(line, 2, "a keyring name");
        for (CiscoLine sub : line.children) {
            if (sub.startsWith("pre-shared-key")) {
                String kind = ctx.required(sub, 1, "address or hostname");
                int keyWord = kind.equalsIgnoreCase("address") && sub.word(3) != null
                        && CiscoAcl.ipv4(sub.word(3)) >= 0 ? 4 : 3;
                if (!"key".equalsIgnoreCase(sub.word(keyWord))) {
                    throw ctx.error(sub, "expected 'key' after the peer of pre-shared-key");
                }
                ctx.required(sub, keyWord + 1, "a key");
                addKey(sub, kind, 2, name, CiscoKeys.read(sub, keyWord + 1, ctx.file, ctx.warnings));
            } else if (!sub.startsWith("description")) {
                ctx.notRead(sub, "crypto keyring " + name);
            }
        }
    }

    private void isakmpProfile(CiscoLine line) throws ConfigException {
        String name = ctx.required(line, 3, "a profile name");
        IsakmpProfile profile = new IsakmpProfile(name, ctx.origin(line));
        objects.isakmpProfiles.put(name, profile);
        for (CiscoLine sub : line.children) {
            if (sub.startsWith("keyring")) {
                profile.keyring = ctx.at(sub, ctx.required(sub, 1, "a keyring name"));
            } else if (sub.startsWith("match", "identity", "address")) {
                profile.matchAddresses.add(ctx.at(sub, ctx.required(sub, 3, "an address")));
            } else if (sub.startsWith("self-identity")) {
                profile.selfIdentity = ctx.at(sub, sub.rest(1));
            } else if (!sub.startsWith("description")) {
                ctx.notRead(sub, "crypto isakmp profile " + name);
            }
        }
    }

    /** A top-level "crypto ikev2 ..." line. */
    void ikev2(CiscoLine line) throws ConfigException {
        String what = ctx.required(line, 2, "proposal, policy, keyring or profile");
        switch (what.toLowerCase()) {
            case "proposal" -> proposal(line);
            case "policy" -> policy(line);
            case "keyring" -> ikev2Keyring(line);
            case "profile" -> CiscoIkev2Profiles.read(ctx, line);
            default -> ctx.notRead(line, "crypto ikev2 " + what);
        }
    }

    private void proposal(CiscoLine line) throws ConfigException {
        String name = ctx.required(line, 3, "a proposal name");
        // "crypto ikev2 proposal default" changes the smart default: what it does not set stays
        Ikev2Proposal proposal = objects.ikev2Proposals.get(name);
        if (proposal == null || !name.equals("default")) {
            proposal = new Ikev2Proposal(name, ctx.origin(line));
            objects.ikev2Proposals.put(name, proposal);
        }
        for (CiscoLine sub : line.children) {
            switch (sub.word(0).toLowerCase()) {
                case "encryption" -> proposal.encryption = ctx.at(sub, names(sub, CiscoAlgorithms.IKEV2_ENCRYPTION,
                        "an IKEv2 encryption"));
                case "integrity" -> proposal.integrity = ctx.at(sub, names(sub, CiscoAlgorithms.INTEGRITY,
                        "an IKEv2 integrity"));
                case "prf" -> proposal.prf = ctx.at(sub, names(sub, CiscoAlgorithms.PRF, "an IKEv2 PRF"));
                case "group" -> {
                    List<Integer> groups = new ArrayList<>();
                    for (int i = 1; i < sub.words.size(); i++) {
                        groups.add(ctx.group(sub, sub.word(i)));
                    }
                    if (groups.isEmpty()) {
                        ctx.group(sub, null);
                    }
                    proposal.groups = ctx.at(sub, groups);
                }
                default -> ctx.notRead(sub, "crypto ikev2 proposal " + name);
            }
        }
        if (proposal.encryption == null || proposal.groups == null) {
            throw ctx.error(line, "IKEv2 proposal " + name + " needs encryption and group (IOS calls it incomplete)");
        }
        if (proposal.integrity == null && proposal.encryption.value().stream().anyMatch(n -> !n.contains("GCM"))) {
            throw ctx.error(line, "IKEv2 proposal " + name + ": a non-AEAD cipher needs an integrity line");
        }
        if (proposal.integrity == null) {
            proposal.integrity = Setting.of(List.of(), proposal.origin);
        }
        if (proposal.prf == null) {
            if (proposal.integrity.value().isEmpty()) {
                throw ctx.error(line, "IKEv2 proposal " + name + ": an AEAD cipher needs a prf line");
            }
            // IKEv2 proposal reference: without "prf", the integrity algorithms serve as PRFs
            List<String> prfs = proposal.integrity.value().stream()
                    .map(n -> "PRF-" + n.substring(0, n.lastIndexOf('-'))).distinct().toList();
            proposal.prf = Setting.of(prfs, proposal.integrity.origin());
        }
    }

    private List<String> names(CiscoLine line, Map<String, String> table, String what) throws ConfigException {
        List<String> out = new ArrayList<>();
        for (int i = 1; i < line.words.size(); i++) {
            out.add(ctx.lookup(line, line.word(i), table, what));
        }
        if (out.isEmpty()) {
            ctx.lookup(line, null, table, what);
        }
        return out;
    }

    private void policy(CiscoLine line) throws ConfigException {
        String name = ctx.required(line, 3, "a policy name");
        Ikev2Policy policy = new Ikev2Policy(name, ctx.origin(line));
        objects.ikev2Policies.put(name, policy);
        for (CiscoLine sub : line.children) {
            if (sub.startsWith("proposal")) {
                policy.proposals.add(ctx.at(sub, ctx.required(sub, 1, "a proposal name")));
            } else if (sub.startsWith("match", "address", "local")) {
                policy.matchLocal.add(ctx.required(sub, 3, "a local address"));
            } else {
                ctx.notRead(sub, "crypto ikev2 policy " + name);
            }
        }
        if (policy.proposals.isEmpty()) {
            throw ctx.error(line, "IKEv2 policy " + name + " has no proposal line");
        }
    }

    private void ikev2Keyring(CiscoLine line) throws ConfigException {
        String name = ctx.required(line, 3, "a keyring name");
        Map<String, Ikev2Peer> peers = new LinkedHashMap<>();
        objects.ikev2Keyrings.put(name, peers);
        for (CiscoLine sub : line.children) {
            if (!sub.startsWith("peer")) {
                ctx.notRead(sub, "crypto ikev2 keyring " + name);
                continue;
            }
            Ikev2Peer peer = new Ikev2Peer(ctx.required(sub, 1, "a peer name"), ctx.origin(sub));
            peers.put(peer.name, peer);
            for (CiscoLine cmd : sub.children) {
                switch (cmd.word(0).toLowerCase()) {
                    case "address" -> {
                        if (cmd.word(1) != null && cmd.word(1).contains(":")) {
                            ctx.warn(cmd, "IPv6 keyring peer address not read (IPv6 peers are not modelled)");
                            continue;
                        }
                        long[] address = ctx.addressAndMask(cmd, 1);
                        peer.address = address[0];
                        peer.prefix = (int) address[1];
                    }
                    case "identity" -> peer.identity = ctx.required(cmd, 2, "an identity value");
                    case "pre-shared-key" -> peerKey(peer, cmd);
                    case "description" -> {
                    }
                    default -> ctx.notRead(cmd, "crypto ikev2 keyring " + name + " peer " + peer.name);
                }
            }
        }
    }

    /** "pre-shared-key [local|remote] [0|6] KEY": without local/remote the key serves both ways. */
    private void peerKey(Ikev2Peer peer, CiscoLine cmd) throws ConfigException {
        String direction = cmd.word(1);
        boolean local = "local".equalsIgnoreCase(direction);
        boolean remote = "remote".equalsIgnoreCase(direction);
        int at = local || remote ? 2 : 1;
        ctx.required(cmd, at, "a key");
        var key = CiscoKeys.read(cmd, at, ctx.file, ctx.warnings);
        if (!remote) {
            peer.localKey = key;
        }
        if (!local) {
            peer.remoteKey = key;
        }
    }
}
