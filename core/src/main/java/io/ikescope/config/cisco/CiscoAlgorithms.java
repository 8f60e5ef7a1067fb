package io.ikescope.config.cisco;

import io.ikescope.config.HashTransforms;
import java.util.List;
import java.util.Map;

/**
 * IOS keywords and the contract's algorithm names (as {@code io.ikescope.session.AlgorithmNames} derives them from
 * the IANA registries; CiscoAlgorithmsTest checks each against it). Keywords as the Cisco IOS Security Command
 * Reference lists them for "encryption (IKE policy)", "hash (IKE policy)", "group (IKE policy)", "encryption /
 * integrity / prf / group (IKEv2 proposal)" and "crypto ipsec transform-set".
 */
final class CiscoAlgorithms {
    private CiscoAlgorithms() {
    }

    /** IKEv1 "encryption" keywords; aes and the key lengths are two words ("aes 256"), joined here by a space. */
    static final Map<String, String> IKEV1_ENCRYPTION = Map.of(
            "des", "DES-CBC",
            "3des", "3DES-CBC",
            "aes", "AES-CBC-128",
            "aes 128", "AES-CBC-128",
            "aes 192", "AES-CBC-192",
            "aes 256", "AES-CBC-256");

    /** IKEv1 "hash" keyword: the PRF it means (IkeProposalConfig.ikev1Hashes strips "PRF-HMAC-"). */
    static final Map<String, String> IKEV1_HASH_PRF = Map.of(
            "md5", "PRF-HMAC-MD5",
            "sha", "PRF-HMAC-SHA1",
            "sha256", "PRF-HMAC-SHA2-256",
            "sha384", "PRF-HMAC-SHA2-384",
            "sha512", "PRF-HMAC-SHA2-512");

    /** IKEv2 "integrity" keywords; the IKEv1 hash also names this (the HMAC that protects IKEv1 messages). */
    static final Map<String, String> INTEGRITY = withKey(HashTransforms.INTEGRITY, "sha", "HMAC-SHA1-96");

    /** IKEv2 "prf" keywords. */
    static final Map<String, String> PRF = HashTransforms.PRF;

    /** IKEv2 "encryption" keywords. */
    static final Map<String, String> IKEV2_ENCRYPTION = Map.of(
            "des", "DES",
            "3des", "3DES",
            "aes-cbc-128", "AES-CBC-128",
            "aes-cbc-192", "AES-CBC-192",
            "aes-cbc-256", "AES-CBC-256",
            "aes-gcm-128", "AES-GCM-128-16",
            "aes-gcm-256", "AES-GCM-256-16");

    /** DH groups IOS offers in "group" (IKEv1 policy, IKEv2 proposal, "set pfs groupN"), by IANA number. */
    static final List<Integer> GROUPS = List.of(1, 2, 5, 14, 15, 16, 19, 20, 21, 24);

    /**
     * Transform-set ESP ciphers. The AES family takes an optional key length as the next word (128 when omitted,
     * per the crypto ipsec transform-set reference); the value is the name without the key length.
     */
    static final Map<String, String> ESP_CIPHER_FAMILY = Map.of(
            "esp-aes", "AES-CBC",
            "esp-gcm", "AES-GCM",
            "esp-gmac", "NULL-AUTH-AES-GMAC");

    static final Map<String, String> ESP_CIPHER = Map.of(
            "esp-des", "DES",
            "esp-3des", "3DES",
            "esp-null", "NULL");

    static final Map<String, String> ESP_INTEGRITY = Map.of(
            "esp-md5-hmac", "HMAC-MD5-96",
            "esp-sha-hmac", "HMAC-SHA1-96",
            "esp-sha256-hmac", "HMAC-SHA2-256-128",
            "esp-sha384-hmac", "HMAC-SHA2-384-192",
            "esp-sha512-hmac", "HMAC-SHA2-512-256");

    static final Map<String, String> AH_INTEGRITY = Map.of(
            "ah-md5-hmac", "HMAC-MD5-96",
            "ah-sha-hmac", "HMAC-SHA1-96",
            "ah-sha256-hmac", "HMAC-SHA2-256-128",
            "ah-sha384-hmac", "HMAC-SHA2-384-192",
            "ah-sha512-hmac", "HMAC-SHA2-512-256");

    /** "authentication" (IKEv1 policy) and "authentication local|remote" (IKEv2 profile) methods. */
    static final Map<String, String> AUTH_METHOD = Map.of(
            "pre-share", "PSK",
            "rsa-sig", "RSA-SIG",
            "rsa-encr", "RSA-ENCR",
            "ecdsa-sig", "ECDSA",
            "eap", "EAP");

    /** The contract name of an ESP AES-family cipher with its key length: "AES-GCM-256-16", "AES-CBC-128". */
    static String withKeyBits(String family, int bits) {
        return family.equals("AES-GCM") ? "AES-GCM-" + bits + "-16" : family + "-" + bits;
    }

    /** IP protocol keywords of an extended ACL entry ("ip" is any). */
    static final Map<String, Integer> ACL_PROTOCOLS = Map.of(
            "ip", 0, "icmp", 1, "tcp", 6, "udp", 17, "gre", 47, "esp", 50, "ahp", 51, "ospf", 89, "pim", 103,
            "sctp", 132);

    /** Port names IOS writes in an ACL instead of the number (the ones a crypto ACL plausibly holds). */
    static final Map<String, Integer> ACL_PORTS = Map.ofEntries(
            Map.entry("bgp", 179), Map.entry("domain", 53), Map.entry("ftp", 21), Map.entry("ftp-data", 20),
            Map.entry("isakmp", 500), Map.entry("non500-isakmp", 4500), Map.entry("ntp", 123),
            Map.entry("smtp", 25), Map.entry("snmp", 161), Map.entry("ssh", 22), Map.entry("syslog", 514),
            Map.entry("tacacs", 49), Map.entry("telnet", 23), Map.entry("tftp", 69), Map.entry("www", 80));

    private static Map<String, String> withKey(Map<String, String> table, String key, String value) {
        Map<String, String> out = new java.util.HashMap<>(table);
        out.put(key, value);
        return Map.copyOf(out);
    }
}
