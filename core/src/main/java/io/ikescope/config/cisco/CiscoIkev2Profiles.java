package io.ikescope.config.cisco;

import io.ikescope.config.ConfigException;
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
            } else if (sub.startsWith("authentication", "remote")) {
                profile.authRemote.add(ctx.at(sub, ctx.lookup(sub, sub.word(2), CiscoAlgorithms.AUTH_METHOD,
                        "an authentication method")));
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
                return address;
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
