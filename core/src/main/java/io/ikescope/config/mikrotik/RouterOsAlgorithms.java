package io.ikescope.config.mikrotik;

import io.ikescope.config.HashTransforms;
import java.util.List;
import java.util.Map;

/**
 * RouterOS v7 algorithm keywords (help.mikrotik.com, RouterOS manual, "IPsec": Profiles {@code enc-algorithm},
 * {@code hash-algorithm}, {@code prf-algorithm}, {@code dh-group}; Proposals {@code enc-algorithms},
 * {@code auth-algorithms}, {@code pfs-group}) as the project's contract names them (the names
 * {@code io.ikescope.session.AlgorithmNames} derives from the IANA registries; a test holds the two together).
 */
final class RouterOsAlgorithms {
    private RouterOsAlgorithms() {
    }

    /** Profile (IKE SA) ciphers. */
    static final Map<String, String> PROFILE_ENCRYPTION = Map.ofEntries(
            Map.entry("des", "DES"),
            Map.entry("3des", "3DES"),
            Map.entry("aes-128", "AES-CBC-128"),
            Map.entry("aes-192", "AES-CBC-192"),
            Map.entry("aes-256", "AES-CBC-256"),
            Map.entry("aes-128-ctr", "AES-CTR-128"),
            Map.entry("aes-192-ctr", "AES-CTR-192"),
            Map.entry("aes-256-ctr", "AES-CTR-256"),
            Map.entry("aes-128-gcm", "AES-GCM-128-16"),
            Map.entry("aes-256-gcm", "AES-GCM-256-16"),
            Map.entry("blowfish", "BLOWFISH"),
            Map.entry("camellia-128", "CAMELLIA-CBC-128"),
            Map.entry("camellia-192", "CAMELLIA-CBC-192"),
            Map.entry("camellia-256", "CAMELLIA-CBC-256"));

    /** Proposal (ESP/AH) ciphers. */
    static final Map<String, String> PROPOSAL_ENCRYPTION = Map.ofEntries(
            Map.entry("null", "NULL"),
            Map.entry("des", "DES"),
            Map.entry("3des", "3DES"),
            Map.entry("aes-128-cbc", "AES-CBC-128"),
            Map.entry("aes-192-cbc", "AES-CBC-192"),
            Map.entry("aes-256-cbc", "AES-CBC-256"),
            Map.entry("aes-128-ctr", "AES-CTR-128"),
            Map.entry("aes-192-ctr", "AES-CTR-192"),
            Map.entry("aes-256-ctr", "AES-CTR-256"),
            Map.entry("aes-128-gcm", "AES-GCM-128-16"),
            Map.entry("aes-192-gcm", "AES-GCM-192-16"),
            Map.entry("aes-256-gcm", "AES-GCM-256-16"),
            Map.entry("chacha20poly1305", "CHACHA20-POLY1305"),
            Map.entry("blowfish", "BLOWFISH"),
            Map.entry("camellia-128", "CAMELLIA-CBC-128"),
            Map.entry("camellia-192", "CAMELLIA-CBC-192"),
            Map.entry("camellia-256", "CAMELLIA-CBC-256"),
            Map.entry("twofish", "TWOFISH"));

    /** Ciphers that carry their own integrity: no integrity transform goes with them. */
    static final List<String> AEAD = List.of("AES-GCM-128-16", "AES-GCM-192-16", "AES-GCM-256-16",
            "CHACHA20-POLY1305");

    /** Profile hash-algorithm and proposal auth-algorithms as integrity (RFC 2404, RFC 4868 truncation). */
    static final Map<String, String> INTEGRITY = HashTransforms.INTEGRITY;

    /** Profile prf-algorithm (and hash-algorithm, which "auto" takes the PRF from). */
    static final Map<String, String> PRF = HashTransforms.PRF;

    /** dh-group / pfs-group names to IANA group numbers. */
    static final Map<String, Integer> GROUPS = Map.ofEntries(
            Map.entry("modp768", 1),
            Map.entry("modp1024", 2),
            Map.entry("ec2n155", 3),
            Map.entry("ec2n185", 4),
            Map.entry("modp1536", 5),
            Map.entry("modp2048", 14),
            Map.entry("modp3072", 15),
            Map.entry("modp4096", 16),
            Map.entry("modp6144", 17),
            Map.entry("modp8192", 18),
            Map.entry("ecp256", 19),
            Map.entry("ecp384", 20),
            Map.entry("ecp521", 21),
            Map.entry("curve25519", 31));
}
