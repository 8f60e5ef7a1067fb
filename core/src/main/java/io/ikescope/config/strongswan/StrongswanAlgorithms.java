package io.ikescope.config.strongswan;

import io.ikescope.session.AlgorithmNames;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * strongSwan's proposal keywords (src/libstrongswan/crypto/proposal/proposal_keywords_static.txt, 5.9.8, plus the
 * key exchange keywords 6.0 added) as a data table: keyword, transform type, the algorithm's IANA number (or
 * strongSwan's private number, 1024 and up, for algorithms IANA does not list) and the key length. Names come from
 * the IANA numbers through {@link AlgorithmNames}, so a configured algorithm compares equal to a captured one.
 */
final class StrongswanAlgorithms {

    enum Kind { ENCRYPTION, INTEGRITY, PRF, KEY_EXCHANGE, ESN }

    /** One keyword's algorithm; {@code bits} 0 when the algorithm has one fixed key length. */
    record Algorithm(String keyword, Kind kind, int id, int bits) {

        /** AEAD ciphers (strongSwan's encryption_algorithm_is_aead: CCM, GCM, GMAC, ChaCha20-Poly1305). */
        boolean isAead() {
            return kind == Kind.ENCRYPTION && ((id >= 14 && id <= 16) || (id >= 18 && id <= 21)
                    || (id >= 25 && id <= 28));
        }

        /** The contract's name of the algorithm as IKEv2 and ESP/AH write it. */
        String name() {
            Integer keyBits = bits == 0 ? null : bits;
            return switch (kind) {
                case ENCRYPTION -> id >= 1024 ? PRIVATE_NAMES.get("E" + id) + (bits == 0 ? "" : "-" + bits)
                        : AlgorithmNames.ikev2Encryption(id, keyBits);
                case INTEGRITY -> id >= 1024 ? PRIVATE_NAMES.get("I" + id) : AlgorithmNames.ikev2Integrity(id);
                case PRF -> id >= 1024 ? PRIVATE_NAMES.get("P" + id) : AlgorithmNames.ikev2Prf(id);
                case KEY_EXCHANGE, ESN -> keyword;
            };
        }

        /**
         * The IKEv1 Phase 1 name (IKEv1's own encryption numbers, RFC 2409 appendix A, Camellia RFC 4312): what a
         * capture of Main or Aggressive Mode shows. Ciphers IKEv1 has no number for keep their IKEv2 name.
         */
        String ikev1Phase1Name() {
            Integer v1 = kind == Kind.ENCRYPTION ? IKEV1_PHASE1_ENCRYPTION.get(id) : null;
            return v1 == null ? name() : AlgorithmNames.ikev1Encryption(v1, bits == 0 ? null : bits);
        }

        /**
         * The IKEv1 Quick Mode name: ESP transform IDs are IKEv2's except Camellia (ESP 22, RFC 4312); integrity
         * is the Authentication Algorithm attribute (RFC 2407 4.5; SHA-2 RFC 4868).
         */
        String ikev1Phase2Name() {
            if (kind == Kind.ENCRYPTION && id == 23) {
                return AlgorithmNames.ikev1EspEncryption(22, bits);
            }
            Integer attribute = kind == Kind.INTEGRITY ? IKEV1_AUTH_ATTRIBUTE.get(id) : null;
            return attribute == null ? name() : AlgorithmNames.ikev1Phase2Integrity(attribute);
        }
    }

    /** Names of strongSwan's private algorithm numbers (src/libstrongswan/crypto/crypters/crypter.h, signer.h, prf.h). */
    private static final Map<String, String> PRIVATE_NAMES = Map.of(
            "E1026", "SERPENT-CBC", "E1027", "TWOFISH-CBC",
            "I1026", "HMAC-SHA2-256-96", "I1030", "CAMELLIA-XCBC-96",
            "P1028", "PRF-CAMELLIA128-XCBC");

    /** IKEv2 ENCR number -> IKEv1 Phase 1 Encryption Algorithm number. */
    private static final Map<Integer, Integer> IKEV1_PHASE1_ENCRYPTION = Map.of(
            2, 1, 7, 3, 3, 5, 6, 6, 12, 7, 23, 8);

    /** IKEv2 INTEG number -> IKEv1 Authentication Algorithm attribute. */
    private static final Map<Integer, Integer> IKEV1_AUTH_ATTRIBUTE = Map.of(
            1, 1, 2, 2, 12, 5, 13, 6, 14, 7, 5, 9);

    /**
     * IKEv1/IKEv2 PRF of the same hash, for IKE proposals that name an integrity algorithm and no PRF (proposal.c
     * integ_prf_map, 5.9.8): integrity number -> PRF number.
     */
    static final Map<Integer, Integer> PRF_OF_INTEGRITY = Map.of(
            2, 2, 7, 2, 12, 5, 13, 6, 14, 7, 1, 1, 6, 1, 5, 4, 1030, 1028, 8, 8);

    /** keyword, kind (E I P K S), number, key bits. */
    private static final String TABLE = """
            null E 11 0
            des E 2 0
            3des E 3 0
            aes E 12 128
            aes128 E 12 128
            aes192 E 12 192
            aes256 E 12 256
            aes128ctr E 13 128
            aes192ctr E 13 192
            aes256ctr E 13 256
            aes128ccm8 E 14 128
            aes128ccm64 E 14 128
            aes128ccm12 E 15 128
            aes128ccm96 E 15 128
            aes128ccm16 E 16 128
            aes128ccm128 E 16 128
            aes128ccm E 16 128
            aes192ccm8 E 14 192
            aes192ccm64 E 14 192
            aes192ccm12 E 15 192
            aes192ccm96 E 15 192
            aes192ccm16 E 16 192
            aes192ccm128 E 16 192
            aes192ccm E 16 192
            aes256ccm8 E 14 256
            aes256ccm64 E 14 256
            aes256ccm12 E 15 256
            aes256ccm96 E 15 256
            aes256ccm16 E 16 256
            aes256ccm128 E 16 256
            aes256ccm E 16 256
            aes128gcm8 E 18 128
            aes128gcm64 E 18 128
            aes128gcm12 E 19 128
            aes128gcm96 E 19 128
            aes128gcm16 E 20 128
            aes128gcm128 E 20 128
            aes128gcm E 20 128
            aes192gcm8 E 18 192
            aes192gcm64 E 18 192
            aes192gcm12 E 19 192
            aes192gcm96 E 19 192
            aes192gcm16 E 20 192
            aes192gcm128 E 20 192
            aes192gcm E 20 192
            aes256gcm8 E 18 256
            aes256gcm64 E 18 256
            aes256gcm12 E 19 256
            aes256gcm96 E 19 256
            aes256gcm16 E 20 256
            aes256gcm128 E 20 256
            aes256gcm E 20 256
            aes128gmac E 21 128
            aes192gmac E 21 192
            aes256gmac E 21 256
            chacha20poly1305 E 28 0
            chacha20poly1305compat E 28 256
            blowfish E 7 128
            blowfish128 E 7 128
            blowfish192 E 7 192
            blowfish256 E 7 256
            camellia E 23 128
            camellia128 E 23 128
            camellia192 E 23 192
            camellia256 E 23 256
            camellia128ctr E 24 128
            camellia192ctr E 24 192
            camellia256ctr E 24 256
            camellia128ccm8 E 25 128
            camellia128ccm64 E 25 128
            camellia128ccm12 E 26 128
            camellia128ccm96 E 26 128
            camellia128ccm16 E 27 128
            camellia128ccm128 E 27 128
            camellia192ccm8 E 25 192
            camellia192ccm64 E 25 192
            camellia192ccm12 E 26 192
            camellia192ccm96 E 26 192
            camellia192ccm16 E 27 192
            camellia192ccm128 E 27 192
            camellia256ccm8 E 25 256
            camellia256ccm64 E 25 256
            camellia256ccm12 E 26 256
            camellia256ccm96 E 26 256
            camellia256ccm16 E 27 256
            camellia256ccm128 E 27 256
            cast128 E 6 128
            serpent E 1026 128
            serpent128 E 1026 128
            serpent192 E 1026 192
            serpent256 E 1026 256
            twofish E 1027 128
            twofish128 E 1027 128
            twofish192 E 1027 192
            twofish256 E 1027 256
            sha I 2 0
            sha1 I 2 0
            sha1_160 I 7 0
            sha256 I 12 0
            sha2_256 I 12 0
            sha256_96 I 1026 0
            sha2_256_96 I 1026 0
            sha384 I 13 0
            sha2_384 I 13 0
            sha512 I 14 0
            sha2_512 I 14 0
            md5 I 1 0
            md5_128 I 6 0
            aesxcbc I 5 0
            camelliaxcbc I 1030 0
            aescmac I 8 0
            prfsha1 P 2 0
            prfsha256 P 5 0
            prfsha384 P 6 0
            prfsha512 P 7 0
            prfmd5 P 1 0
            prfaesxcbc P 4 0
            prfcamelliaxcbc P 1028 0
            prfaescmac P 8 0
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

    static Algorithm of(Kind kind, int id, int bits) {
        for (Algorithm a : BY_KEYWORD.values()) {
            if (a.kind() == kind && a.id() == id && a.bits() == bits) {
                return a;
            }
        }
        throw new IllegalArgumentException("no keyword for " + kind + " " + id + "/" + bits);
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
            table.put(f[0], new Algorithm(f[0], kind, Integer.parseInt(f[2]), Integer.parseInt(f[3])));
        }
        return Map.copyOf(table);
    }
}
