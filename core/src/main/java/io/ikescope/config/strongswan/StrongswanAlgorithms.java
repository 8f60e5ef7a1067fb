package io.ikescope.config.strongswan;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * strongSwan's proposal keywords (src/libstrongswan/crypto/proposal/proposal_keywords_static.txt, 5.9.8, plus the
 * key exchange keywords 6.0 added) as a data table: keyword, transform type, the algorithm's IANA number (or
 * strongSwan's private number, 1024 and up, for algorithms IANA does not list), the key length and the contract's
 * names, so that a configured algorithm compares equal to a captured one.
 */
final class StrongswanAlgorithms {

    enum Kind { ENCRYPTION, INTEGRITY, PRF, KEY_EXCHANGE, ESN }

    /**
     * One keyword's algorithm; {@code bits} 0 when the algorithm has one fixed key length. {@code name} is the
     * contract's name as IKEv2 and ESP/AH write it, the IKEv1 names what IKEv1 captures show.
     */
    record Algorithm(String keyword, Kind kind, int id, int bits, String name, String ikev1Phase1Name,
                     String ikev1Phase2Name) {

        /** AEAD ciphers (strongSwan's encryption_algorithm_is_aead: CCM, GCM, GMAC, ChaCha20-Poly1305). */
        boolean isAead() {
            return kind == Kind.ENCRYPTION && ((id >= 14 && id <= 16) || (id >= 18 && id <= 21)
                    || (id >= 25 && id <= 28));
        }
    }

    /**
     * IKEv1/IKEv2 PRF of the same hash, for IKE proposals that name an integrity algorithm and no PRF (proposal.c
     * integ_prf_map, 5.9.8): integrity number -> PRF number.
     */
    static final Map<Integer, Integer> PRF_OF_INTEGRITY = Map.of(
            2, 2, 7, 2, 12, 5, 13, 6, 14, 7, 1, 1, 6, 1, 5, 4, 1030, 1028, 8, 8);

    /**
     * keyword, kind (E I P K S), number, key bits, the contract's name (what io.ikescope.session.AlgorithmNames
     * derives from the IANA registry entry; strongSwan's own name for its private numbers), and where IKEv1 writes
     * it differently, the IKEv1 Phase 1 name (IKEv1's own encryption numbers, RFC 2409 appendix A, Camellia
     * RFC 4312) and the Quick Mode name (ESP transform 22 for Camellia, RFC 4312; the Authentication Algorithm
     * attribute for integrity, RFC 2407 4.5). The names are written out so that this package needs nothing above
     * the wire registries; StrongswanAlgorithmsTest checks each against AlgorithmNames.
     */
    private static final String TABLE = """
            null E 11 0 NULL
            des E 2 0 DES DES-CBC DES
            3des E 3 0 3DES 3DES-CBC 3DES
            aes E 12 128 AES-CBC-128
            aes128 E 12 128 AES-CBC-128
            aes192 E 12 192 AES-CBC-192
            aes256 E 12 256 AES-CBC-256
            aes128ctr E 13 128 AES-CTR-128
            aes192ctr E 13 192 AES-CTR-192
            aes256ctr E 13 256 AES-CTR-256
            aes128ccm8 E 14 128 AES-CCM-128-8
            aes128ccm64 E 14 128 AES-CCM-128-8
            aes128ccm12 E 15 128 AES-CCM-128-12
            aes128ccm96 E 15 128 AES-CCM-128-12
            aes128ccm16 E 16 128 AES-CCM-128-16
            aes128ccm128 E 16 128 AES-CCM-128-16
            aes128ccm E 16 128 AES-CCM-128-16
            aes192ccm8 E 14 192 AES-CCM-192-8
            aes192ccm64 E 14 192 AES-CCM-192-8
            aes192ccm12 E 15 192 AES-CCM-192-12
            aes192ccm96 E 15 192 AES-CCM-192-12
            aes192ccm16 E 16 192 AES-CCM-192-16
            aes192ccm128 E 16 192 AES-CCM-192-16
            aes192ccm E 16 192 AES-CCM-192-16
            aes256ccm8 E 14 256 AES-CCM-256-8
            aes256ccm64 E 14 256 AES-CCM-256-8
            aes256ccm12 E 15 256 AES-CCM-256-12
            aes256ccm96 E 15 256 AES-CCM-256-12
            aes256ccm16 E 16 256 AES-CCM-256-16
            aes256ccm128 E 16 256 AES-CCM-256-16
            aes256ccm E 16 256 AES-CCM-256-16
            aes128gcm8 E 18 128 AES-GCM-128-8
            aes128gcm64 E 18 128 AES-GCM-128-8
            aes128gcm12 E 19 128 AES-GCM-128-12
            aes128gcm96 E 19 128 AES-GCM-128-12
            aes128gcm16 E 20 128 AES-GCM-128-16
            aes128gcm128 E 20 128 AES-GCM-128-16
            aes128gcm E 20 128 AES-GCM-128-16
            aes192gcm8 E 18 192 AES-GCM-192-8
            aes192gcm64 E 18 192 AES-GCM-192-8
            aes192gcm12 E 19 192 AES-GCM-192-12
            aes192gcm96 E 19 192 AES-GCM-192-12
            aes192gcm16 E 20 192 AES-GCM-192-16
            aes192gcm128 E 20 192 AES-GCM-192-16
            aes192gcm E 20 192 AES-GCM-192-16
            aes256gcm8 E 18 256 AES-GCM-256-8
            aes256gcm64 E 18 256 AES-GCM-256-8
            aes256gcm12 E 19 256 AES-GCM-256-12
            aes256gcm96 E 19 256 AES-GCM-256-12
            aes256gcm16 E 20 256 AES-GCM-256-16
            aes256gcm128 E 20 256 AES-GCM-256-16
            aes256gcm E 20 256 AES-GCM-256-16
            aes128gmac E 21 128 NULL-AUTH-AES-GMAC-128
            aes192gmac E 21 192 NULL-AUTH-AES-GMAC-192
            aes256gmac E 21 256 NULL-AUTH-AES-GMAC-256
            chacha20poly1305 E 28 0 CHACHA20-POLY1305
            chacha20poly1305compat E 28 256 CHACHA20-POLY1305-256
            blowfish E 7 128 BLOWFISH-128 BLOWFISH-CBC-128 BLOWFISH-128
            blowfish128 E 7 128 BLOWFISH-128 BLOWFISH-CBC-128 BLOWFISH-128
            blowfish192 E 7 192 BLOWFISH-192 BLOWFISH-CBC-192 BLOWFISH-192
            blowfish256 E 7 256 BLOWFISH-256 BLOWFISH-CBC-256 BLOWFISH-256
            camellia E 23 128 CAMELLIA-CBC-128 CAMELLIA-CBC-128 CAMELLIA-128
            camellia128 E 23 128 CAMELLIA-CBC-128 CAMELLIA-CBC-128 CAMELLIA-128
            camellia192 E 23 192 CAMELLIA-CBC-192 CAMELLIA-CBC-192 CAMELLIA-192
            camellia256 E 23 256 CAMELLIA-CBC-256 CAMELLIA-CBC-256 CAMELLIA-256
            camellia128ctr E 24 128 CAMELLIA-CTR-128
            camellia192ctr E 24 192 CAMELLIA-CTR-192
            camellia256ctr E 24 256 CAMELLIA-CTR-256
            camellia128ccm8 E 25 128 CAMELLIA-CCM-128-8
            camellia128ccm64 E 25 128 CAMELLIA-CCM-128-8
            camellia128ccm12 E 26 128 CAMELLIA-CCM-128-12
            camellia128ccm96 E 26 128 CAMELLIA-CCM-128-12
            camellia128ccm16 E 27 128 CAMELLIA-CCM-128-16
            camellia128ccm128 E 27 128 CAMELLIA-CCM-128-16
            camellia192ccm8 E 25 192 CAMELLIA-CCM-192-8
            camellia192ccm64 E 25 192 CAMELLIA-CCM-192-8
            camellia192ccm12 E 26 192 CAMELLIA-CCM-192-12
            camellia192ccm96 E 26 192 CAMELLIA-CCM-192-12
            camellia192ccm16 E 27 192 CAMELLIA-CCM-192-16
            camellia192ccm128 E 27 192 CAMELLIA-CCM-192-16
            camellia256ccm8 E 25 256 CAMELLIA-CCM-256-8
            camellia256ccm64 E 25 256 CAMELLIA-CCM-256-8
            camellia256ccm12 E 26 256 CAMELLIA-CCM-256-12
            camellia256ccm96 E 26 256 CAMELLIA-CCM-256-12
            camellia256ccm16 E 27 256 CAMELLIA-CCM-256-16
            camellia256ccm128 E 27 256 CAMELLIA-CCM-256-16
            cast128 E 6 128 CAST-128 CAST-CBC-128 CAST-128
            serpent E 1026 128 SERPENT-CBC-128
            serpent128 E 1026 128 SERPENT-CBC-128
            serpent192 E 1026 192 SERPENT-CBC-192
            serpent256 E 1026 256 SERPENT-CBC-256
            twofish E 1027 128 TWOFISH-CBC-128
            twofish128 E 1027 128 TWOFISH-CBC-128
            twofish192 E 1027 192 TWOFISH-CBC-192
            twofish256 E 1027 256 TWOFISH-CBC-256
            sha I 2 0 HMAC-SHA1-96
            sha1 I 2 0 HMAC-SHA1-96
            sha1_160 I 7 0 HMAC-SHA1-160
            sha256 I 12 0 HMAC-SHA2-256-128
            sha2_256 I 12 0 HMAC-SHA2-256-128
            sha256_96 I 1026 0 HMAC-SHA2-256-96
            sha2_256_96 I 1026 0 HMAC-SHA2-256-96
            sha384 I 13 0 HMAC-SHA2-384-192
            sha2_384 I 13 0 HMAC-SHA2-384-192
            sha512 I 14 0 HMAC-SHA2-512-256
            sha2_512 I 14 0 HMAC-SHA2-512-256
            md5 I 1 0 HMAC-MD5-96
            md5_128 I 6 0 HMAC-MD5-128
            aesxcbc I 5 0 AES-XCBC-96 AES-XCBC-96 AES-XCBC-MAC
            camelliaxcbc I 1030 0 CAMELLIA-XCBC-96
            aescmac I 8 0 AES-CMAC-96
            prfsha1 P 2 0 PRF-HMAC-SHA1
            prfsha256 P 5 0 PRF-HMAC-SHA2-256
            prfsha384 P 6 0 PRF-HMAC-SHA2-384
            prfsha512 P 7 0 PRF-HMAC-SHA2-512
            prfmd5 P 1 0 PRF-HMAC-MD5
            prfaesxcbc P 4 0 PRF-AES128-XCBC
            prfcamelliaxcbc P 1028 0 PRF-CAMELLIA128-XCBC
            prfaescmac P 8 0 PRF-AES128-CMAC
            none K 0 0
            modpnone K 0 0
            modpnull K 1024 0
            modp768 K 1 0
            modp1024 K 2 0
            modp1536 K 5 0
            modp2048 K 14 0
            modp3072 K 15 0
            modp4096 K 16 0
            modp6144 K 17 0
            modp8192 K 18 0
            ecp192 K 25 0
            ecp224 K 26 0
            ecp256 K 19 0
            ecp384 K 20 0
            ecp521 K 21 0
            modp1024s160 K 22 0
            modp2048s224 K 23 0
            modp2048s256 K 24 0
            ecp224bp K 27 0
            ecp256bp K 28 0
            ecp384bp K 29 0
            ecp512bp K 30 0
            curve25519 K 31 0
            x25519 K 31 0
            curve448 K 32 0
            x448 K 32 0
            ntru112 K 1030 0
            ntru128 K 1031 0
            ntru192 K 1032 0
            ntru256 K 1033 0
            newhope128 K 1040 0
            gost256 K 33 0
            gost512 K 34 0
            mlkem512 K 35 0
            mlkem768 K 36 0
            mlkem1024 K 37 0
            noesn S 0 0
            esn S 1 0
            """;

    private static final Map<String, Algorithm> BY_KEYWORD = load();

    private StrongswanAlgorithms() {
    }

    /** The algorithm of a keyword (case-insensitive, as strongSwan's gperf table), or null. */
    static Algorithm byKeyword(String keyword) {
        return BY_KEYWORD.get(keyword.toLowerCase(Locale.ROOT));
    }

    /** Every keyword's algorithm (for tests). */
    static Map<String, Algorithm> all() {
        return BY_KEYWORD;
    }

    static Algorithm of(Kind kind, int id, int bits) {
        return BY_KEYWORD.values().stream()
                .filter(a -> a.kind() == kind && a.id() == id && a.bits() == bits)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no keyword for " + kind + " " + id + "/" + bits));
    }

    /** AES-GMAC as AH integrity: AUTH_AES_128/192/256_GMAC (IANA 9, 10, 11). */
    static Algorithm ahGmac(Algorithm gmacCipher) {
        int bits = gmacCipher.bits();
        String name = "AES-" + bits + "-GMAC";
        return new Algorithm(gmacCipher.keyword(), Kind.INTEGRITY, 9 + (bits - 128) / 64, 0, name, name, name);
    }

    private static Map<String, Algorithm> load() {
        Map<String, Algorithm> table = new HashMap<>();
        for (String row : TABLE.strip().split("\n")) {
            String[] f = row.trim().split(" ");
            Kind kind = switch (f[1]) {
                case "E" -> Kind.ENCRYPTION;
                case "I" -> Kind.INTEGRITY;
                case "P" -> Kind.PRF;
                case "K" -> Kind.KEY_EXCHANGE;
                default -> Kind.ESN;
            };
            String name = f.length > 4 ? f[4] : f[0];
            table.put(f[0], new Algorithm(f[0], kind, Integer.parseInt(f[2]), Integer.parseInt(f[3]), name,
                    f.length > 5 ? f[5] : name, f.length > 6 ? f[6] : name));
        }
        return Map.copyOf(table);
    }
}
