package io.ikescope.config;

import java.util.Map;

/**
 * The hash keywords several vendors share ("md5", "sha1", "sha256", "sha384", "sha512") as the project's contract
 * names the transforms (the names {@code io.ikescope.session.AlgorithmNames} derives from the IANA registries).
 */
public final class HashTransforms {
    private HashTransforms() {
    }

    /** The hash as an integrity transform (IKE and ESP truncate alike: RFC 2404, RFC 4868). */
    public static final Map<String, String> INTEGRITY = Map.of(
            "md5", "HMAC-MD5-96",
            "sha1", "HMAC-SHA1-96",
            "sha256", "HMAC-SHA2-256-128",
            "sha384", "HMAC-SHA2-384-192",
            "sha512", "HMAC-SHA2-512-256");

    /** The hash as the IKE PRF. */
    public static final Map<String, String> PRF = Map.of(
            "md5", "PRF-HMAC-MD5",
            "sha1", "PRF-HMAC-SHA1",
            "sha256", "PRF-HMAC-SHA2-256",
            "sha384", "PRF-HMAC-SHA2-384",
            "sha512", "PRF-HMAC-SHA2-512");
}
