package io.ikescope.probe.ikev1;

import io.ikescope.wire.registry.Ikev1Registry;
import java.util.ArrayList;
import java.util.List;

/**
 * The Phase 1 proposals an IKEv1 probe offers, by registry name. Ciphers with a Key-Length attribute are offered
 * at each common size (RFC 3602 AES, RFC 4312 Camellia; Blowfish and CAST at 128 bits, as implementations default
 * to). Groups: every MODP and ECP group of the IKEv1 registry (EC2N groups 3-13 are long gone from
 * implementations; 31-34 are IKEv2 methods in IANA's table). The more common values come first, so a short time
 * bound still covers what gateways run.
 */
public final class Ikev1Candidates {
    private Ikev1Candidates() {
    }

    /** One cipher to offer: its Encryption-Algorithm value and Key-Length (null: fixed key size). */
    public record Cipher(int id, Integer keyBits) {
        static Cipher of(String registryName, Integer keyBits) {
            return new Cipher((int) Ikev1Registry.IKE_ENCRYPTION_ALGORITHM.valueOf(registryName), keyBits);
        }
    }

    public static List<Cipher> encryption() {
        return List.of(Cipher.of("AES-CBC", 256), Cipher.of("AES-CBC", 128), Cipher.of("3DES-CBC", null),
                Cipher.of("AES-CBC", 192), Cipher.of("DES-CBC", null), Cipher.of("CAMELLIA-CBC", 256),
                Cipher.of("CAMELLIA-CBC", 128), Cipher.of("CAMELLIA-CBC", 192), Cipher.of("BLOWFISH-CBC", 128),
                Cipher.of("CAST-CBC", 128));
    }

    public static List<Integer> hashes() {
        return values(Ikev1Registry.IKE_HASH_ALGORITHM, "SHA2-256", "SHA", "MD5", "SHA2-384", "SHA2-512");
    }

    /** Pre-shared key and RSA signatures; with {@code xauth} also their XAUTH variants (the responder side's). */
    public static List<Integer> authMethods(boolean xauth) {
        List<Integer> methods = new ArrayList<>(values(Ikev1Registry.IKE_AUTH_METHOD, "Pre-shared key",
                "RSA signatures"));
        if (xauth) {
            methods.addAll(values(Ikev1Registry.IKE_AUTH_METHOD, "XAUTHInitPreShared", "XAUTHInitRSA"));
        }
        return methods;
    }

    public static List<Integer> groups() {
        return values(Ikev1Registry.IKE_GROUP_DESCRIPTION, "2048 bit MODP group", "Alternate 1024-bit MODP group",
                "1536 bit MODP group", "Default 768-bit MODP group", "256-bit random ECP group",
                "384-bit random ECP group", "521-bit random ECP group", "3072 bit MODP group", "4096 bit MODP group",
                "6144 bit MODP group", "8192 bit MODP group",
                "1024-bit MODP Group with 160-bit Prime Order Subgroup",
                "2048-bit MODP Group with 224-bit Prime Order Subgroup",
                "2048-bit MODP Group with 256-bit Prime Order Subgroup", "192-bit Random ECP Group",
                "224-bit Random ECP Group", "224-bit Brainpool ECP group", "256-bit Brainpool ECP group",
                "384-bit Brainpool ECP group", "512-bit Brainpool ECP group");
    }

    /**
     * Every combination, by group, then authentication method (the probe's batches hold one of each, see
     * {@code Ikev1Prober.batches}), then cipher and hash.
     */
    public static List<Ikev1Suite> suites(boolean xauth) {
        List<Ikev1Suite> all = new ArrayList<>();
        for (int g : groups()) {
            for (int a : authMethods(xauth)) {
                for (Cipher c : encryption()) {
                    for (int h : hashes()) {
                        all.add(new Ikev1Suite(c.id(), c.keyBits(), h, a, g));
                    }
                }
            }
        }
        return all;
    }

    private static List<Integer> values(io.ikescope.wire.registry.Registry registry, String... names) {
        List<Integer> list = new ArrayList<>();
        for (String n : names) {
            list.add((int) registry.valueOf(n));
        }
        return list;
    }
}
