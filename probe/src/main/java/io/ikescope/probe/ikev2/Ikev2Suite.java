package io.ikescope.probe.ikev2;

/**
 * One IKE SA proposal as the probe reports it: a single value per transform type, or null where the probe offered
 * every value of that type the peer accepts (a refusal of one encryption "with any accepted PRF", say).
 * {@code integrity} is null for an AEAD cipher, which takes none.
 */
public record Ikev2Suite(Ikev2Transform encryption, Integer prf, Integer integrity, Integer group) {
    public String encryptionName() {
        return encryption == null ? null : encryption.name();
    }

    public String prfName() {
        return prf == null ? null : Ikev2Transform.prf(prf).name();
    }

    public String integrityName() {
        return integrity == null ? null : Ikev2Transform.integrity(integrity).name();
    }

    /** "AES-CBC-256 / PRF-HMAC-SHA2-256 / HMAC-SHA2-256-128 / group 14", "any" for an open type. */
    public String text() {
        return (encryption == null ? "any encryption" : encryptionName())
                + " / " + (prf == null ? "any PRF" : prfName())
                + (integrity == null ? "" : " / " + integrityName())
                + " / " + (group == null ? "any group" : "group " + group);
    }
}
