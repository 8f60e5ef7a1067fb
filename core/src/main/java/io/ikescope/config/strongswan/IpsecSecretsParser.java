package io.ikescope.config.strongswan;

import io.ikescope.config.ConfigException;
import io.ikescope.config.ConfigWarning;
import io.ikescope.config.Origin;
import io.ikescope.config.PskDigest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * strongSwan's ipsec.secrets (ipsec.secrets(5); stroke_cred.c load_secrets, 5.9): one entry a line,
 * {@code [ID ...] : TYPE secret}, {@code #} comments, {@code include PATTERN} (relative to the including file).
 * PSK secrets become digests, "quoted" or 'quoted' as text, 0x hex and 0s base64 decoded, a bare word as text.
 * Private key lines (RSA, ECDSA, ...) and user passwords (EAP, XAUTH, NTLM) are not read: their passphrases and
 * passwords are never looked at.
 */
final class IpsecSecretsParser {

    private static final Set<String> NOT_READ = Set.of("RSA", "ECDSA", "BLISS", "PKCS8", "P12", "PIN", "EAP",
            "NTLM", "XAUTH", "PPK");

    private final IncludeResolver includes;
    private final SharedSecrets secrets;
    private final List<ConfigWarning> warnings;

    IpsecSecretsParser(IncludeResolver includes, SharedSecrets secrets, List<ConfigWarning> warnings) {
        this.includes = includes;
        this.secrets = secrets;
        this.warnings = warnings;
    }

    void parse(Path path) throws ConfigException {
        file(path, 0);
    }

    private void file(Path path, int depth) throws ConfigException {
        String name = path.toString();
        String[] lines = includes.load(path).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNumber = i + 1;
            String line = lines[i].replace("\r", "").strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("include ")) {
                if (depth + 1 > IncludeResolver.MAX_DEPTH) {
                    throw new ConfigException(name, lineNumber, "includes nested deeper than "
                            + IncludeResolver.MAX_DEPTH + " files (an include loop?)");
                }
                String pattern = line.substring("include ".length()).strip().split("\\s+")[0];
                for (Path included : includes.expand(path, pattern, Origin.at(name, lineNumber))) {
                    file(included, depth + 1);
                }
                continue;
            }
            entry(line, name, lineNumber);
        }
    }

    private void entry(String line, String file, int lineNumber) throws ConfigException {
        String ids;
        String rest;
        if (line.startsWith(": ")) {
            ids = "";
            rest = line.substring(2);
        } else {
            int separator = line.indexOf(" : ");
            if (separator < 0) {
                throw new ConfigException(file, lineNumber, "missing ' : ' between the IDs and the secret");
            }
            ids = line.substring(0, separator);
            rest = line.substring(separator + 3);
        }
        rest = rest.strip();
        String[] typeAndSecret = rest.split("\\s+", 2);
        String type = typeAndSecret[0].toUpperCase(Locale.ROOT);
        Origin origin = Origin.at(file, lineNumber);
        if (NOT_READ.contains(type)) {
            return;
        }
        if (!type.equals("PSK")) {
            throw new ConfigException(file, lineNumber, "unknown secret type '" + typeAndSecret[0]
                    + "' (expected PSK, RSA, ECDSA, BLISS, PKCS8, P12, PIN, EAP, NTLM, XAUTH or PPK)");
        }
        if (typeAndSecret.length < 2 || typeAndSecret[1].isBlank()) {
            throw new ConfigException(file, lineNumber, "PSK without a secret");
        }
        secrets.add(owners(ids, file, lineNumber), digest(typeAndSecret[1].strip(), origin), origin);
        if (ids.isBlank()) {
            warnings.add(new ConfigWarning(origin, "a PSK without IDs applies to every peer (%any)"));
        }
    }

    /** IDs separated by blanks; "quoted" IDs may hold blanks (DNs). */
    private static List<String> owners(String ids, String file, int line) throws ConfigException {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < ids.length()) {
            char c = ids.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"' || c == '\'') {
                int end = ids.indexOf(c, i + 1);
                if (end < 0) {
                    throw new ConfigException(file, line, "unterminated quoted ID");
                }
                out.add(ids.substring(i + 1, end));
                i = end + 1;
            } else {
                int end = i;
                while (end < ids.length() && !Character.isWhitespace(ids.charAt(end))) {
                    end++;
                }
                out.add(ids.substring(i, end));
                i = end;
            }
        }
        return out;
    }

    /** stroke_cred.c extract_secret: quoted text, else 0x hex / 0s base64, else the word. */
    private static PskDigest digest(String written, Origin origin) throws ConfigException {
        char first = written.charAt(0);
        if (first == '"' || first == '\'') {
            int end = written.indexOf(first, 1);
            if (end < 0) {
                throw new ConfigException(origin.file(), origin.line(), "the secret's closing quote is missing");
            }
            return PskDigest.of(written.substring(1, end).getBytes(StandardCharsets.UTF_8));
        }
        String word = written.split("\\s+", 2)[0];
        String prefix = word.length() > 2 ? word.substring(0, 2).toLowerCase(Locale.ROOT) : "";
        try {
            if (prefix.equals("0x")) {
                return PskDigest.of(HexFormat.of().parseHex(word.substring(2)));
            }
            if (prefix.equals("0s")) {
                return PskDigest.of(Base64.getDecoder().decode(word.substring(2)));
            }
        } catch (IllegalArgumentException e) {
            throw new ConfigException(origin.file(), origin.line(), "the secret is not valid "
                    + (prefix.equals("0x") ? "hex" : "base64") + " after its " + prefix + " prefix");
        }
        return PskDigest.of(word.getBytes(StandardCharsets.UTF_8));
    }
}
