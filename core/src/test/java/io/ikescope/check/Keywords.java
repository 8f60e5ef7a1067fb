package io.ikescope.check;

import java.util.Map;

/** The strongSwan/libreswan algorithm keywords the lab's configurations use, in the contract's names. */
final class Keywords {
    static final Map<String, String> ENCRYPTION = Map.ofEntries(
            Map.entry("aes128", "AES-CBC-128"), Map.entry("aes192", "AES-CBC-192"), Map.entry("aes256", "AES-CBC-256"),
            Map.entry("3des", "3DES"), Map.entry("des", "DES"), Map.entry("blowfish128", "BLOWFISH-128"),
            Map.entry("blowfish256", "BLOWFISH-256"), Map.entry("cast128", "CAST-128"),
            Map.entry("camellia192", "CAMELLIA-CBC-192"), Map.entry("aes128gcm16", "AES-GCM-128-16"),
            Map.entry("aes256gcm16", "AES-GCM-256-16"), Map.entry("chacha20poly1305", "CHACHA20-POLY1305"),
            Map.entry("aes128ctr", "AES-CTR-128"), Map.entry("aes256ctr", "AES-CTR-256"),
            Map.entry("aes128ccm8", "AES-CCM-128-8"), Map.entry("aes192ccm12", "AES-CCM-192-12"),
            Map.entry("aes256ccm16", "AES-CCM-256-16"), Map.entry("aes128gcm12", "AES-GCM-128-12"),
            Map.entry("aes192gcm8", "AES-GCM-192-8"), Map.entry("camellia128ctr", "CAMELLIA-CTR-128"),
            Map.entry("camellia192ccm16", "CAMELLIA-CCM-192-16"), Map.entry("camellia256", "CAMELLIA-CBC-256"));
    static final Map<String, String> INTEGRITY = Map.of(
            "md5", "HMAC-MD5-96", "sha1", "HMAC-SHA1-96", "sha256", "HMAC-SHA2-256-128", "sha2_256",
            "HMAC-SHA2-256-128", "sha384", "HMAC-SHA2-384-192", "sha512", "HMAC-SHA2-512-256", "aesxcbc",
            "AES-XCBC-96", "aescmac", "AES-CMAC-96", "sha1_160", "HMAC-SHA1-160");
    static final Map<String, String> PRF_OF_INTEGRITY = Map.of(
            "md5", "PRF-HMAC-MD5", "sha1", "PRF-HMAC-SHA1", "sha256", "PRF-HMAC-SHA2-256", "sha2_256",
            "PRF-HMAC-SHA2-256", "sha384", "PRF-HMAC-SHA2-384", "sha512", "PRF-HMAC-SHA2-512", "aesxcbc",
            "PRF-AES128-XCBC", "aescmac", "PRF-AES128-CMAC", "sha1_160", "PRF-HMAC-SHA1");
    static final Map<String, String> PRF = Map.of("prfsha256", "PRF-HMAC-SHA2-256", "prfsha1", "PRF-HMAC-SHA1",
            "prfsha384", "PRF-HMAC-SHA2-384");
    static final Map<String, Integer> GROUPS = Map.of(
            "modp1024", 2, "modp1536", 5, "modp2048", 14, "modp3072", 15, "ecp256", 19, "ecp384", 20,
            "x25519", 31, "curve25519", 31, "none", 0);

    private Keywords() {
    }
}
