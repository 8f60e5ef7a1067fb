package io.ikescope.psk;

import io.ikescope.wire.registry.Ikev1Registry;
import io.ikescope.wire.registry.Ikev2Registry;
import java.security.GeneralSecurityException;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The negotiated pseudo-random function as an HMAC (RFC 2409 4: IKEv1 uses the HMAC of the negotiated hash;
 * RFC 7296 3.3.2: the IKEv2 PRF transform). Only HMAC PRFs are supported; a PRF without a JDK HMAC (AES-XCBC,
 * Tiger, Streebog) leaves the negotiation untested rather than guessed.
 */
final class Prf {
    /** IKEv1 Hash-Algorithm names (Ikev1Registry) to JDK HMAC names. */
    private static final Map<String, String> IKEV1 = Map.of(
            "MD5", "HmacMD5", "SHA", "HmacSHA1", "SHA2-256", "HmacSHA256", "SHA2-384", "HmacSHA384",
            "SHA2-512", "HmacSHA512");
    /** IKEv2 PRF transform names (Ikev2Registry) to JDK HMAC names. */
    private static final Map<String, String> IKEV2 = Map.of(
            "PRF_HMAC_MD5", "HmacMD5", "PRF_HMAC_SHA1", "HmacSHA1", "PRF_HMAC_SHA2_256", "HmacSHA256",
            "PRF_HMAC_SHA2_384", "HmacSHA384", "PRF_HMAC_SHA2_512", "HmacSHA512");

    private final String algorithm;
    private final String name;

    private Prf(String algorithm, String name) {
        this.algorithm = algorithm;
        this.name = name;
    }

    /** The PRF of an IKEv1 Hash-Algorithm attribute value, or null when it has no HMAC here. */
    static Prf ikev1Hash(long hashAlgorithm) {
        String name = Ikev1Registry.IKE_HASH_ALGORITHM.name(hashAlgorithm);
        String jdk = name == null ? null : IKEV1.get(name);
        return jdk == null ? null : new Prf(jdk, "HMAC-" + name);
    }

    /** The PRF of an IKEv2 PRF transform ID, or null when it has no HMAC here. */
    static Prf ikev2(long transformId) {
        String name = Ikev2Registry.PRF.name(transformId);
        String jdk = name == null ? null : IKEV2.get(name);
        return jdk == null ? null : new Prf(jdk, name);
    }

    /** prf(key, the parts concatenated). */
    byte[] apply(byte[] key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            for (byte[] p : parts) {
                mac.update(p);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot compute " + algorithm, e);
        }
    }

    String name() {
        return name;
    }
}
