package io.ikescope.probe.ikev2;

import io.ikescope.session.AlgorithmNames;
import io.ikescope.wire.registry.Ikev2Registry;

/**
 * One IKEv2 transform to offer: its type (1 ENCR, 2 PRF, 3 INTEG, 4 KE), ID and, for ciphers with a variable
 * key, the Key Length attribute.
 */
public record Ikev2Transform(int type, int id, Integer keyBits) {
    public static final int ENCR = (int) Ikev2Registry.TRANSFORM_TYPE.valueOf("Encryption Algorithm (ENCR)");
    public static final int PRF = (int) Ikev2Registry.TRANSFORM_TYPE.valueOf("Pseudorandom Function (PRF)");
    public static final int INTEG = (int) Ikev2Registry.TRANSFORM_TYPE.valueOf("Integrity Algorithm (INTEG)");
    public static final int KE = (int) Ikev2Registry.TRANSFORM_TYPE.valueOf("Key Exchange Method (KE)");
    /** RFC 9370: the first additional key exchange, done in IKE_INTERMEDIATE after IKE_SA_INIT. */
    public static final int ADDKE1 = (int) Ikev2Registry.TRANSFORM_TYPE.valueOf("Additional Key Exchange 1 (ADDKE1)");

    public static Ikev2Transform encryption(String registryName, Integer keyBits) {
        return new Ikev2Transform(ENCR, (int) Ikev2Registry.ENCR.valueOf(registryName), keyBits);
    }

    public static Ikev2Transform prf(int id) {
        return new Ikev2Transform(PRF, id, null);
    }

    public static Ikev2Transform integrity(int id) {
        return new Ikev2Transform(INTEG, id, null);
    }

    public static Ikev2Transform group(int id) {
        return new Ikev2Transform(KE, id, null);
    }

    public static Ikev2Transform additionalKeyExchange(int id) {
        return new Ikev2Transform(ADDKE1, id, null);
    }

    /** The contract's name: "AES-CBC-256", "PRF-HMAC-SHA2-256", "HMAC-SHA2-256-128"; a group's IANA number. */
    public String name() {
        if (type == ENCR) {
            return AlgorithmNames.ikev2Encryption(id, keyBits);
        } else if (type == PRF) {
            return AlgorithmNames.ikev2Prf(id);
        } else if (type == INTEG) {
            return AlgorithmNames.ikev2Integrity(id);
        }
        return Integer.toString(id);
    }
}
