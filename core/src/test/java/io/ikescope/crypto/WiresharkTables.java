package io.ikescope.crypto;

import io.ikescope.wire.Bytes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test-only reader of Wireshark's ikev1_decryption_table / ikev2_decryption_table files into the shared key
 * model, just enough for the corpus tables (the product's key sources are written elsewhere).
 */
final class WiresharkTables {
    private static final Pattern FIELD = Pattern.compile("\"([^\"]*)\"|([^,]*)");
    private static final Pattern AES = Pattern.compile("AES-(CBC|CTR)-(\\d+) .*");
    private static final Pattern AEAD = Pattern.compile("AES-(GCM|CCM)-(\\d+) with (\\d+) octet ICV.*");
    private static final Pattern HMAC = Pattern.compile("HMAC_(MD5|SHA1|SHA2_256|SHA2_384|SHA2_512)_(\\d+) .*");
    private static final Pattern ANY = Pattern.compile("ANY (\\d+)-bits of Authentication \\[No Checking\\]");

    private WiresharkTables() {
    }

    static KeyRing read(Path ikev1Table, Path ikev2Table) throws IOException {
        List<Ikev1Keys> v1 = ikev1Table == null ? List.of() : ikev1(ikev1Table);
        List<Ikev2Keys> v2 = ikev2Table == null ? List.of() : ikev2(ikev2Table);
        return new KeyRing(v1, v2);
    }

    static List<Ikev1Keys> ikev1(Path table) throws IOException {
        List<Ikev1Keys> keys = new ArrayList<>();
        int n = 0;
        for (String line : Files.readAllLines(table)) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> f = fields(line);
            keys.add(new Ikev1Keys(Bytes.fromHex(f.get(0)), null, Bytes.fromHex(f.get(1)),
                    table.getFileName() + " line " + n));
        }
        return keys;
    }

    static List<Ikev2Keys> ikev2(Path table) throws IOException {
        List<Ikev2Keys> keys = new ArrayList<>();
        int n = 0;
        for (String line : Files.readAllLines(table)) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            keys.add(ikev2Row(line, table.getFileName() + " line " + n));
        }
        return keys;
    }

    static Ikev2Keys ikev2Row(String line, String origin) {
        List<String> f = fields(line);
        return new Ikev2Keys(hex(f.get(0)), hex(f.get(1)), hex(f.get(2)), hex(f.get(3)), hex(f.get(5)),
                hex(f.get(6)), encryption(f.get(4)), integrity(f.get(7)), origin);
    }

    private static Bytes hex(String s) {
        return s.isEmpty() ? Bytes.EMPTY : Bytes.fromHex(s);
    }

    static EncryptionSpec encryption(String name) {
        Matcher m = AES.matcher(name);
        if (m.matches()) {
            return new EncryptionSpec(m.group(1).equals("CBC") ? 12 : 13, Integer.parseInt(m.group(2)));
        }
        m = AEAD.matcher(name);
        if (m.matches()) {
            int icv = Integer.parseInt(m.group(3));
            int base = m.group(1).equals("GCM") ? 18 : 14;
            return new EncryptionSpec(base + (icv == 8 ? 0 : icv == 12 ? 1 : 2), Integer.parseInt(m.group(2)));
        }
        if (name.startsWith("3DES")) {
            return new EncryptionSpec(3, 0);
        }
        if (name.startsWith("NULL")) {
            return new EncryptionSpec(11, 0);
        }
        throw new IllegalArgumentException("encryption algorithm not known to the test reader: " + name);
    }

    static IntegritySpec integrity(String name) {
        if (name.startsWith("NONE")) {
            return new IntegritySpec(0, 0, true);
        }
        Matcher m = ANY.matcher(name);
        if (m.matches()) {
            return new IntegritySpec(0, Integer.parseInt(m.group(1)) / 8, false);
        }
        m = HMAC.matcher(name);
        if (m.matches()) {
            int bits = Integer.parseInt(m.group(2));
            int id = switch (m.group(1) + "_" + bits) {
                case "MD5_96" -> 1;
                case "SHA1_96" -> 2;
                case "MD5_128" -> 6;
                case "SHA1_160" -> 7;
                case "SHA2_256_128" -> 12;
                case "SHA2_384_192" -> 13;
                case "SHA2_512_256" -> 14;
                default -> throw new IllegalArgumentException("integrity not known to the test reader: " + name);
            };
            return new IntegritySpec(id, bits / 8, true);
        }
        throw new IllegalArgumentException("integrity algorithm not known to the test reader: " + name);
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
