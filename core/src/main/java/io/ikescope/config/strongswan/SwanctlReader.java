package io.ikescope.config.strongswan;

import io.ikescope.config.ConfigException;
import io.ikescope.config.ConfigReader;
import io.ikescope.config.ConfigWarning;
import io.ikescope.config.ConnectionConfig;
import io.ikescope.config.Implementation;
import io.ikescope.config.Origin;
import io.ikescope.config.PeerConfig;
import io.ikescope.config.PskDigest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * strongSwan's swanctl.conf (5.9 and 6.x syntax): a file, or an /etc/swanctl directory (its swanctl.conf, which
 * the stock file has include conf.d/*.conf; without a swanctl.conf, conf.d/*.conf directly). A secrets file named
 * by the user is read as one more swanctl.conf for its {@code secrets} section.
 */
public final class SwanctlReader implements ConfigReader {

    /** A top-level connections or secrets section: what makes a settings file a swanctl.conf. */
    private static final Pattern SWANCTL_SECTION = Pattern.compile("(?m)^[ \\t]*(connections|secrets)\\s*\\{");

    @Override
    public Implementation implementation() {
        return Implementation.STRONGSWAN;
    }

    @Override
    public boolean recognises(Path path, String head) {
        if (Files.isDirectory(path)) {
            return Files.isRegularFile(path.resolve("swanctl.conf")) || Files.isDirectory(path.resolve("conf.d"))
                    && !Files.exists(path.resolve("ipsec.conf"));
        }
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        return name.endsWith("swanctl.conf") || SWANCTL_SECTION.matcher(head).find();
    }

    @Override
    public PeerConfig read(Path path, Path secretsFile) throws ConfigException {
        List<ConfigWarning> warnings = new ArrayList<>();
        IncludeResolver files = new IncludeResolver(warnings);
        SettingsSection root = new SettingsSection("", Origin.at(path.toString(), 0));
        if (Files.isDirectory(path)) {
            readDirectory(path, root, files, warnings);
        } else {
            SettingsParser.parse(path, root, files);
        }
        if (secretsFile != null) {
            SettingsParser.parse(secretsFile, root, files);
        }
        SettingsReferences.resolve(root);
        SharedSecrets secrets = new SharedSecrets();
        List<ConnectionConfig> connections = List.of();
        SettingsSection connectionSection = null;
        for (SettingsSection section : root.sections()) {
            switch (section.name()) {
                case "connections" -> connectionSection = section;
                case "secrets" -> readSecrets(section, secrets, warnings);
                case "pools", "authorities" -> {
                    // virtual IP pools and CA/CRL/OCSP locations: they do not change what is negotiated
                }
                default -> throw ValueParsers.error(section.origin(), "unknown section '" + section.name()
                        + "' (swanctl.conf has connections, secrets, pools and authorities)");
            }
        }
        for (SettingsSection.Value stray : root.values()) {
            warnings.add(new ConfigWarning(stray.origin(), "unknown keyword '" + stray.key()
                    + "' outside any section"));
        }
        if (connectionSection != null) {
            connections = new SwanctlConnections(secrets, warnings).read(connectionSection);
        }
        return new PeerConfig(Implementation.STRONGSWAN, StrongswanDefaults.VERSION, files.files(), connections,
                warnings);
    }

    private static void readDirectory(Path dir, SettingsSection root, IncludeResolver files,
                                      List<ConfigWarning> warnings) throws ConfigException {
        Path main = dir.resolve("swanctl.conf");
        if (Files.isRegularFile(main)) {
            SettingsParser.parse(main, root, files);
            return;
        }
        Origin where = Origin.at(dir.toString(), 0);
        warnings.add(new ConfigWarning(where, "no swanctl.conf in the directory: read conf.d/*.conf"));
        for (Path conf : files.expand(main, "conf.d/*.conf", where)) {
            SettingsParser.parse(conf, root, files);
        }
    }

    /** {@code secrets { ike-NAME { id = ..., id-x = ..., secret = ... } }} (swanctl.conf(5), load_creds.c). */
    private static void readSecrets(SettingsSection section, SharedSecrets secrets, List<ConfigWarning> warnings)
            throws ConfigException {
        for (SettingsSection.Value stray : section.values()) {
            warnings.add(new ConfigWarning(stray.origin(), "unknown keyword '" + stray.key()
                    + "' directly in secrets (expected a secret section)"));
        }
        for (SettingsSection secret : section.sections()) {
            String type = null;
            for (String candidate : SwanctlKeywords.SECRET_TYPES) {
                if (secret.name().startsWith(candidate)) {
                    type = candidate;
                    break;
                }
            }
            if (type == null) {
                warnings.add(new ConfigWarning(secret.origin(), "unsupported secret '" + secret.name()
                        + "' (swanctl ignores it too)"));
                continue;
            }
            if (!type.equals("ike")) {
                // EAP/XAuth/NTLM passwords, PPKs and private keys: not compared by the model
                continue;
            }
            List<String> owners = new ArrayList<>();
            SettingsSection.Value value = null;
            for (SettingsSection.Value v : secret.values()) {
                if (v.key().startsWith("id")) {
                    owners.add(v.text());
                } else if (v.key().equals("secret")) {
                    value = v;
                } else {
                    warnings.add(new ConfigWarning(v.origin(), "unknown keyword '" + v.key() + "' in secret "
                            + secret.name()));
                }
            }
            if (value == null) {
                warnings.add(new ConfigWarning(secret.origin(), "secret " + secret.name()
                        + " has no secret = ...; ignored (as swanctl does)"));
                continue;
            }
            secrets.add(owners, digest(value), value.origin());
        }
    }

    /** The secret as swanctl loads it: 0x hex and 0s base64 are decoded, anything else is the text. */
    static PskDigest digest(SettingsSection.Value value) throws ConfigException {
        String text = value.text();
        String lower = text.length() >= 2 ? text.substring(0, 2).toLowerCase() : "";
        try {
            if (lower.equals("0x")) {
                return PskDigest.of(HexFormat.of().parseHex(text.substring(2)));
            }
            if (lower.equals("0s")) {
                return PskDigest.of(Base64.getDecoder().decode(text.substring(2)));
            }
        } catch (IllegalArgumentException e) {
            throw ValueParsers.error(value.origin(), "the secret is not valid " + (lower.equals("0x") ? "hex"
                    : "base64") + " after its " + lower + " prefix");
        }
        return PskDigest.of(text.getBytes(StandardCharsets.UTF_8));
    }
}
