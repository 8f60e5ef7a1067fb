package io.ikescope.probe.ikev1;

import io.ikescope.session.AlgorithmNames;
import io.ikescope.session.AuthMethodNames;

/**
 * One IKEv1 Phase 1 proposal as the probe offers and reports it: encryption (with its Key-Length, or null for a
 * fixed-size cipher), hash, authentication method and Diffie-Hellman group. In a refusal a null field stands for
 * "every value of that type" (DES refused with any hash, method and group).
 */
public record Ikev1Suite(Integer encryption, Integer keyBits, Integer hash, Integer authMethod, Integer group) {
    /** "AES-CBC-256", "3DES-CBC"; null when open. */
    public String encryptionName() {
        return encryption == null ? null : AlgorithmNames.ikev1Encryption(encryption, keyBits);
    }

    /** "SHA2-256", "SHA1", "MD5"; null when open. */
    public String hashName() {
        return hash == null ? null : AlgorithmNames.ikev1Hash(hash);
    }

    /** "PSK", "RSA-SIG", "XAUTH-INIT-PSK"; null when open. */
    public String authMethodName() {
        return authMethod == null ? null : AuthMethodNames.name(1, authMethod);
    }

    public boolean complete() {
        return encryption != null && hash != null && authMethod != null && group != null;
    }

    /** "AES-CBC-256 / SHA2-256 / PSK / group 14", "any" for an open type. */
    public String text() {
        return (encryption == null ? "any encryption" : encryptionName())
                + " / " + (hash == null ? "any hash" : hashName())
                + " / " + (authMethod == null ? "any authentication" : authMethodName())
                + " / " + (group == null ? "any group" : "group " + group);
    }
}
