package io.ikescope.config.libreswan;

import io.ikescope.session.AlgorithmNames;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * libreswan's algorithm keywords (the {@code .names} of lib/libswan/ike_alg_*.c in libreswan 4.10) and the IANA
 * IKEv2 numbers they stand for. Names are made by {@link AlgorithmNames} so that a configured proposal compares equal
 * to a captured one. Data tables: one row per documented keyword.
 */
final class LibreswanAlgorithms {

    /**
     * An encryption algorithm.
     *
     * @param keyLengths   the key lengths it takes, smallest (libreswan's default, {@code keydeflen}) first; empty when
     *                     the key length attribute is omitted (3DES, ChaCha20-Poly1305, NULL)
     * @param aead         needs no integrity algorithm
     * @param ikeToo       may be used for the IKE SA (libreswan marks the ESP-only ones, NULL and GMAC)
     */
    record Encryption(String keyword, int ikev2Id, List<Integer> keyLengths, boolean aead, boolean ikeToo) {

        String name(Integer keyBits) {
            return AlgorithmNames.ikev2Encryption(ikev2Id, keyLengths.isEmpty() ? null : keyBits);
        }

        /**
         * The name an IKEv1 capture gives the IKE SA's cipher (the IKEv1 registry spells some differently:
         * "3DES-CBC"), so that a configured IKEv1 proposal compares equal to a captured one.
         */
        String ikev1IkeName(Integer keyBits) {
            Integer v1 = IKEV1_IKE_ENCRYPTION.get(ikev2Id);
            return v1 == null ? name(keyBits) : AlgorithmNames.ikev1Encryption(v1, keyLengths.isEmpty() ? null
                    : keyBits);
        }

        boolean takesKeyLength(int bits) {
            return keyLengths.contains(bits);
        }

        int defaultKeyLength() {
            return keyLengths.get(0);
        }

        int maxKeyLength() {
            return keyLengths.get(keyLengths.size() - 1);
        }
    }

    private static final List<Integer> AES_KEYS = List.of(128, 192, 256);
    private static final Map<String, Encryption> ENCRYPTION = new HashMap<>();
    /** PRF keyword -> IKEv2 PRF ID. */
    private static final Map<String, Integer> PRF = new HashMap<>();
    /** Integrity keyword -> IKEv2 INTEG ID; 0 is "none" (AEAD). */
    private static final Map<String, Integer> INTEGRITY = new HashMap<>();
    /** DH keyword -> IANA group; 0 is "none" (no PFS). */
    private static final Map<String, Integer> GROUPS = new HashMap<>();
    /** libreswan derives an IKE SA's integrity from its PRF (lib/libswan/v2_proposals.c merge_defaults). */
    private static final Map<Integer, Integer> INTEGRITY_OF_PRF = Map.of(1, 1, 2, 2, 4, 5, 5, 12, 6, 13, 7, 14);
    /** IKEv2 ENCR ID -> IKEv1 Oakley encryption ID (RFC 2409, RFC 3602, RFC 4312) for the IKEv1 IKE SA. */
    private static final Map<Integer, Integer> IKEV1_IKE_ENCRYPTION = Map.of(3, 5, 12, 7, 23, 8);
    /** IKEv2 INTEG ID -> IKEv1 IPsec Authentication Algorithm (RFC 2407, RFC 4868, RFC 3566) for Quick Mode. */
    private static final Map<Integer, Integer> IKEV1_AUTH = Map.of(1, 1, 2, 2, 12, 5, 13, 6, 14, 7, 5, 9);

    static {
        encryption(3, List.of(), false, true, "3des", "3des_cbc");
        encryption(12, AES_KEYS, false, true, "aes", "aes_cbc");
        encryption(13, AES_KEYS, false, true, "aesctr", "aes_ctr");
        encryption(18, AES_KEYS, true, true, "aes_gcm_8", "aes_gcm_a");
        encryption(19, AES_KEYS, true, true, "aes_gcm_12", "aes_gcm_b");
        encryption(20, AES_KEYS, true, true, "aes_gcm", "aes_gcm_16", "aes_gcm_c");
        encryption(14, AES_KEYS, true, true, "aes_ccm_8", "aes_ccm_a");
        encryption(15, AES_KEYS, true, true, "aes_ccm_12", "aes_ccm_b");
        encryption(16, AES_KEYS, true, true, "aes_ccm", "aes_ccm_16", "aes_ccm_c");
        encryption(21, AES_KEYS, true, false, "null_auth_aes_gmac", "aes_gmac");
        encryption(23, AES_KEYS, false, true, "camellia", "camellia_cbc");
        encryption(24, AES_KEYS, false, true, "camellia_ctr");
        encryption(28, List.of(), true, true, "chacha20_poly1305", "chacha20poly1305");
        encryption(11, List.of(), false, false, "null");

        table(PRF, 1, "md5");
        table(PRF, 2, "sha", "sha1");
        table(PRF, 5, "sha2", "sha256", "sha2_256");
        table(PRF, 6, "sha384", "sha2_384");
        table(PRF, 7, "sha512", "sha2_512");
        table(PRF, 4, "aes_xcbc", "aes128_xcbc");

        table(INTEGRITY, 1, "md5", "hmac_md5", "hmac_md5_96");
        table(INTEGRITY, 2, "sha", "sha1", "sha1_96", "hmac_sha1", "hmac_sha1_96");
        table(INTEGRITY, 12, "sha2", "sha256", "sha2_256", "sha2_256_128", "hmac_sha2_256", "hmac_sha2_256_128");
        table(INTEGRITY, 13, "sha384", "sha2_384", "sha2_384_192", "hmac_sha2_384", "hmac_sha2_384_192");
        table(INTEGRITY, 14, "sha512", "sha2_512", "sha2_512_256", "hmac_sha2_512", "hmac_sha2_512_256");
        table(INTEGRITY, 5, "aes_xcbc", "aes128_xcbc", "aes_xcbc_96", "aes128_xcbc_96");
        table(INTEGRITY, 8, "aes_cmac", "aes_cmac_96");
        table(INTEGRITY, 0, "none", "null");

        table(GROUPS, 2, "modp1024", "dh2");
        table(GROUPS, 5, "modp1536", "dh5");
        table(GROUPS, 14, "modp2048", "dh14");
        table(GROUPS, 15, "modp3072", "dh15");
        table(GROUPS, 16, "modp4096", "dh16");
        table(GROUPS, 17, "modp6144", "dh17");
        table(GROUPS, 18, "modp8192", "dh18");
        table(GROUPS, 19, "dh19", "ecp_256", "ecp256");
        table(GROUPS, 20, "dh20", "ecp_384", "ecp384");
        table(GROUPS, 21, "dh21", "ecp_521", "ecp521");
        table(GROUPS, 22, "dh22");
        table(GROUPS, 23, "dh23");
        table(GROUPS, 24, "dh24");
        table(GROUPS, 31, "dh31", "curve25519");
        table(GROUPS, 0, "none", "null", "dh0");
    }

    private LibreswanAlgorithms() {
    }

    private static void encryption(int id, List<Integer> keys, boolean aead, boolean ike, String... keywords) {
        for (String k : keywords) {
            ENCRYPTION.put(k, new Encryption(k, id, keys, aead, ike));
        }
    }

    private static void table(Map<String, Integer> table, int id, String... keywords) {
        for (String k : keywords) {
            table.put(k, id);
        }
    }

    static Encryption encryption(String keyword) {
        return ENCRYPTION.get(keyword.toLowerCase(Locale.ROOT));
    }

    static Integer prf(String keyword) {
        return PRF.get(keyword.toLowerCase(Locale.ROOT));
    }

    static Integer integrity(String keyword) {
        return INTEGRITY.get(keyword.toLowerCase(Locale.ROOT));
    }

    static Integer group(String keyword) {
        return GROUPS.get(keyword.toLowerCase(Locale.ROOT));
    }

    /** The integrity algorithm libreswan pairs with a PRF, or null (none derivable). */
    static Integer integrityOfPrf(int prfId) {
        return INTEGRITY_OF_PRF.get(prfId);
    }

    static String prfName(int id) {
        return AlgorithmNames.ikev2Prf(id);
    }

    static String integrityName(int id) {
        return AlgorithmNames.ikev2Integrity(id);
    }

    /** The name an IKEv1 Quick Mode capture gives an ESP/AH integrity algorithm ("AES-XCBC-MAC"). */
    static String ikev1IntegrityName(int id) {
        Integer v1 = IKEV1_AUTH.get(id);
        return v1 == null ? integrityName(id) : AlgorithmNames.ikev1Phase2Integrity(v1);
    }
}
