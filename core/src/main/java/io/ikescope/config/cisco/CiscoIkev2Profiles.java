package io.ikescope.config.cisco;

import io.ikescope.config.ConfigException;
import io.ikescope.config.PskDigest;
import io.ikescope.config.Setting;
import io.ikescope.config.cisco.CiscoObjects.Ikev2Profile;

/** "crypto ikev2 profile NAME" and its commands. */
final class CiscoIkev2Profiles {
    private CiscoIkev2Profiles() {
    }

    static void read(CiscoSectionContext ctx, CiscoLine line) throws ConfigException {
        String name = ctx.required(line, 3, "a profile name");
        Ikev2Profile profile = new Ikev2Profile(name, ctx.origin(line));
        ctx.objects.ikev2Profiles.put(name, profile);
        for (CiscoLine sub : line.children) {
            if (sub.startsWith("match", "identity", "remote")) {
                profile.remoteIds.add(ctx.at(sub, identity(ctx, sub, 3)));
            } else if (sub.startsWith("identity", "local")) {
                profile.localId = ctx.at(sub, identity(ctx, sub, 2));
            } else if (sub.startsWith("authentication", "local")) {
                profile.authLocal = ctx.at(sub, ctx.lookup(sub, sub.word(2), CiscoAlgorithms.AUTH_METHOD,
                        "an authentication method"));
                profile.localKey = inlineKey(ctx, sub, profile.localKey);
            } else if (sub.startsWith("authentication", "remote")) {
                profile.authRemote.add(ctx.at(sub, ctx.lookup(sub, sub.word(2), CiscoAlgorithms.AUTH_METHOD,
                        "an authentication method")));
                profile.remoteKey = inlineKey(ctx, sub, profile.remoteKey);
            } else if (sub.startsWith("keyring", "local")) {
                profile.keyring = ctx.at(sub, ctx.required(sub, 2, "a keyring name"));
            } else if (sub.startsWith("lifetime")) {
                profile.lifetime = ctx.at(sub, ctx.number(sub, 1, "a lifetime in seconds", 120, 86400));
            } else if (!sub.startsWith("description")) {
                ctx.notRead(sub, "crypto ikev2 profile " + name);
            }
        }
        if (profile.authLocal == null || profile.authRemote.isEmpty()) {
            throw ctx.error(line, "IKEv2 profile " + name
                    + " needs 'authentication local' and 'authentication remote' (IOS calls it incomplete)");
        }
    }

    /** "authentication local|remote pre-share key [0|6] KEY": a key in the profile itself, before the keyring's. */
    private static Setting<PskDigest> inlineKey(CiscoSectionContext ctx, CiscoLine sub, Setting<PskDigest> before)
            throws ConfigException {
        if (!"key".equalsIgnoreCase(sub.word(3))) {
            return before;
        }
        ctx.required(sub, 4, "a key");
        return CiscoKeys.read(sub, 4, ctx.file, ctx.warnings);
    }

    /**
     * "address A [MASK]", "fqdn [domain] F", "email [domain] E", "key-id K" or "dn" from word {@code at}: the
     * identity value ("198.51.100.2", "peer.example.com"); "dn" is null (the certificate's subject).
     */
    private static String identity(CiscoSectionContext ctx, CiscoLine line, int at) throws ConfigException {
        String kind = ctx.required(line, at, "address, fqdn, email, key-id or dn");
        switch (kind.toLowerCase()) {
            case "address" -> {
                String address = ctx.required(line, at + 1, "an address");
                if (CiscoAcl.ipv4(address) < 0 && !address.contains(":")) {
                    throw ctx.error(line, "expected an address, not '" + address + "'");
                }
                // "address 0.0.0.0" or a zero mask accepts any peer address as its identity
                boolean any = address.equals("0.0.0.0") || "0.0.0.0".equals(line.word(at + 2));
                return any ? "%any" : address;
            }
            case "fqdn", "email" -> {
                boolean domain = "domain".equalsIgnoreCase(line.word(at + 1));
                String value = ctx.required(line, at + (domain ? 2 : 1), "a name");
                return domain ? "*" + (kind.equalsIgnoreCase("email") ? "@" : ".") + value : value;
            }
            case "key-id" -> {
                return ctx.required(line, at + 1, "a key id");
            }
            case "dn" -> {
                return null;
            }
            default -> throw ctx.error(line, "expected address, fqdn, email, key-id or dn, not '" + kind + "'");
        }
    }
}
