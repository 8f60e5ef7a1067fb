package io.ikescope.config.libreswan;

import io.ikescope.config.ConfigException;
import io.ikescope.config.ConfigWarning;
import io.ikescope.config.Origin;
import io.ikescope.config.PskDigest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * libreswan's ipsec.secrets as lib/libswan/secrets.c (4.10) reads it: a record starts in the first column and goes
 * on over indented lines; {@code ID ID ... : PSK "secret"} (or {@code 0x} hex, {@code 0s} base64, {@code 0t} text);
 * no ID at all matches any pair; {@code %any} matches any ID; {@code include FILE} relative to the including file's
 * directory. RSA, ECDSA, XAUTH and PPKS records are recognised and skipped (pluto 4.10 keeps private keys in NSS).
 * A secret is reduced to its {@link PskDigest} at once; no message carries it.
 */
final class LibreswanSecrets {

    /** One PSK record: normalised IDs ({@link #ANY} for %any), empty when it names none. */
    record Psk(List<String> ids, PskDigest digest, Origin origin) {
    }

    static final String ANY = "%any";
    private static final int MATCH_DEFAULT = 1;
    private static final int MATCH_ANY = 2;
    private static final int MATCH_REMOTE = 4;
    private static final int MATCH_LOCAL = 8;

    private final List<Psk> psks = new ArrayList<>();
    private final List<String> files = new ArrayList<>();
    private final List<ConfigWarning> warnings;

    LibreswanSecrets(List<ConfigWarning> warnings) {
        this.warnings = warnings;
    }

    List<String> files() {
        return files;
    }

    List<Psk> psks() {
        return psks;
    }

    void read(Path file) throws ConfigException {
        read(file, 0);
    }

    /**
     * The PSK pluto would use between these IDs (lsw_find_secret_by_id): an entry naming both IDs beats one naming
     * the local ID with %any, which beats the local ID alone, which beats the remote ID with %any, which beats a
     * line of only %any or of no ID at all; among equals the first in the file. An entry naming the remote ID but
     * not the local one (and no %any) is not used. Null when none applies.
     */
    Psk match(String localId, String remoteId) {
        String local = localId == null ? null : normalise(localId);
        String remote = remoteId == null ? null : normalise(remoteId);
        Psk best = null;
        int bestMatch = 0;
        for (Psk p : psks) {
            int match = 0;
            if (p.ids().isEmpty()) {
                match = MATCH_ANY; // add_secret gives an ID-less record two wildcard IDs
            } else {
                for (String id : p.ids()) {
                    if (id.equals(ANY)) {
                        match |= MATCH_ANY;
                    } else {
                        if (id.equals(local)) {
                            match |= MATCH_LOCAL;
                        }
                        if (id.equals(remote)) {
                            match |= MATCH_REMOTE;
                        }
                    }
                }
                if (match == MATCH_LOCAL && p.ids().size() == 1) {
                    match |= MATCH_DEFAULT;
                }
            }
            boolean acceptable = match == MATCH_DEFAULT || match == MATCH_ANY || match == (MATCH_LOCAL | MATCH_DEFAULT)
                    || match == (MATCH_LOCAL | MATCH_ANY) || match == (MATCH_REMOTE | MATCH_ANY)
                    || match == (MATCH_LOCAL | MATCH_REMOTE);
            if (acceptable && match > bestMatch) {
                best = p;
                bestMatch = match;
            }
        }
        return best;
    }

    /** How secrets.c compares IDs: "@fqdn" and "fqdn" alike and case-blind, addresses by value. */
    static String normalise(String id) {
        String t = id.trim();
        if (t.equals("%any") || t.equals("%any6") || t.equals("0.0.0.0") || t.equals("::")) {
            return ANY;
        }
        if (t.startsWith("@") && !t.startsWith("@#") && !t.startsWith("@~") && !t.startsWith("@[")) {
            t = t.substring(1);
        }
        if (t.matches("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
            try {
                return java.net.InetAddress.getByName(t).getHostAddress();
            } catch (java.net.UnknownHostException e) {
                return t;
            }
        }
        if (t.contains("=")) {
            return t.replaceAll("\\s*([=,])\\s*", "$1");
        }
        return t.toLowerCase(Locale.ROOT);
    }

    private void read(Path file, int depth) throws ConfigException {
        if (files.size() >= IpsecConfParser.MAX_FILES) {
            throw new ConfigException(file.toString(), 0, "more than " + IpsecConfParser.MAX_FILES + " files");
        }
        files.add(file.toString());
        List<String> lines = IpsecConfParser.readLines(file);
        SecretsTokenizer tokens = new SecretsTokenizer(file.toString(), lines);
        List<SecretsTokenizer.Token> record;
        while ((record = tokens.nextRecord()) != null) {
            record(file, record, depth);
        }
    }

    private void record(Path file, List<SecretsTokenizer.Token> record, int depth) throws ConfigException {
        String name = file.toString();
        SecretsTokenizer.Token first = record.get(0);
        Origin origin = Origin.at(name, first.line());
        if (!first.quoted() && first.text().equals("include")) {
            if (record.size() != 2) {
                throw new ConfigException(name, first.line(), "expected 'include FILE'");
            }
            include(file, record.get(1).text(), depth, origin);
            return;
        }
        int colon = -1;
        for (int i = 0; i < record.size(); i++) {
            if (!record.get(i).quoted() && record.get(i).text().equals(":")) {
                colon = i;
                break;
            }
        }
        if (colon < 0 || colon + 1 >= record.size()) {
            throw new ConfigException(name, first.line(), "expected 'ID ... : PSK \"secret\"' (no ':' and kind)");
        }
        List<String> ids = new ArrayList<>();
        for (SecretsTokenizer.Token t : record.subList(0, colon)) {
            ids.add(normalise(t.text()));
        }
        String kind = record.get(colon + 1).text().toUpperCase(Locale.ROOT);
        List<SecretsTokenizer.Token> value = record.subList(colon + 2, record.size());
        switch (kind) {
            case "PSK" -> {
                if (value.size() != 1) {
                    throw new ConfigException(name, first.line(), "expected one secret after PSK");
                }
                byte[] secret = secret(value.get(0), name);
                psks.add(new Psk(List.copyOf(ids), PskDigest.of(secret), origin));
                Arrays.fill(secret, (byte) 0);
            }
            case "RSA", "ECDSA", "XAUTH", "PPKS" -> warnings.add(new ConfigWarning(origin, kind
                    + " entry not read (no key or password is taken from ipsec.secrets)"));
            default -> warnings.add(new ConfigWarning(origin, "unknown secret kind '" + record.get(colon + 1).text()
                    + "' ignored, as pluto does"));
        }
    }

    private static byte[] secret(SecretsTokenizer.Token t, String file) throws ConfigException {
        if (t.quoted()) {
            return t.text().getBytes(StandardCharsets.UTF_8);
        }
        String s = t.text();
        String prefix = s.length() >= 2 ? s.substring(0, 2).toLowerCase(Locale.ROOT) : "";
        try {
            // ttodata(3): 0x hex, 0s base64, 0t text; underscores may separate hex digits
            return switch (prefix) {
                case "0x" -> HexFormat.of().parseHex(s.substring(2).replace("_", ""));
                case "0s" -> Base64.getDecoder().decode(s.substring(2));
                case "0t" -> s.substring(2).getBytes(StandardCharsets.UTF_8);
                default -> throw new IllegalArgumentException("prefix");
            };
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file, t.line(), "PSK data malformed: expected a quoted string or 0x (hex), "
                    + "0s (base64), 0t (text) data");
        }
    }

    private void include(Path from, String pattern, int depth, Origin origin) throws ConfigException {
        Path target = IpsecConfParser.includeTarget(from, pattern, depth, origin);
        Path dir = target.getParent() == null ? Path.of(".") : target.getParent();
        String last = target.getFileName() == null ? "" : target.getFileName().toString();
        List<Path> matches = new ArrayList<>();
        if (last.indexOf('*') < 0 && last.indexOf('?') < 0 && last.indexOf('[') < 0) {
            if (Files.isRegularFile(target)) {
                matches.add(target);
            } else {
                warnings.add(new ConfigWarning(origin, "include " + pattern + ": no such file"));
            }
        } else if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, last)) {
                for (Path p : stream) {
                    if (Files.isRegularFile(p) && matches.size() <= IpsecConfParser.MAX_FILES) {
                        matches.add(p);
                    }
                }
            } catch (IOException e) {
                throw new ConfigException(origin.file(), origin.line(), "cannot list " + dir + ": " + e.getMessage());
            }
            matches.sort(null);
        }
        for (Path p : matches) {
            read(p, depth + 1);
        }
    }
}
