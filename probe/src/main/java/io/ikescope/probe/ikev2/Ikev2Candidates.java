package io.ikescope.probe.ikev2;

import io.ikescope.wire.registry.Ikev2Registry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The transforms an IKEv2 probe tries, one at a time, by registry name: every cipher, PRF, integrity algorithm
 * and key-exchange method an IKE SA may use. Left out: ENCR_NULL and the GMAC integrity algorithms (ESP only,
 * RFC 4543), the IIV ciphers (ESP only, RFC 8750), the GOST ciphers (they need key-tree parameters).
 */
public final class Ikev2Candidates {
    private Ikev2Candidates() {
    }

    private static final List<Integer> AES_KEYS = List.of(128, 192, 256);

    /** Combined-mode ciphers: offered in a proposal of their own, without an integrity transform (RFC 5282). */
    private static final Set<String> AEAD = Set.of("ENCR_AES_CCM_8", "ENCR_AES_CCM_12", "ENCR_AES_CCM_16",
            "ENCR_AES_GCM_8", "ENCR_AES_GCM_12", "ENCR_AES_GCM_16", "ENCR_CAMELLIA_CCM_8",
            "ENCR_CAMELLIA_CCM_12", "ENCR_CAMELLIA_CCM_16", "ENCR_CHACHA20_POLY1305");

    public static List<Ikev2Transform> encryption() {
        List<Ikev2Transform> all = new ArrayList<>();
        for (String aes : List.of("ENCR_AES_CBC", "ENCR_AES_CTR", "ENCR_AES_GCM_16", "ENCR_AES_GCM_12",
                "ENCR_AES_GCM_8", "ENCR_AES_CCM_16", "ENCR_AES_CCM_12", "ENCR_AES_CCM_8", "ENCR_CAMELLIA_CBC",
                "ENCR_CAMELLIA_CTR", "ENCR_CAMELLIA_CCM_16", "ENCR_CAMELLIA_CCM_12", "ENCR_CAMELLIA_CCM_8")) {
            for (int bits : AES_KEYS) {
                all.add(Ikev2Transform.encryption(aes, bits));
            }
        }
        all.add(Ikev2Transform.encryption("ENCR_CHACHA20_POLY1305", null));
        all.add(Ikev2Transform.encryption("ENCR_3DES", null));
        all.add(Ikev2Transform.encryption("ENCR_DES", null));
        all.add(Ikev2Transform.encryption("ENCR_CAST", 128));
        all.add(Ikev2Transform.encryption("ENCR_BLOWFISH", 128));
        all.add(Ikev2Transform.encryption("ENCR_BLOWFISH", 256));
        return all;
    }

    public static boolean isAead(Ikev2Transform encryption) {
        return AEAD.contains(Ikev2Registry.ENCR.name(encryption.id()));
    }

    public static List<Integer> prfs() {
        return assigned(Ikev2Registry.PRF.entries().keySet(), Set.of());
    }

    public static List<Integer> integrity() {
        Set<Long> espOnly = Set.of(Ikev2Registry.INTEG.valueOf("NONE"),
                Ikev2Registry.INTEG.valueOf("AUTH_AES_128_GMAC"), Ikev2Registry.INTEG.valueOf("AUTH_AES_192_GMAC"),
                Ikev2Registry.INTEG.valueOf("AUTH_AES_256_GMAC"));
        return assigned(Ikev2Registry.INTEG.entries().keySet(), espOnly);
    }

    public static List<Integer> groups() {
        return assigned(Ikev2Registry.KE_METHOD.entries().keySet(), Set.of(Ikev2Registry.KE_METHOD.valueOf("NONE")));
    }

    /** Post-quantum key exchanges tried as RFC 9370's first additional key exchange: ML-KEM. */
    public static List<Integer> additionalKeyExchanges() {
        return List.of((int) Ikev2Registry.KE_METHOD.valueOf("ml-kem-512"),
                (int) Ikev2Registry.KE_METHOD.valueOf("ml-kem-768"),
                (int) Ikev2Registry.KE_METHOD.valueOf("ml-kem-1024"));
    }

    /**
     * A private-use key-exchange ID no peer implements: offered as an additional key exchange, it tells a peer that
     * refuses what it does not know (RFC 7296 3.3.6) from one that ignores the transform type.
     */
    public static int unknownKeyExchange() {
        return (int) Ikev2Registry.KE_METHOD.ranges().stream().filter(r -> r.label().equals("Private Use"))
                .findFirst().orElseThrow().to();
    }

    private static List<Integer> assigned(Set<Long> values, Set<Long> without) {
        List<Integer> list = new ArrayList<>();
        for (long v : values) {
            if (!without.contains(v)) {
                list.add((int) v);
            }
        }
        return list;
    }
}
