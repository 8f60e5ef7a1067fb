package io.ikescope.crypto.keys;

import io.ikescope.crypto.Ikev1Keys;
import io.ikescope.crypto.Ikev2Keys;
import io.ikescope.wire.Bytes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads Wireshark's {@code ikev1_decryption_table} ({@code initiatorCookie,encryptionKey}) and
 * {@code ikev2_decryption_table} ({@code SPIi,SPIr,SK_ei,SK_er,"encryption",SK_ai,SK_ar,"integrity"}),
 * the UAT files Wireshark keeps in its profile directory and strongSwan's save-keys plugin writes.
 *
 * <p>Checks what Wireshark checks when it loads a row (8-byte cookies/SPIs, key lengths that fit the named
 * algorithms, an AEAD cipher paired with "NONE") so that a row read here also loads in Wireshark, and says
 * which line and which column is wrong otherwise. Lenient where Wireshark is strict but the meaning is plain:
 * blanks around fields, upper-case hex, algorithm names in another case, and hex in quotes (Wireshark reads a
 * quoted hex column as the characters themselves; tables written by ikescope never quote hex).
 */
final class WiresharkTableReader {
    static final int IKEV1_FIELDS = 2;
    static final int IKEV2_FIELDS = 8;
    /** Wireshark's limit for an IKEv1 key (MAX_KEY_SIZE in packet-isakmp.c). */
    private static final int MAX_IKEV1_KEY = 256;
    private static final String IKEV1_LAYOUT = "initiator cookie,encryption key";
    private static final String IKEV2_LAYOUT =
            "SPIi,SPIr,SK_ei,SK_er,\"encryption algorithm\",SK_ai,SK_ar,\"integrity algorithm\"";

    private WiresharkTableReader() {
    }

    static List<Ikev1Keys> readIkev1(TextLines lines) throws IOException {
        List<Ikev1Keys> keys = new ArrayList<>();
        String line;
        while ((line = lines.next()) != null) {
            if (UatLine.ignorable(line)) {
                continue;
            }
            Row row = row(lines, line, IKEV1_FIELDS, "ikev1_decryption_table", IKEV1_LAYOUT);
            Bytes cookie = row.hex(0, "initiator cookie", 8);
            Bytes key = row.hex(1, "encryption key", -1);
            if (key.isEmpty() || key.length() > MAX_IKEV1_KEY) {
                throw row.error("encryption key of " + key.length() + " bytes; Wireshark takes 1 to "
                        + MAX_IKEV1_KEY);
            }
            keys.add(new Ikev1Keys(cookie, null, key, row.origin()));
        }
        return keys;
    }

    static List<Ikev2Keys> readIkev2(TextLines lines) throws IOException {
        List<Ikev2Keys> keys = new ArrayList<>();
        String line;
        while ((line = lines.next()) != null) {
            if (UatLine.ignorable(line)) {
                continue;
            }
            Row row = row(lines, line, IKEV2_FIELDS, "ikev2_decryption_table", IKEV2_LAYOUT);
            Bytes spiI = row.hex(0, "SPIi", 8);
            Bytes spiR = row.hex(1, "SPIr", 8);
            WiresharkEncryption encryption = WiresharkEncryption.byName(row.text(4));
            if (encryption == null) {
                throw row.error("unknown encryption algorithm \"" + row.text(4) + "\" (field 5); the names are "
                        + names(WiresharkEncryption.values()));
            }
            WiresharkIntegrity integrity = WiresharkIntegrity.byName(row.text(7));
            if (integrity == null) {
                throw row.error("unknown integrity algorithm \"" + row.text(7) + "\" (field 8); the names are "
                        + names(WiresharkIntegrity.values()));
            }
            if (encryption.aead() && integrity != WiresharkIntegrity.NONE) {
                throw row.error(encryption.wiresharkName() + " is an AEAD cipher: its integrity algorithm must be "
                        + WiresharkIntegrity.NONE.wiresharkName() + ", not " + integrity.wiresharkName());
            }
            Bytes skEi = row.hex(2, "SK_ei", -1);
            Bytes skEr = row.hex(3, "SK_er", -1);
            Bytes skAi = row.hex(5, "SK_ai", -1);
            Bytes skAr = row.hex(6, "SK_ar", -1);
            row.requireLength("SK_ei", skEi, encryption.keyBytes(), encryption.wiresharkName());
            row.requireLength("SK_er", skEr, encryption.keyBytes(), encryption.wiresharkName());
            row.requireLength("SK_ai", skAi, integrity.keyBytes(), integrity.wiresharkName());
            row.requireLength("SK_ar", skAr, integrity.keyBytes(), integrity.wiresharkName());
            keys.add(new Ikev2Keys(spiI, spiR, skEi, skEr, skAi, skAr, encryption.spec(), integrity.spec(),
                    row.origin()));
        }
        return keys;
    }

    private static Row row(TextLines lines, String line, int expected, String table, String layout)
            throws KeySourceException {
        List<UatLine.Field> fields;
        try {
            fields = UatLine.split(line);
        } catch (UatLine.SyntaxError e) {
            throw new KeySourceException(lines.source(), lines.lineNumber(), e.getMessage());
        }
        if (fields.size() != expected) {
            throw new KeySourceException(lines.source(), lines.lineNumber(), fields.size() + " field"
                    + (fields.size() == 1 ? "" : "s") + " where an " + table + " line has " + expected + ": "
                    + layout);
        }
        return new Row(lines.source(), lines.lineNumber(), fields);
    }

    private static String names(Enum<?>[] values) {
        StringBuilder s = new StringBuilder();
        for (Enum<?> v : values) {
            String name = v instanceof WiresharkEncryption e ? e.wiresharkName() : ((WiresharkIntegrity) v).wiresharkName();
            s.append(s.length() == 0 ? "\"" : ", \"").append(name).append('"');
        }
        return s.toString();
    }

    /** One parsed line, with the helpers that name it in errors. */
    private record Row(String source, int line, List<UatLine.Field> fields) {
        String text(int index) {
            return fields.get(index).text();
        }

        String origin() {
            return source + ":" + line;
        }

        KeySourceException error(String problem) {
            return new KeySourceException(source, line, problem);
        }

        /** The field's bytes; {@code length} the required length, or -1 for any. */
        Bytes hex(int index, String name, int length) throws KeySourceException {
            String text = text(index).strip();
            if (text.length() % 2 != 0 || !isHex(text)) {
                throw error(name + " (field " + (index + 1) + ") is not hex: \"" + abbreviated(text) + "\"");
            }
            Bytes bytes = Bytes.of(HexFormat.of().parseHex(text));
            if (length >= 0 && bytes.length() != length) {
                throw error(name + " (field " + (index + 1) + ") has " + bytes.length() + " bytes; it must have "
                        + length + " (" + 2 * length + " hex digits)");
            }
            return bytes;
        }

        void requireLength(String name, Bytes key, int length, String algorithm) throws KeySourceException {
            if (key.length() != length) {
                throw error(name + " has " + key.length() + " bytes; " + algorithm + " takes " + length
                        + (length == 0 ? " (leave the column empty)" : ""));
            }
        }

        private static boolean isHex(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                    return false;
                }
            }
            return true;
        }

        private static String abbreviated(String s) {
            return s.length() <= 24 ? s : s.substring(0, 24) + "...";
        }
    }
}
