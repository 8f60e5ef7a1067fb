package io.ikescope.config.libreswan;

import io.ikescope.config.ConfigException;
import io.ikescope.config.ConfigReader;
import io.ikescope.config.ConfigWarning;
import io.ikescope.config.ConnectionConfig;
import io.ikescope.config.Implementation;
import io.ikescope.config.PeerConfig;
import io.ikescope.config.libreswan.IpsecConfParser.Entry;
import io.ikescope.config.libreswan.IpsecConfParser.Section;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * libreswan's ipsec.conf with its ipsec.secrets, read with libreswan 4.10's defaults. The secrets file is the one
 * given, else {@code ROLE.ipsec.secrets} beside a {@code ROLE.ipsec.conf}, else {@code ipsec.secrets} beside the
 * file. Conns that only serve as also= targets (named by an also= and without an auto= of their own) are not
 * connections of their own.
 */
public final class LibreswanReader implements ConfigReader {

    @Override
    public Implementation implementation() {
        return Implementation.LIBRESWAN;
    }

    @Override
    public boolean recognises(Path path, String head) {
        return !Files.isDirectory(path) && LibreswanDetection.looksLikeLibreswan(head);
    }

    @Override
    public PeerConfig read(Path path, Path secrets) throws ConfigException {
        return readWithFacts(path, secrets).peer();
    }

    public LibreswanPeerConfig readWithFacts(Path path, Path secretsFile) throws ConfigException {
        List<ConfigWarning> warnings = new ArrayList<>();
        IpsecConfParser parser = new IpsecConfParser(warnings);
        parser.parse(path);
        List<String> files = new ArrayList<>(parser.files());

        Entry ikev1Policy = null;
        for (Section s : parser.sections()) {
            if (!s.isSetup()) {
                continue;
            }
            for (Entry e : s.entries()) {
                String key = LibreswanKeywords.canonical(e.key());
                switch (LibreswanKeywords.setup(key)) {
                    case READ -> ikev1Policy = e;
                    case UNKNOWN -> warnings.add(new ConfigWarning(e.origin(), "unknown config setup keyword '"
                            + e.key() + "' ignored (pluto 4.10 refuses a file with it)"));
                    default -> { }
                }
            }
        }

        LibreswanSecrets secrets = null;
        String noSecrets = null;
        Path secretsPath = secretsFile != null ? secretsFile : besideConf(path);
        if (secretsPath != null && (secretsFile != null || Files.exists(secretsPath))) {
            secrets = new LibreswanSecrets(warnings);
            secrets.read(secretsPath);
            files.addAll(secrets.files());
        } else {
            noSecrets = "no ipsec.secrets was read (none beside " + path + "; name one with --secrets)";
        }

        List<ConnectionConfig> connections = new ArrayList<>();
        Map<String, LibreswanConnFacts> facts = new LinkedHashMap<>();
        LibreswanConnBuilder builder = new LibreswanConnBuilder(warnings, secrets, noSecrets, ikev1Policy);
        for (ConnResolver.Resolved conn : new ConnResolver(warnings).resolve(parser.sections())) {
            if (conn.fragment()) {
                continue;
            }
            LibreswanConnBuilder.Built built = builder.build(conn);
            connections.add(built.connection());
            facts.put(conn.name(), built.facts());
        }
        PeerConfig peer = new PeerConfig(Implementation.LIBRESWAN, LibreswanDefaults.VERSION, files, connections,
                List.copyOf(new LinkedHashSet<>(warnings)));
        return new LibreswanPeerConfig(peer, facts);
    }

    /** ROLE.ipsec.secrets beside ROLE.ipsec.conf (the lab's naming), else ipsec.secrets beside the file. */
    private static Path besideConf(Path conf) {
        Path dir = conf.toAbsolutePath().getParent();
        String name = conf.getFileName().toString();
        if (name.endsWith(".ipsec.conf")) {
            Path role = conf.resolveSibling(name.substring(0, name.length() - ".conf".length()) + ".secrets");
            if (Files.exists(role)) {
                return role;
            }
        }
        return dir == null ? null : conf.resolveSibling("ipsec.secrets");
    }
}
