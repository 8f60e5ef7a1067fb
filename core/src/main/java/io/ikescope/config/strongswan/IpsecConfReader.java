package io.ikescope.config.strongswan;

import io.ikescope.config.ConfigException;
import io.ikescope.config.ConfigReader;
import io.ikescope.config.ConfigWarning;
import io.ikescope.config.ConnectionConfig;
import io.ikescope.config.Implementation;
import io.ikescope.config.Origin;
import io.ikescope.config.PeerConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * strongSwan's legacy ipsec.conf (starter and the stroke plugin) with its ipsec.secrets: a file, or a directory
 * holding ipsec.conf. The secrets are the file the user names, else ipsec.secrets beside ipsec.conf (the lab names
 * them NAME.ipsec.secrets beside NAME.ipsec.conf, which is looked for too).
 *
 * <p>Detection is conservative, because libreswan's ipsec.conf has the same syntax and many of the same keywords:
 * a file is claimed only when it has a {@code conn} section, uses at least one keyword that only strongSwan knows
 * ({@link StrokeKeywords#STRONGSWAN_ONLY}, keyexchange= above all), and has no libreswan-only keyword
 * ({@link StrokeKeywords#LIBRESWAN_ONLY}: ikev2=, phase2alg=, leftsubnets=, ...) and no leading "# libreswan"
 * comment. Anything else is left to the libreswan reader (io.ikescope.config.libreswan), or to a future
 * {@code --implementation} option naming the implementation outright.
 */
public final class IpsecConfReader implements ConfigReader {

    private static final Pattern CONN = Pattern.compile("(?m)^conn\\s+\\S+");
    private static final Pattern KEYWORD = Pattern.compile("(?m)^[ \\t]+([A-Za-z0-9_-]+)[ \\t]*=");
    private static final Pattern LIBRESWAN_COMMENT = Pattern.compile("(?mi)^#\\s*libreswan");
    private static final int HEAD_BYTES = 16 * 1024;

    @Override
    public Implementation implementation() {
        return Implementation.STRONGSWAN;
    }

    @Override
    public boolean recognises(Path path, String head) {
        if (Files.isDirectory(path)) {
            Path conf = path.resolve("ipsec.conf");
            return Files.isRegularFile(conf) && isStrongswanIpsecConf(readHead(conf));
        }
        return isStrongswanIpsecConf(head);
    }

    static boolean isStrongswanIpsecConf(String head) {
        if (!CONN.matcher(head).find() || LIBRESWAN_COMMENT.matcher(head).find()) {
            return false;
        }
        boolean strongswanOnly = false;
        Matcher keyword = KEYWORD.matcher(head);
        while (keyword.find()) {
            String key = keyword.group(1).toLowerCase(Locale.ROOT);
            if (StrokeKeywords.LIBRESWAN_ONLY.contains(key)) {
                return false;
            }
            strongswanOnly |= StrokeKeywords.STRONGSWAN_ONLY.contains(key);
        }
        return strongswanOnly;
    }

    @Override
    public PeerConfig read(Path path, Path secretsFile) throws ConfigException {
        Path conf = Files.isDirectory(path) ? path.resolve("ipsec.conf") : path;
        List<ConfigWarning> warnings = new ArrayList<>();
        IncludeResolver files = new IncludeResolver(warnings);
        Map<String, IpsecConfParser.Section> sections = IpsecConfParser.parse(conf, files);
        SharedSecrets secrets = new SharedSecrets();
        Path secretsPath = secretsFile != null ? secretsFile : besideConf(conf);
        if (secretsPath != null) {
            new IpsecSecretsParser(files, secrets, warnings).parse(secretsPath);
        } else {
            warnings.add(new ConfigWarning(Origin.at(conf.toString(), 0), "no ipsec.secrets beside it: no"
                    + " pre-shared keys read (name one with --secrets)"));
        }
        // config setup holds starter/charon settings (uniqueids, charondebug, crl policy), ca sections hold
        // certificate authorities: neither changes what a connection negotiates, so only conn sections are read
        List<ConnectionConfig> connections = new StrokeConnections(sections, secrets, warnings).read();
        return new PeerConfig(Implementation.STRONGSWAN, StrongswanDefaults.VERSION, files.files(), connections,
                warnings);
    }

    /** ipsec.secrets beside ipsec.conf, or NAME.ipsec.secrets beside NAME.ipsec.conf; null when neither exists. */
    private static Path besideConf(Path conf) {
        Path dir = conf.toAbsolutePath().getParent();
        String name = conf.getFileName().toString();
        List<Path> candidates = new ArrayList<>();
        if (name.endsWith(".conf")) {
            candidates.add(conf.resolveSibling(name.substring(0, name.length() - ".conf".length()) + ".secrets"));
        }
        candidates.add(conf.resolveSibling("ipsec.secrets"));
        for (Path candidate : candidates) {
            if (dir != null && Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static String readHead(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(HEAD_BYTES), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
