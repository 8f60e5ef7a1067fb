package io.ikescope.crypto;

import io.ikescope.wire.Attribute;
import io.ikescope.wire.Transform;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import org.bouncycastle.crypto.engines.CAST5Engine;
import org.bouncycastle.crypto.engines.CamelliaEngine;

/**
 * The Phase 1 algorithms an IKEv1 SA's encryption depends on, from the transform the responder chose
 * (RFC 2409 appendix A attribute values).
 *
 * @param encryption Encryption-Algorithm attribute value (1 DES, 3 Blowfish, 5 3DES, 6 CAST, 7 AES, 8 Camellia)
 * @param keyBits    the Key-Length attribute, or the cipher's default when it was not sent
 * @param hash       Hash-Algorithm attribute value (1 MD5, 2 SHA1, 4 SHA2-256, 5 SHA2-384, 6 SHA2-512); the
 *                   IVs are hashes with it
 */
record Ikev1Suite(int encryption, int keyBits, int hash) {
    static final int DES = 1;
    static final int BLOWFISH = 3;
    static final int TRIPLE_DES = 5;
    static final int CAST = 6;
    static final int AES = 7;
    static final int CAMELLIA = 8;

    private static final int ATTR_ENCRYPTION = 1;
    private static final int ATTR_HASH = 2;
    private static final int ATTR_KEY_LENGTH = 14;

    /** The suite of an ISAKMP transform, or null when it names no encryption or hash algorithm. */
    static Ikev1Suite of(Transform t) {
        int encryption = -1;
        int hash = -1;
        int keyBits = 0;
        for (Attribute a : t.attributes()) {
            long v = a.numericValue();
            switch (a.type()) {
                case ATTR_ENCRYPTION -> encryption = (int) v;
                case ATTR_HASH -> hash = (int) v;
                case ATTR_KEY_LENGTH -> keyBits = v > 0 && v <= 4096 ? (int) v : -1;
                default -> {
                }
            }
        }
        if (encryption < 0 || hash < 0 || keyBits < 0) {
            return null;
        }
        return new Ikev1Suite(encryption, keyBits > 0 ? keyBits : defaultKeyBits(encryption), hash);
    }

    /** Key length when the transform carries no Key-Length attribute (fixed-length ciphers and RFC defaults). */
    private static int defaultKeyBits(int encryption) {
        return switch (encryption) {
            case DES -> 64;
            case TRIPLE_DES -> 192;
            case BLOWFISH, CAST, AES, CAMELLIA -> 128;
            default -> 0;
        };
    }

    int blockSize() {
        return encryption == AES || encryption == CAMELLIA ? 16 : 8;
    }

    String name() {
        return switch (encryption) {
            case DES -> "DES-CBC";
            case BLOWFISH -> "Blowfish-CBC-" + keyBits;
            case TRIPLE_DES -> "3DES-CBC";
            case CAST -> "CAST-CBC-" + keyBits;
            case AES -> "AES-CBC-" + keyBits;
            case CAMELLIA -> "Camellia-CBC-" + keyBits;
            default -> "encryption algorithm " + encryption;
        } + " with " + hashName();
    }

    String hashName() {
        return switch (hash) {
            case 1 -> "MD5";
            case 2 -> "SHA1";
            case 4 -> "SHA2-256";
            case 5 -> "SHA2-384";
            case 6 -> "SHA2-512";
            default -> "hash algorithm " + hash;
        };
    }

    /** Output length of the negotiated hash (a HASH payload's data length), or -1 when unsupported. */
    int hashLength() {
        return switch (hash) {
            case 1 -> 16;
            case 2 -> 20;
            case 4 -> 32;
            case 5 -> 48;
            case 6 -> 64;
            default -> -1;
        };
    }

    MessageDigest digest() throws DecryptFailure {
        String jdk = switch (hash) {
            case 1 -> "MD5";
            case 2 -> "SHA-1";
            case 4 -> "SHA-256";
            case 5 -> "SHA-384";
            case 6 -> "SHA-512";
            default -> null;
        };
        if (jdk == null) {
            throw new DecryptFailure("IV hash " + hashName() + " is not supported");
        }
        try {
            return MessageDigest.getInstance(jdk);
        } catch (GeneralSecurityException e) {
            throw new DecryptFailure(jdk + " unavailable: " + e.getMessage());
        }
    }

    /** The cipher keyed with the Phase 1 encryption key; a longer key is cut to the negotiated length. */
    CbcDecryption cipher(byte[] key) throws DecryptFailure {
        int need = keyBits / 8;
        if (keyBits % 8 != 0 || need == 0) {
            throw new DecryptFailure(name() + ": unusable key length " + keyBits + " bits");
        }
        if (key.length < need) {
            throw new DecryptFailure(name() + " needs a " + need + "-byte key, the key source gives " + key.length);
        }
        byte[] k = key.length == need ? key : java.util.Arrays.copyOf(key, need);
        return switch (encryption) {
            case DES -> CbcDecryption.jdk("DES", k, 8);
            case TRIPLE_DES -> CbcDecryption.jdk("DESede", k, 8);
            case BLOWFISH -> CbcDecryption.jdk("Blowfish", k, 8);
            case AES -> {
                if (need != 16 && need != 24 && need != 32) {
                    throw new DecryptFailure(name() + ": AES has no " + keyBits + "-bit key");
                }
                yield CbcDecryption.jdk("AES", k, 16);
            }
            case CAST -> CbcDecryption.bouncyCastle(new CAST5Engine(), k);
            case CAMELLIA -> CbcDecryption.bouncyCastle(new CamelliaEngine(), k);
            default -> throw new DecryptFailure(name() + " is not supported");
        };
    }
}
