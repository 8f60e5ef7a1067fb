package io.ikescope.crypto;

import java.util.Arrays;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.CAST5Engine;
import org.bouncycastle.crypto.engines.CamelliaEngine;
import org.bouncycastle.crypto.modes.CCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMBlockCipher;

/**
 * IKEv2 encryption transforms (IANA Transform Type 1) the decryptor supports, built from an
 * {@link EncryptionSpec} and the SK_e key material. Key material of counter and AEAD modes ends with the salt
 * (nonce prefix): 4 bytes for CTR (RFC 5930), GCM (RFC 5282/4106) and ChaCha20-Poly1305 (RFC 7634), 3 bytes for
 * CCM (RFC 5282/4309). The ciphers themselves are {@link NullCipher}, {@link CbcCipher}, {@link CounterModeCipher}
 * and {@link AeadCipher}; this class knows the transforms and which cipher each needs.
 */
final class Ikev2Ciphers {
    static final int DES = 2;
    static final int TRIPLE_DES = 3;
    static final int CAST = 6;
    static final int BLOWFISH = 7;
    static final int NULL = 11;
    static final int AES_CBC = 12;
    static final int AES_CTR = 13;
    static final int AES_CCM_8 = 14;
    static final int AES_CCM_12 = 15;
    static final int AES_CCM_16 = 16;
    static final int AES_GCM_8 = 18;
    static final int AES_GCM_12 = 19;
    static final int AES_GCM_16 = 20;
    static final int CAMELLIA_CBC = 23;
    static final int CAMELLIA_CTR = 24;
    static final int CAMELLIA_CCM_8 = 25;
    static final int CAMELLIA_CCM_12 = 26;
    static final int CAMELLIA_CCM_16 = 27;
    static final int CHACHA20_POLY1305 = 28;

    private Ikev2Ciphers() {
    }

    /** True for the transforms that carry their own integrity (the message then has no integrity transform). */
    static boolean isAead(int transformId) {
        return tagLength(transformId) > 0;
    }

    static int tagLength(int transformId) {
        return switch (transformId) {
            case AES_CCM_8, AES_GCM_8, CAMELLIA_CCM_8 -> 8;
            case AES_CCM_12, AES_GCM_12, CAMELLIA_CCM_12 -> 12;
            case AES_CCM_16, AES_GCM_16, CAMELLIA_CCM_16, CHACHA20_POLY1305 -> 16;
            default -> 0;
        };
    }

    /** Bytes of salt at the end of the key material. */
    static int saltLength(int transformId) {
        return switch (transformId) {
            case AES_CTR, CAMELLIA_CTR, AES_GCM_8, AES_GCM_12, AES_GCM_16, CHACHA20_POLY1305 -> 4;
            case AES_CCM_8, AES_CCM_12, AES_CCM_16, CAMELLIA_CCM_8, CAMELLIA_CCM_12, CAMELLIA_CCM_16 -> 3;
            default -> 0;
        };
    }

    /** The key length in bits implied by the transform, or by the key material when the transform has several. */
    static int keyBits(EncryptionSpec spec, int materialLength) {
        if (spec.keyBits() > 0) {
            return spec.keyBits();
        }
        return switch (spec.transformId()) {
            case DES -> 64;
            case TRIPLE_DES -> 192;
            case NULL -> 0;
            case CHACHA20_POLY1305 -> 256;
            case CAST, BLOWFISH -> 128; // RFC 2144 / Blowfish default when no Key Length attribute is sent
            default -> (materialLength - saltLength(spec.transformId())) * 8; // AES, Camellia: what was given
        };
    }

    /** "AES-GCM-256-16", "AES-CBC-128", "3DES"... as the contract spells algorithm names. */
    static String name(EncryptionSpec spec) {
        int id = spec.transformId();
        String bits = spec.keyBits() > 0 ? "-" + spec.keyBits() : "";
        return switch (id) {
            case DES -> "DES";
            case TRIPLE_DES -> "3DES";
            case CAST -> "CAST" + bits;
            case BLOWFISH -> "BLOWFISH" + bits;
            case NULL -> "NULL";
            case AES_CBC -> "AES-CBC" + bits;
            case AES_CTR -> "AES-CTR" + bits;
            case AES_CCM_8, AES_CCM_12, AES_CCM_16 -> "AES-CCM" + bits + "-" + tagLength(id);
            case AES_GCM_8, AES_GCM_12, AES_GCM_16 -> "AES-GCM" + bits + "-" + tagLength(id);
            case CAMELLIA_CBC -> "CAMELLIA-CBC" + bits;
            case CAMELLIA_CTR -> "CAMELLIA-CTR" + bits;
            case CAMELLIA_CCM_8, CAMELLIA_CCM_12, CAMELLIA_CCM_16 -> "CAMELLIA-CCM" + bits + "-" + tagLength(id);
            case CHACHA20_POLY1305 -> "CHACHA20-POLY1305";
            default -> "encryption transform " + id;
        };
    }

    /** The cipher for {@code spec} keyed with {@code material} (key followed by salt); checks the lengths. */
    static Ikev2Cipher create(EncryptionSpec spec, byte[] material) throws DecryptFailure {
        int id = spec.transformId();
        int salt = saltLength(id);
        int keyBits = keyBits(spec, material.length);
        String name = name(new EncryptionSpec(id, spec.keyBits() > 0 ? spec.keyBits() : variableLength(id) ? keyBits : 0));
        if (keyBits % 8 != 0 || keyBits < 0 || material.length != keyBits / 8 + salt) {
            throw new DecryptFailure(name + " needs " + (keyBits / 8 + salt) + " bytes of SK_e" + (salt > 0
                    ? " (" + keyBits / 8 + " of key and " + salt + " of salt)" : "") + ", the key source gives "
                    + material.length);
        }
        byte[] key = Arrays.copyOf(material, keyBits / 8);
        byte[] saltBytes = Arrays.copyOfRange(material, keyBits / 8, material.length);
        checkKeyLength(id, name, keyBits);
        return switch (id) {
            case NULL -> new NullCipher();
            case DES -> new CbcCipher(name, CbcDecryption.jdk("DES", key, 8));
            case TRIPLE_DES -> new CbcCipher(name, CbcDecryption.jdk("DESede", key, 8));
            case BLOWFISH -> new CbcCipher(name, CbcDecryption.jdk("Blowfish", key, 8));
            case AES_CBC -> new CbcCipher(name, CbcDecryption.jdk("AES", key, 16));
            case CAST -> new CbcCipher(name, CbcDecryption.bouncyCastle(new CAST5Engine(), key));
            case CAMELLIA_CBC -> new CbcCipher(name, CbcDecryption.bouncyCastle(new CamelliaEngine(), key));
            case AES_CTR -> new CounterModeCipher.Jdk(name, key, saltBytes);
            case CAMELLIA_CTR -> new CounterModeCipher.BouncyCastle(name, new CamelliaEngine(), key, saltBytes);
            case AES_GCM_12, AES_GCM_16 -> new AeadCipher.Jdk(name, "AES/GCM/NoPadding", "AES", key, saltBytes,
                    tagLength(id));
            case CHACHA20_POLY1305 -> new AeadCipher.Jdk(name, "ChaCha20-Poly1305", "ChaCha20", key, saltBytes, 16);
            // the JDK's GCM refuses tags shorter than 96 bits, and it has no CCM
            case AES_GCM_8 -> new AeadCipher.BouncyCastle(name, GCMBlockCipher.newInstance(AESEngine.newInstance()),
                    key, saltBytes, 8);
            case AES_CCM_8, AES_CCM_12, AES_CCM_16 -> new AeadCipher.BouncyCastle(name,
                    CCMBlockCipher.newInstance(AESEngine.newInstance()), key, saltBytes, tagLength(id));
            case CAMELLIA_CCM_8, CAMELLIA_CCM_12, CAMELLIA_CCM_16 -> new AeadCipher.BouncyCastle(name,
                    CCMBlockCipher.newInstance(new CamelliaEngine()), key, saltBytes, tagLength(id));
            default -> throw new DecryptFailure("encryption algorithm " + name + " is not supported");
        };
    }

    private static boolean variableLength(int id) {
        return id == AES_CBC || id == AES_CTR || (id >= AES_CCM_8 && id <= AES_GCM_16) || (id >= CAMELLIA_CBC
                && id <= CAMELLIA_CCM_16) || id == CAST || id == BLOWFISH;
    }

    private static void checkKeyLength(int id, String name, int keyBits) throws DecryptFailure {
        boolean ok = switch (id) {
            case NULL -> keyBits == 0;
            case DES -> keyBits == 64;
            case TRIPLE_DES -> keyBits == 192;
            case CHACHA20_POLY1305 -> keyBits == 256;
            case CAST -> keyBits >= 40 && keyBits <= 128;
            case BLOWFISH -> keyBits >= 40 && keyBits <= 448;
            default -> keyBits == 128 || keyBits == 192 || keyBits == 256;
        };
        if (!ok) {
            throw new DecryptFailure(name + " cannot use a " + keyBits + "-bit key");
        }
    }
}
