package io.ikescope.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.CAST5Engine;
import org.bouncycastle.crypto.engines.CamelliaEngine;
import org.bouncycastle.crypto.modes.AEADBlockCipher;
import org.bouncycastle.crypto.modes.CCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.SICBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * IKEv2 encryption transforms (IANA Transform Type 1) the decryptor supports, built from an
 * {@link EncryptionSpec} and the SK_e key material. Key material of counter and AEAD modes ends with the salt
 * (nonce prefix): 4 bytes for CTR (RFC 5930), GCM (RFC 5282/4106) and ChaCha20-Poly1305 (RFC 7634), 3 bytes for
 * CCM (RFC 5282/4309).
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
            case DES -> new Cbc(name, CbcDecryption.jdk("DES", key, 8));
            case TRIPLE_DES -> new Cbc(name, CbcDecryption.jdk("DESede", key, 8));
            case BLOWFISH -> new Cbc(name, CbcDecryption.jdk("Blowfish", key, 8));
            case AES_CBC -> new Cbc(name, CbcDecryption.jdk("AES", key, 16));
            case CAST -> new Cbc(name, CbcDecryption.bouncyCastle(new CAST5Engine(), key));
            case CAMELLIA_CBC -> new Cbc(name, CbcDecryption.bouncyCastle(new CamelliaEngine(), key));
            case AES_CTR -> new JdkCtr(name, key, saltBytes);
            case CAMELLIA_CTR -> new BcCtr(name, new CamelliaEngine(), key, saltBytes);
            case AES_GCM_12, AES_GCM_16 -> new JdkAead(name, "AES/GCM/NoPadding", "AES", key, saltBytes, tagLength(id));
            case CHACHA20_POLY1305 -> new JdkAead(name, "ChaCha20-Poly1305", "ChaCha20", key, saltBytes, 16);
            // the JDK's GCM refuses tags shorter than 96 bits, and it has no CCM
            case AES_GCM_8 -> new BcAead(name, GCMBlockCipher.newInstance(AESEngine.newInstance()), key, saltBytes, 8);
            case AES_CCM_8, AES_CCM_12, AES_CCM_16 ->
                    new BcAead(name, CCMBlockCipher.newInstance(AESEngine.newInstance()), key, saltBytes, tagLength(id));
            case CAMELLIA_CCM_8, CAMELLIA_CCM_12, CAMELLIA_CCM_16 ->
                    new BcAead(name, CCMBlockCipher.newInstance(new CamelliaEngine()), key, saltBytes, tagLength(id));
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

    private static DecryptFailure tooShort(String name, int have, int need) {
        return new DecryptFailure(name + ": the encrypted data is " + have + " bytes, shorter than the " + need
                + " bytes of IV and ICV");
    }

    private static final class NullCipher implements Ikev2Cipher {
        @Override
        public String name() {
            return "NULL";
        }

        @Override
        public int ivLength() {
            return 0;
        }

        @Override
        public int tagLength() {
            return 0;
        }

        @Override
        public int blockSize() {
            return 1;
        }

        @Override
        public byte[] decrypt(byte[] message, int ivOffset, int end) {
            return Arrays.copyOfRange(message, ivOffset, end);
        }
    }

    private record Cbc(String name, CbcDecryption cbc) implements Ikev2Cipher {
        @Override
        public int ivLength() {
            return cbc.blockSize();
        }

        @Override
        public int tagLength() {
            return 0;
        }

        @Override
        public int blockSize() {
            return cbc.blockSize();
        }

        @Override
        public byte[] decrypt(byte[] message, int ivOffset, int end) throws DecryptFailure {
            int bs = cbc.blockSize();
            int length = end - ivOffset - bs;
            if (length < bs || length % bs != 0) {
                throw new DecryptFailure(name + ": " + Math.max(length, 0) + " bytes of ciphertext after the IV, not"
                        + " a positive multiple of the " + bs + "-byte block");
            }
            return cbc.decrypt(message, ivOffset + bs, length, message, ivOffset);
        }
    }

    /** Counter block (RFC 5930 / 5529): 4-byte nonce from the key material, the 8-byte IV, a 32-bit counter from 1. */
    private static byte[] counterBlock(byte[] salt, byte[] message, int ivOffset) {
        byte[] block = new byte[16];
        System.arraycopy(salt, 0, block, 0, 4);
        System.arraycopy(message, ivOffset, block, 4, 8);
        block[15] = 1;
        return block;
    }

    /**
     * Counter mode as IKEv2 uses it (RFC 5930, RFC 5529): an 8-byte IV before the ciphertext, no padding, no tag;
     * the counter block is salt, IV and a block counter starting at 1. Subclasses run the keystream.
     */
    private abstract static class CounterMode implements Ikev2Cipher {
        private final String name;
        private final byte[] salt;

        CounterMode(String name, byte[] salt) {
            this.name = name;
            this.salt = salt;
        }

        @Override
        public final String name() {
            return name;
        }

        @Override
        public final int ivLength() {
            return 8;
        }

        @Override
        public final int tagLength() {
            return 0;
        }

        @Override
        public final int blockSize() {
            return 1;
        }

        @Override
        public final byte[] decrypt(byte[] message, int ivOffset, int end) throws DecryptFailure {
            if (end - ivOffset < 8) {
                throw tooShort(name, end - ivOffset, 8);
            }
            return keystream(counterBlock(salt, message, ivOffset), message, ivOffset + 8, end - ivOffset - 8);
        }

        abstract byte[] keystream(byte[] counterBlock, byte[] data, int offset, int length) throws DecryptFailure;
    }

    private static final class JdkCtr extends CounterMode {
        private final Cipher cipher;
        private final SecretKeySpec key;

        JdkCtr(String name, byte[] key, byte[] salt) throws DecryptFailure {
            super(name, salt);
            this.key = new SecretKeySpec(key, "AES");
            try {
                this.cipher = Cipher.getInstance("AES/CTR/NoPadding");
            } catch (GeneralSecurityException e) {
                throw new DecryptFailure("AES-CTR unavailable: " + e.getMessage());
            }
        }

        @Override
        byte[] keystream(byte[] counterBlock, byte[] data, int offset, int length) throws DecryptFailure {
            try {
                cipher.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(counterBlock));
                return cipher.doFinal(data, offset, length);
            } catch (GeneralSecurityException e) {
                throw new DecryptFailure(name() + " decryption failed: " + e.getMessage());
            }
        }
    }

    private static final class BcCtr extends CounterMode {
        private final SICBlockCipher ctr;
        private final KeyParameter key;

        BcCtr(String name, BlockCipher engine, byte[] key, byte[] salt) {
            super(name, salt);
            this.ctr = (SICBlockCipher) SICBlockCipher.newInstance(engine);
            this.key = new KeyParameter(key);
        }

        @Override
        byte[] keystream(byte[] counterBlock, byte[] data, int offset, int length) {
            ctr.init(false, new ParametersWithIV(key, counterBlock));
            byte[] out = new byte[length];
            ctr.processBytes(data, offset, length, out, 0);
            return out;
        }
    }

    /** Nonce of the AEAD modes: salt from the key material, then the 8-byte IV of the payload. */
    private static byte[] nonce(byte[] salt, byte[] message, int ivOffset) {
        byte[] nonce = Arrays.copyOf(salt, salt.length + 8);
        System.arraycopy(message, ivOffset, nonce, salt.length, 8);
        return nonce;
    }

    /**
     * The AEAD modes of IKEv2 (GCM and CCM RFC 5282, ChaCha20-Poly1305 RFC 7634): an 8-byte IV, the tag at
     * the end, the IKE header and SK payload header up to the IV as associated data, the nonce salt then IV.
     * Subclasses run the cipher.
     */
    private abstract static class Aead implements Ikev2Cipher {
        final String name;
        private final byte[] salt;
        final int tag;

        Aead(String name, byte[] salt, int tag) {
            this.name = name;
            this.salt = salt;
            this.tag = tag;
        }

        @Override
        public final String name() {
            return name;
        }

        @Override
        public final int ivLength() {
            return 8;
        }

        @Override
        public final int tagLength() {
            return tag;
        }

        @Override
        public final int blockSize() {
            return 1;
        }

        @Override
        public final byte[] decrypt(byte[] message, int ivOffset, int end) throws DecryptFailure {
            if (end - ivOffset < 8 + tag) {
                throw tooShort(name, end - ivOffset, 8 + tag);
            }
            return open(nonce(salt, message, ivOffset), message, ivOffset, end);
        }

        /** Verifies and decrypts {@code message[ivOffset + 8, end)} (tag last) with {@code message[0, ivOffset)} as AAD. */
        abstract byte[] open(byte[] nonce, byte[] message, int ivOffset, int end) throws DecryptFailure;

        DecryptFailure tagFailure() {
            return new DecryptFailure("integrity check failed: the " + name + " tag does not verify");
        }
    }

    private static final class JdkAead extends Aead {
        private final Cipher cipher;
        private final SecretKeySpec key;
        private final boolean gcm;

        JdkAead(String name, String transformation, String keyAlgorithm, byte[] key, byte[] salt, int tag)
                throws DecryptFailure {
            super(name, salt, tag);
            this.key = new SecretKeySpec(key, keyAlgorithm);
            this.gcm = transformation.startsWith("AES/GCM");
            try {
                this.cipher = Cipher.getInstance(transformation);
            } catch (GeneralSecurityException e) {
                throw new DecryptFailure(name + " unavailable: " + e.getMessage());
            }
        }

        @Override
        byte[] open(byte[] nonce, byte[] message, int ivOffset, int end) throws DecryptFailure {
            try {
                cipher.init(Cipher.DECRYPT_MODE, key, gcm ? new GCMParameterSpec(tag * 8, nonce)
                        : new IvParameterSpec(nonce));
                cipher.updateAAD(message, 0, ivOffset);
                return cipher.doFinal(message, ivOffset + 8, end - ivOffset - 8);
            } catch (AEADBadTagException e) {
                throw tagFailure();
            } catch (GeneralSecurityException e) {
                throw new DecryptFailure(name + " decryption failed: " + e.getMessage());
            }
        }
    }

    private static final class BcAead extends Aead {
        private final AEADBlockCipher aead;
        private final KeyParameter key;

        BcAead(String name, AEADBlockCipher aead, byte[] key, byte[] salt, int tag) {
            super(name, salt, tag);
            this.aead = aead;
            this.key = new KeyParameter(key);
        }

        @Override
        byte[] open(byte[] nonce, byte[] message, int ivOffset, int end) throws DecryptFailure {
            aead.init(false, new AEADParameters(key, tag * 8, nonce));
            aead.processAADBytes(message, 0, ivOffset);
            int inLength = end - ivOffset - 8;
            byte[] out = new byte[inLength - tag];
            try {
                int n = aead.processBytes(message, ivOffset + 8, inLength, out, 0);
                aead.doFinal(out, n);
            } catch (InvalidCipherTextException e) {
                throw tagFailure();
            } catch (IllegalStateException | org.bouncycastle.crypto.DataLengthException e) {
                throw new DecryptFailure(name + " decryption failed: " + e.getMessage());
            }
            return out;
        }
    }
}
