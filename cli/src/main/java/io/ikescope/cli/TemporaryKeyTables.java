package io.ikescope.cli;

import io.ikescope.crypto.EncryptionSpec;
import io.ikescope.crypto.Ikev1Keys;
import io.ikescope.crypto.Ikev2Keys;
import io.ikescope.crypto.IntegritySpec;
import io.ikescope.crypto.KeyRing;
import io.ikescope.wire.Bytes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TEMPORARY (decrypt branch only, to be replaced by the key-source parser at merge): reads Wireshark's
 * ikev1_decryption_table / ikev2_decryption_table files, or a directory holding them, into a {@link KeyRing}, so
 * that {@code dissect -k} can be tried before the real key sources land.
 */
final class TemporaryKeyTables {
    private static final Pattern FIELD = Pattern.compile("\"([^\"]*)\"|([^,]*)");
    private static final Pattern AES = Pattern.compile("AES-(CBC|CTR)-(\\d+) .*");
    private static final Pattern AEAD = Pattern.compile("AES-(GCM|CCM)-(\\d+) with (8|12|16) octet ICV.*");
    private static final Pattern HMAC = Pattern.compile("HMAC_(MD5_96|SHA1_96|MD5_128|SHA1_160|SHA2_256_128|SHA2_384_192|SHA2_512_256) .*");
    private static final Pattern ANY = Pattern.compile("ANY (\\d+)-bits of Authentication \\[No Checking\\]");

    private TemporaryKeyTables() {
    }

    static KeyRing read(List<Path> paths) throws IOException {
        List<Ikev1Keys> v1 = new ArrayList<>();
        List<Ikev2Keys> v2 = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                for (String name : new String[] {"ikev1_decryption_table", "ikev2_decryption_table"}) {
                    if (Files.isRegularFile(path.resolve(name))) {
                        readFile(path.resolve(name), v1, v2);
                    }
                }
            } else {
                readFile(path, v1, v2);
            }
        }
        return new KeyRing(v1, v2);
    }

    private static void readFile(Path file, List<Ikev1Keys> v1, List<Ikev2Keys> v2) throws IOException {
        int n = 0;
        for (String line : Files.readAllLines(file)) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String origin = file + " line " + n;
            List<String> f = fields(line);
            try {
                if (f.size() == 2) {
                    v1.add(new Ikev1Keys(Bytes.fromHex(f.get(0)), null, Bytes.fromHex(f.get(1)), origin));
                } else if (f.size() == 8) {
                    v2.add(new Ikev2Keys(hex(f.get(0)), hex(f.get(1)), hex(f.get(2)), hex(f.get(3)), hex(f.get(5)),
                            hex(f.get(6)), encryption(f.get(4)), integrity(f.get(7)), origin));
                } else {
                    throw new IllegalArgumentException(f.size() + " fields, a Wireshark IKEv1 row has 2 and an IKEv2 row 8");
                }
            } catch (IllegalArgumentException e) {
                throw new ErrorReporter.UserError(origin + ": not a Wireshark key table row: " + e.getMessage());
            }
        }
    }

    private static Bytes hex(String s) {
        return s.isEmpty() ? null : Bytes.fromHex(s);
    }

    private static EncryptionSpec encryption(String name) {
        Matcher m = AES.matcher(name);
        if (m.matches()) {
            return new EncryptionSpec(m.group(1).equals("CBC") ? 12 : 13, Integer.parseInt(m.group(2)));
        }
        m = AEAD.matcher(name);
        if (m.matches()) {
            int icv = Integer.parseInt(m.group(3));
            return new EncryptionSpec((m.group(1).equals("GCM") ? 18 : 14) + (icv - 8) / 4, Integer.parseInt(m.group(2)));
        }
        if (name.startsWith("3DES")) {
            return new EncryptionSpec(3, 0);
        }
        if (name.startsWith("NULL")) {
            return new EncryptionSpec(11, 0);
        }
        throw new IllegalArgumentException("unknown encryption algorithm " + name);
    }

    private static IntegritySpec integrity(String name) {
        if (name.startsWith("NONE")) {
            return new IntegritySpec(0, 0, true);
        }
        Matcher m = ANY.matcher(name);
        if (m.matches()) {
            return new IntegritySpec(0, Integer.parseInt(m.group(1)) / 8, false);
        }
        m = HMAC.matcher(name);
        if (m.matches()) {
            return switch (m.group(1)) {
                case "MD5_96" -> new IntegritySpec(1, 12, true);
                case "SHA1_96" -> new IntegritySpec(2, 12, true);
                case "MD5_128" -> new IntegritySpec(6, 16, true);
                case "SHA1_160" -> new IntegritySpec(7, 20, true);
                case "SHA2_256_128" -> new IntegritySpec(12, 16, true);
                case "SHA2_384_192" -> new IntegritySpec(13, 24, true);
                default -> new IntegritySpec(14, 32, true);
            };
        }
        throw new IllegalArgumentException("unknown integrity algorithm " + name);
    }

    private static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        Matcher m = FIELD.matcher(line);
        int pos = 0;
        while (pos <= line.length() && m.find(pos)) {
            out.add(m.group(1) != null ? m.group(1) : m.group(2).trim());
            pos = m.end() + 1;
        }
        return out;
    }
}
