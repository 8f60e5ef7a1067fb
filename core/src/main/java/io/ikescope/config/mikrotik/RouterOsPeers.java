package io.ikescope.config.mikrotik;

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
import java.util.Map;

/** A peer with its profile and identity as one connection. */
final class RouterOsPeers {
    private RouterOsPeers() {
    }

    private static final Map<String, String> AUTH_METHODS = Map.of(
            "pre-shared-key", "PSK",
            "digital-signature", "PUBKEY",
            "rsa-key", "RSA-SIG",
            "pre-shared-key-xauth", "XAUTH-PSK",
            "rsa-signature-hybrid", "HYBRID-RSA",
            "eap", "EAP",
            "eap-radius", "EAP-RADIUS");

    static ConnectionConfig connection(String name, RouterOsItem peer, RouterOsItem profile, RouterOsItem identity,
                                       List<ChildConfig> children) throws ConfigException {
        Setting<String> mode = peer.choice("exchange-mode", List.of("main", "aggressive", "base", "ike2"),
                RouterOsDefaults.EXCHANGE_MODE);
        Setting<Integer> version = mode.map(m -> m.equals("ike2") ? 2 : 1);
        Setting<Boolean> aggressive = mode.map(m -> m.equals("aggressive"));
        Setting<List<String>> remote = address(peer.text("address", null), peer);
        Setting<String> localText = peer.text("local-address", "%any");
        Setting<List<String>> local = localText.map(List::of);

        Setting<List<IkeProposalConfig>> proposals = ikeProposals(profile);
        Setting<Long> lifetime = profile.seconds("lifetime", RouterOsDefaults.PROFILE_LIFETIME);
        // read for their values' sake: neither changes what is proposed (proposal-check: child lifetimes)
        profile.choice("nat-traversal", List.of("yes", "no"), RouterOsDefaults.NAT_TRAVERSAL);
        profile.choice("proposal-check", List.of("claim", "exact", "obey", "strict"),
                RouterOsDefaults.PROPOSAL_CHECK);

        Authentication localAuth;
        Authentication remoteAuth;
        if (identity == null) {
            Setting<String> none = Setting.of(null, Origin.byDefault("no /ip ipsec identity names this peer: RouterOS"
                    + " does not negotiate without one"));
            localAuth = new Authentication(none, none, Setting.of(null, none.origin()));
            remoteAuth = localAuth;
        } else {
            Setting<String> method = identity.choice("auth-method", List.copyOf(AUTH_METHODS.keySet()),
                    RouterOsDefaults.AUTH_METHOD).map(AUTH_METHODS::get);
            Setting<PskDigest> psk = psk(identity, method);
            localAuth = new Authentication(method, id(identity.text("my-id", RouterOsDefaults.MY_ID), identity), psk);
            remoteAuth = new Authentication(method, id(identity.text("remote-id", RouterOsDefaults.REMOTE_ID),
                    identity), psk);
        }
        return new ConnectionConfig(name, peer.origin(), Implementation.MIKROTIK, version, aggressive, local, remote,
                proposals, Setting.of(true, Origin.byDefault(RouterOsDefaults.VERSION
                        + ": a responder accepts only what its profile lists")), localAuth, remoteAuth, children,
                Setting.of(false, Origin.byDefault(RouterOsDefaults.VERSION + ": no option forces UDP encapsulation")),
                lifetime, lifetime);
    }

    /** A /32 or /128 peer address is that host; 0.0.0.0/0 or ::/0 any peer; another prefix as written. */
    private static Setting<List<String>> address(Setting<String> address, RouterOsItem peer) {
        if (address.value() == null) {
            return Setting.of(List.of("%any"), Origin.byDefault(RouterOsDefaults.of("ip ipsec peer", "address")
                    + " (none: any peer)"));
        }
        String a = address.value();
        if (a.equals("0.0.0.0/0") || a.equals("::/0")) {
            return Setting.of(List.of("%any"), address.origin());
        }
        if (a.endsWith("/32") || a.endsWith("/128")) {
            a = a.substring(0, a.lastIndexOf('/'));
        }
        return Setting.of(List.of(a), address.origin());
    }

    /** One proposal of every cipher with every group; AEAD ciphers in a proposal of their own, without integrity. */
    private static Setting<List<IkeProposalConfig>> ikeProposals(RouterOsItem profile) throws ConfigException {
        Setting<List<String>> enc = profile.list("enc-algorithm", RouterOsAlgorithms.PROFILE_ENCRYPTION,
                RouterOsDefaults.ENC_ALGORITHM);
        Setting<String> hash = profile.choice("hash-algorithm", List.copyOf(RouterOsAlgorithms.INTEGRITY.keySet()),
                RouterOsDefaults.HASH_ALGORITHM);
        Setting<String> prfWord = profile.choice("prf-algorithm", List.of("auto", "sha1", "sha256", "sha384",
                "sha512"), RouterOsDefaults.PRF_ALGORITHM);
        // auto: the PRF of the hash algorithm (the manual's prf-algorithm)
        String prf = RouterOsAlgorithms.PRF.get(prfWord.value().equals("auto") ? hash.value() : prfWord.value());
        Setting<List<Integer>> groups = profile.list("dh-group", RouterOsAlgorithms.GROUPS, RouterOsDefaults.DH_GROUP);
        List<String> classic = enc.value().stream().filter(e -> !RouterOsAlgorithms.AEAD.contains(e)).toList();
        List<String> aead = enc.value().stream().filter(RouterOsAlgorithms.AEAD::contains).toList();
        Origin origin = profile.origin();
        List<IkeProposalConfig> out = new ArrayList<>();
        if (!classic.isEmpty()) {
            out.add(new IkeProposalConfig(classic, List.of(RouterOsAlgorithms.INTEGRITY.get(hash.value())),
                    List.of(prf), groups.value(), enc.origin().isDefault() ? origin : enc.origin()));
        }
        if (!aead.isEmpty()) {
            out.add(new IkeProposalConfig(aead, List.of(), List.of(prf), groups.value(), enc.origin()));
        }
        return Setting.of(out, enc.origin().isDefault() ? origin : enc.origin());
    }

    /** "fqdn:vpn.example.net" is "vpn.example.net", "address:192.0.2.1" the address; auto and ignore: none. */
    private static Setting<String> id(Setting<String> written, RouterOsItem identity) {
        String v = written.value();
        if (v.equals("auto") || v.equals("ignore")) {
            return Setting.of(null, written.origin());
        }
        int colon = v.indexOf(':');
        String type = colon < 0 ? "" : v.substring(0, colon);
        return switch (type) {
            case "fqdn", "address", "user-fqdn" -> Setting.of(v.substring(colon + 1), written.origin());
            default -> written; // key-id:..., a distinguished name: as written
        };
    }

    private static Setting<PskDigest> psk(RouterOsItem identity, Setting<String> method) {
        ExportEntry.Property secret = identity.entry.get("secret");
        if (secret != null) {
            return Setting.of(PskDigest.of(secret.value()), identity.at(secret));
        }
        if ("PSK".equals(method.value()) || "XAUTH-PSK".equals(method.value())) {
            return Setting.of(null, Origin.byDefault("no secret in the export: RouterOS 7's /export leaves secrets"
                    + " out unless run with show-sensitive"));
        }
        return Setting.of(null, method.origin());
    }
}
