package io.ikescope.crypto.keys;

import io.ikescope.crypto.Ikev2Keys;
import io.ikescope.wire.Bytes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads the IKEv2 lines of a tcpdump {@code -E file} secrets file, as Openswan's pluto prints them:
 * {@code ikev2 I|R 0xSPIi 0xSPIr INTEG:0xKEY ENCR:0xKEY}, where the I line holds the initiator's SK_ai and SK_ei
 * and the R line the responder's. The two lines of one SPI pair make one key set.
 *
 * <p>tcpdump itself only passes the cipher name to OpenSSL and ignores the integrity name; here both are
 * mapped to the IKEv2 transforms they mean (e.g. {@code sha256} to HMAC_SHA2_256_128, the only IKEv2 integrity
 * transform built on SHA-256; {@code aes128} to AES-CBC-128, OpenSSL's meaning of that name). ESP lines
 * ({@code SPI@address ...}) are not IKE keys: they are skipped with a warning.
 */
final class TcpdumpSecretsReader {

    private TcpdumpSecretsReader() {
    }

    /** True when the line is an IKE line of this format (what recognises the file). */
    static boolean isIkeLine(String line) {
        String s = line.strip().toLowerCase(Locale.ROOT);
        return s.startsWith("ikev2 i ") || s.startsWith("ikev2 r ") || s.startsWith("ikev2\ti") || s.startsWith("ikev2\tr");
    }

    private record Half(Bytes spiI, Bytes spiR, Bytes integrityKey, Bytes encryptionKey, WiresharkEncryption encryption,
                        WiresharkIntegrity integrity, int line) {
    }

    static List<Ikev2Keys> read(TextLines lines, Consumer<String> warnings) throws IOException {
        Map<String, Half> initiator = new LinkedHashMap<>();
        Map<String, Half> responder = new LinkedHashMap<>();
        int espLines = 0;
        int firstEspLine = 0;
        String line;
        while ((line = lines.next()) != null) {
            if (UatLine.ignorable(line)) {
                continue;
            }
            if (!isIkeLine(line)) {
                if (line.contains("@")) {
                    espLines++;
                    firstEspLine = firstEspLine == 0 ? lines.lineNumber() : firstEspLine;
                    continue;
                }
                throw new KeySourceException(lines.source(), lines.lineNumber(),
                        "neither an \"ikev2 I|R SPIi SPIr integ:0xKEY encr:0xKEY\" line nor an ESP line");
            }
            String[] f = line.strip().split("[ \t]+");
            if (f.length != 6) {
                throw new KeySourceException(lines.source(), lines.lineNumber(), f.length + " fields where an ikev2"
                        + " line has 6: ikev2 I|R 0xSPIi 0xSPIr INTEG:0xKEY ENCR:0xKEY");
            }
            Half half = half(lines, f);
            Map<String, Half> side = f[1].equalsIgnoreCase("I") ? initiator : responder;
            String pair = half.spiI().hex() + "_" + half.spiR().hex();
            if (side.putIfAbsent(pair, half) != null) {
                warnings.accept(lines.source() + ":" + lines.lineNumber() + ": a second \"ikev2 " + f[1]
                        + "\" line for SPIs " + pair + "; the first one (line " + side.get(pair).line() + ") is used");
            }
        }
        if (espLines > 0) {
            warnings.accept(lines.source() + ":" + firstEspLine + ": " + espLines + " ESP SA line"
                    + (espLines == 1 ? "" : "s") + " skipped (ESP keys are not IKE key material)");
        }
        List<Ikev2Keys> keys = new ArrayList<>();
        for (Map.Entry<String, Half> e : initiator.entrySet()) {
            Half i = e.getValue();
            Half r = responder.get(e.getKey());
            if (r == null) {
                warnings.accept(lines.source() + ":" + i.line() + ": SPIs " + e.getKey()
                        + " have an \"ikev2 I\" line but no \"ikev2 R\" line; skipped");
                continue;
            }
            if (r.encryption() != i.encryption() || r.integrity() != i.integrity()) {
                throw new KeySourceException(lines.source(), r.line(), "the \"ikev2 R\" line names other algorithms"
                        + " than the \"ikev2 I\" line of line " + i.line());
            }
            keys.add(new Ikev2Keys(i.spiI(), i.spiR(), i.encryptionKey(), r.encryptionKey(), i.integrityKey(),
                    r.integrityKey(), i.encryption().spec(), i.integrity().spec(), lines.source() + ":" + i.line()));
        }
        for (Map.Entry<String, Half> e : responder.entrySet()) {
            if (!initiator.containsKey(e.getKey())) {
                warnings.accept(lines.source() + ":" + e.getValue().line() + ": SPIs " + e.getKey()
                        + " have an \"ikev2 R\" line but no \"ikev2 I\" line; skipped");
            }
        }
        return keys;
    }

    private static Half half(TextLines lines, String[] f) throws KeySourceException {
        if (!f[1].equalsIgnoreCase("I") && !f[1].equalsIgnoreCase("R")) {
            throw error(lines, "second field \"" + f[1] + "\" is neither I nor R");
        }
        Bytes spiI = hex(lines, f[2], "SPIi", 8);
        Bytes spiR = hex(lines, f[3], "SPIr", 8);
        String[] integ = algorithmAndKey(lines, f[4], "integrity");
        String[] encr = algorithmAndKey(lines, f[5], "encryption");
        Bytes integrityKey = hex(lines, integ[1], "integrity key", -1);
        Bytes encryptionKey = hex(lines, encr[1], "encryption key", -1);
        WiresharkIntegrity integrity = integrity(integ[0]);
        if (integrity == null) {
            throw error(lines, "unknown integrity algorithm \"" + integ[0] + "\"; known: md5, sha1, sha256, sha384,"
                    + " sha512, none");
        }
        WiresharkEncryption encryption = encryption(encr[0]);
        if (encryption == null) {
            throw error(lines, "unknown encryption algorithm \"" + encr[0] + "\"; known: aes128, aes192, aes256"
                    + " (CBC), 3des, null");
        }
        if (integrityKey.length() != integrity.keyBytes()) {
            throw error(lines, "integrity key of " + integrityKey.length() + " bytes; " + integ[0] + " takes "
                    + integrity.keyBytes());
        }
        if (encryptionKey.length() != encryption.keyBytes()) {
            throw error(lines, "encryption key of " + encryptionKey.length() + " bytes; " + encr[0] + " takes "
                    + encryption.keyBytes());
        }
        return new Half(spiI, spiR, integrityKey, encryptionKey, encryption, integrity, lines.lineNumber());
    }

    private static WiresharkIntegrity integrity(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "md5", "hmac-md5" -> WiresharkIntegrity.HMAC_MD5_96;
            case "sha1", "hmac-sha1" -> WiresharkIntegrity.HMAC_SHA1_96;
            case "sha256", "sha2_256", "hmac-sha256" -> WiresharkIntegrity.HMAC_SHA2_256_128;
            case "sha384", "sha2_384", "hmac-sha384" -> WiresharkIntegrity.HMAC_SHA2_384_192;
            case "sha512", "sha2_512", "hmac-sha512" -> WiresharkIntegrity.HMAC_SHA2_512_256;
            case "none", "null" -> WiresharkIntegrity.NONE;
            default -> null;
        };
    }

    private static WiresharkEncryption encryption(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "aes128", "aes-128-cbc", "aes128-cbc" -> WiresharkEncryption.AES_CBC_128;
            case "aes192", "aes-192-cbc", "aes192-cbc" -> WiresharkEncryption.AES_CBC_192;
            case "aes256", "aes-256-cbc", "aes256-cbc" -> WiresharkEncryption.AES_CBC_256;
            case "3des", "3des192", "des3", "des-ede3-cbc", "3des-cbc" -> WiresharkEncryption.TRIPLE_DES;
            case "null" -> WiresharkEncryption.NULL;
            default -> null;
        };
    }

    private static String[] algorithmAndKey(TextLines lines, String field, String what) throws KeySourceException {
        int colon = field.indexOf(':');
        if (colon < 0) {
            throw error(lines, "the " + what + " field \"" + field + "\" is not ALGORITHM:0xKEY");
        }
        String key = field.substring(colon + 1);
        if (!key.isEmpty() && !key.regionMatches(true, 0, "0x", 0, 2)) {
            throw error(lines, "the " + what + " key is not 0x-prefixed hex (tcpdump's text secrets are not"
                    + " supported)");
        }
        return new String[] {field.substring(0, colon), key.isEmpty() ? "" : key.substring(2)};
    }

    private static Bytes hex(TextLines lines, String text, String name, int length) throws KeySourceException {
        String digits = text.regionMatches(true, 0, "0x", 0, 2) ? text.substring(2) : text;
        if (digits.length() % 2 != 0 || !digits.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f'
                || c >= 'A' && c <= 'F')) {
            throw error(lines, name + " is not hex: \"" + (digits.length() > 24 ? digits.substring(0, 24) + "..."
                    : digits) + "\"");
        }
        Bytes bytes = Bytes.of(HexFormat.of().parseHex(digits));
        if (length >= 0 && bytes.length() != length) {
            throw error(lines, name + " has " + bytes.length() + " bytes; it must have " + length);
        }
        return bytes;
    }

    private static KeySourceException error(TextLines lines, String problem) {
        return new KeySourceException(lines.source(), lines.lineNumber(), problem);
    }
}
