package io.ikescope.session;

import io.ikescope.wire.registry.Ikev1Registry;
import io.ikescope.wire.registry.Ikev2Registry;
import io.ikescope.wire.registry.Registry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Readable algorithm names derived from the IANA registries by one rule:
 *
 * <ol>
 *   <li>take the registry name, drop the transform-type prefix ({@code ENCR_}, {@code AUTH_}) and write underscores
 *       as hyphens: {@code AUTH_HMAC_SHA2_256_128} is {@code HMAC-SHA2-256-128}, {@code PRF_HMAC_SHA2_256} is
 *       {@code PRF-HMAC-SHA2-256};</li>
 *   <li>a cipher's key length (the Key Length attribute) goes before the ICV-length number of AEAD ciphers, else at
 *       the end: {@code ENCR_AES_GCM_16} with 256 bits is {@code AES-GCM-256-16}, {@code AES-CBC} is
 *       {@code AES-CBC-256};</li>
 *   <li>IKEv1 spells SHA-1 as "SHA": it is written {@code SHA1};</li>
 *   <li>IKEv1 ESP transform IDs 1-20 are the IKEv2 encryption IDs (RFC 7296 copied them), so they are named from the
 *       IKEv2 table, which spells the mode ({@code ENCR_AES_CBC} where tshark's ESP table says "AES"); and an IKEv1
 *       IPsec HMAC gets its truncated length as IKEv2 names it: 96 bits for MD5 and SHA-1 (RFC 2403/2404), half
 *       the digest for SHA-2 (RFC 4868).</li>
 * </ol>
 * Values the registries do not name become the type and number ("ENCR-1025").
 */
public final class AlgorithmNames {
    private AlgorithmNames() {
    }

    /** IKEv2 ENCR IDs up to this one equal the IPsec ESP transform IDs (RFC 7296 section 3.3.2). */
    private static final int LAST_SHARED_ESP_ENCR_ID = 20;
    private static final Pattern SHA2_BITS = Pattern.compile("SHA2-(\\d+)$");
    private static final Pattern ECP_BITS = Pattern.compile("(\\d+)-bit random ECP", Pattern.CASE_INSENSITIVE);
    private static final Pattern MODP_BITS = Pattern.compile("(\\d+)[- ]bit MODP", Pattern.CASE_INSENSITIVE);

    public static String ikev2Encryption(int id, Integer keyBits) {
        String name = Ikev2Registry.ENCR.name(id);
        if (name == null) {
            return "ENCR-" + id;
        }
        return withKeyLength(readable(name, "ENCR_"), keyBits);
    }

    /** Null for NONE (AEAD ciphers need no integrity transform). */
    public static String ikev2Integrity(int id) {
        String name = Ikev2Registry.INTEG.name(id);
        if (id == 0) {
            return null;
        }
        return name == null ? "INTEG-" + id : readable(name, "AUTH_");
    }

    public static String ikev2Prf(int id) {
        String name = Ikev2Registry.PRF.name(id);
        return name == null ? "PRF-" + id : readable(name, "");
    }

    public static String ikev1Encryption(int id, Integer keyBits) {
        String name = Ikev1Registry.IKE_ENCRYPTION_ALGORITHM.name(id);
        return name == null ? "ENCR-" + id : withKeyLength(name, keyBits);
    }

    public static String ikev1Hash(int id) {
        String name = Ikev1Registry.IKE_HASH_ALGORITHM.name(id);
        return name == null ? "HASH-" + id : sha1(name);
    }

    public static String ikev1EspEncryption(int id, Integer keyBits) {
        if (id <= LAST_SHARED_ESP_ENCR_ID && Ikev2Registry.ENCR.name(id) != null) {
            return ikev2Encryption(id, keyBits);
        }
        String name = Ikev1Registry.ESP_TRANSFORM_ID.name(id);
        return name == null ? "ENCR-" + id : withKeyLength(name.replace('_', '-'), keyBits);
    }

    /** IKEv1 Phase 2 Authentication-Algorithm attribute value. */
    public static String ikev1Phase2Integrity(int id) {
        String name = Ikev1Registry.IPSEC_AUTH_ALGORITHM.name(id);
        if (name == null) {
            return "INTEG-" + id;
        }
        name = sha1(name);
        if (!name.startsWith("HMAC-")) {
            return name;
        }
        Matcher sha2 = SHA2_BITS.matcher(name);
        if (sha2.find()) {
            return name + "-" + Integer.parseInt(sha2.group(1)) / 2;
        }
        if (name.equals("HMAC-MD5") || name.equals("HMAC-SHA1")) {
            return name + "-96";
        }
        return name;
    }

    /** IKEv1 AH transform ID (the AH_* table) when no Authentication-Algorithm attribute names it. */
    public static String ikev1AhTransform(int id) {
        String name = Ikev1Registry.AH_TRANSFORM_ID.name(id);
        return name == null ? "AH-" + id : sha1(name);
    }

    /** The MODP size in bits named by a group's registry name ("2048-bit MODP Group"), or -1 for other groups. */
    public static int modpBits(int ikeVersion, int group) {
        Registry r = ikeVersion == 1 ? Ikev1Registry.IKE_GROUP_DESCRIPTION : Ikev2Registry.KE_METHOD;
        String name = r.name(group);
        if (name == null) {
            return -1;
        }
        Matcher m = MODP_BITS.matcher(name);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** A short readable name of a DH group for text: "modp2048", "ecp256", "curve25519", else the registry name. */
    public static String groupName(int ikeVersion, int group) {
        int modp = modpBits(ikeVersion, group);
        String name = (ikeVersion == 1 ? Ikev1Registry.IKE_GROUP_DESCRIPTION : Ikev2Registry.KE_METHOD).name(group);
        if (name == null) {
            return "group " + group;
        }
        if (modp > 0 && !name.toLowerCase().contains("subgroup")) {
            return "modp" + modp;
        }
        Matcher ecp = ECP_BITS.matcher(name);
        if (ecp.find()) {
            return "ecp" + ecp.group(1);
        }
        return name;
    }

    /** Token-wise test for a weak primitive in a readable name: DES and 3DES, MD5, SHA1, NULL encryption. */
    public static boolean mentions(String readableName, String token) {
        if (readableName == null) {
            return false;
        }
        // compared token by token in place: this runs for every algorithm of every message
        int start = 0;
        int length = readableName.length();
        while (start <= length) {
            int end = readableName.indexOf('-', start);
            if (end < 0) {
                end = length;
            }
            if (end - start == token.length() && readableName.regionMatches(true, start, token, 0, token.length())) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    static String readable(String registryName, String prefix) {
        String s = registryName.startsWith(prefix) ? registryName.substring(prefix.length()) : registryName;
        return s.replace('_', '-');
    }

    /** "SHA" alone (IKEv1's spelling of SHA-1) becomes SHA1, also inside "HMAC-SHA". */
    private static String sha1(String name) {
        List<String> tokens = new ArrayList<>(Arrays.asList(name.split("-")));
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).equals("SHA")) {
                tokens.set(i, "SHA1");
            }
        }
        return String.join("-", tokens);
    }

    static String withKeyLength(String hyphenated, Integer keyBits) {
        if (keyBits == null) {
            return hyphenated;
        }
        List<String> tokens = new ArrayList<>(Arrays.asList(hyphenated.split("-")));
        for (int i = 0; i < tokens.size(); i++) {
            if (!tokens.get(i).isEmpty() && tokens.get(i).chars().allMatch(Character::isDigit)) {
                tokens.add(i, Integer.toString(keyBits));
                return String.join("-", tokens);
            }
        }
        tokens.add(Integer.toString(keyBits));
        return String.join("-", tokens);
    }
}
