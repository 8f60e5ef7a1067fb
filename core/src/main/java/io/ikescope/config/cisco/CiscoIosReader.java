package io.ikescope.config.cisco;

import io.ikescope.config.ConfigException;
import io.ikescope.config.ConfigReader;
import io.ikescope.config.ConnectionConfig;
import io.ikescope.config.Implementation;
import io.ikescope.config.PeerConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a Cisco IOS / IOS-XE {@code show running-config} (or the crypto part of it) pasted into a file.
 *
 * <p>Read: "crypto isakmp" (policy, key, identity, aggressive-mode, profile), "crypto keyring", "crypto ikev2"
 * (proposal, policy, keyring, profile), "crypto ipsec" (transform-set, profile, security-association lifetime),
 * "crypto map", "crypto dynamic-map", extended ACLs (named and numbered) and interfaces (address, crypto map,
 * tunnel source/destination/mode/protection). A crypto line or sub-line not read is a warning with its line.
 * Other top-level sections (hostname aside: version, router, line, aaa, snmp-server, ...) and interface commands
 * that say nothing about IKE are skipped without a warning: they cannot change a negotiation.
 */
public final class CiscoIosReader implements ConfigReader {

    /** A running-config of a large router is a few hundred KB; anything far beyond is not one. */
    static final long MAX_FILE_BYTES = 8L * 1024 * 1024;

    private static final Pattern CRYPTO_LINE =
            Pattern.compile("(?m)^[ \\t]*crypto (isakmp|ikev2|map|ipsec|dynamic-map) ");

    @Override
    public Implementation implementation() {
        return Implementation.CISCO_IOS;
    }

    @Override
    public boolean recognises(Path path, String head) {
        return head != null && CRYPTO_LINE.matcher(head).find();
    }

    @Override
    public PeerConfig read(Path path, Path secrets) throws ConfigException {
        String file = path.toString();
        String content;
        try {
            if (Files.isDirectory(path)) {
                throw new ConfigException(file, 0, "a Cisco configuration is one file, not a directory");
            }
            if (Files.size(path) > MAX_FILE_BYTES) {
                throw new ConfigException(file, 0, "larger than " + MAX_FILE_BYTES / (1024 * 1024)
                        + " MB: not a running-config");
            }
            content = Files.readString(path, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new ConfigException(file, 0, "cannot read: " + e.getMessage());
        }
        return read(file, content);
    }

    /** Reads configuration text; {@code file} names it in origins and errors. */
    public PeerConfig read(String file, String content) throws ConfigException {
        CiscoSectionContext ctx = new CiscoSectionContext(file);
        CiscoIkeSections ike = new CiscoIkeSections(ctx);
        CiscoIpsecSections ipsec = new CiscoIpsecSections(ctx);
        for (CiscoLine line : CiscoLine.parse(file, content)) {
            dispatch(ctx, ike, ipsec, line);
        }
        List<ConnectionConfig> connections = new CiscoConnections(ctx, ipsec.standardAcls).build();
        return new PeerConfig(Implementation.CISCO_IOS, CiscoDefaults.VERSION, List.of(file), connections,
                ctx.warnings);
    }

    private static void dispatch(CiscoSectionContext ctx, CiscoIkeSections ike, CiscoIpsecSections ipsec,
                                 CiscoLine line) throws ConfigException {
        if (line.startsWith("crypto", "isakmp")) {
            ike.isakmp(line);
        } else if (line.startsWith("crypto", "keyring")) {
            ike.keyring(line);
        } else if (line.startsWith("crypto", "ikev2")) {
            ike.ikev2(line);
        } else if (line.startsWith("crypto", "ipsec")) {
            ipsec.ipsec(line);
        } else if (line.startsWith("crypto", "map")) {
            ipsec.cryptoMap(line);
        } else if (line.startsWith("crypto", "dynamic-map")) {
            ipsec.dynamicMap(line);
        } else if (line.startsWith("crypto")) {
            // crypto pki / key / ca: certificates and key pairs, which decide nothing a check compares
            ctx.warn(line, "'" + line.rest(0).split(" ")[0] + " " + line.word(1) + "' not read by ikescope");
        } else if (line.startsWith("no", "crypto")) {
            removeDefault(ctx, line);
        } else if (line.startsWith("ip", "access-list")) {
            ipsec.namedAcl(line);
        } else if (line.startsWith("access-list")) {
            ipsec.numberedAcl(line);
        } else if (line.startsWith("interface")) {
            ipsec.interfaceSection(line);
        } else if (line.startsWith("hostname") && line.word(1) != null) {
            ctx.objects.hostname = line.word(1);
        } else if ((line.startsWith("ip", "domain", "name") || line.startsWith("ip", "domain-name"))) {
            ctx.objects.domain = line.word(line.words.size() - 1);
        }
    }

    /** "no crypto ikev2 proposal default" and the like: a smart default switched off. */
    private static void removeDefault(CiscoSectionContext ctx, CiscoLine line) {
        CiscoObjects o = ctx.objects;
        if (line.startsWith("no", "crypto", "ikev2", "proposal", "default")) {
            o.ikev2Proposals.remove("default");
        } else if (line.startsWith("no", "crypto", "ikev2", "policy", "default")) {
            o.ikev2Policies.remove("default");
        } else if (line.startsWith("no", "crypto", "ipsec", "transform-set", "default")) {
            o.transformSets.remove("default");
        } else if (line.startsWith("no", "crypto", "ipsec", "profile", "default")) {
            o.ipsecProfiles.remove("default");
        } else {
            ctx.notRead(line, "no crypto " + line.word(2) + " " + line.word(3));
        }
    }
}
