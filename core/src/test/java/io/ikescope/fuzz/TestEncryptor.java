package io.ikescope.fuzz;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds encrypted IKE messages from chosen plaintext with real keys, the way a peer would, with the JDK's
 * ciphers (independent of the decryptor under test): IKEv2 SK payloads (RFC 7296 3.14) with AES-CBC and an
 * HMAC-SHA1/SHA2 checksum, AES-GCM (RFC 5282) or ChaCha20-Poly1305 (RFC 7634); IKEv1 bodies in CBC mode
 * (AES or 3DES) from a given IV (RFC 2409 appendix B). Test code only: it lets a fuzzer choose what the decryptor
 * decodes after it has verified and decrypted a message.
 */
final class TestEncryptor {
    private TestEncryptor() {
    }

    /** An IKEv2 suite this encryptor speaks, by IKEv2 transform IDs. */
    record Ikev2Suite(int encryptionId, int keyBits, int integrityId) {
        /** Null unless every transform is one this class implements. */
        static Ikev2Suite supported(int encryptionId, int keyBits, int integrityId) {
            boolean cipher = switch (encryptionId) {
                case 12 -> keyBits == 128 || keyBits == 192 || keyBits == 256;            // AES-CBC
                case 19, 20 -> keyBits == 128 || keyBits == 192 || keyBits == 256;        // AES-GCM 12/16 (the JDK has no 8-byte tags)
                case 28 -> true;                                                            // ChaCha20-Poly1305
                default -> false;
            };
            boolean aead = encryptionId != 12;
            boolean integrity = aead ? integrityId == 0 : icvLength(integrityId) > 0;
            return cipher && integrity ? new Ikev2Suite(encryptionId, keyBits, integrityId) : null;
        }

        boolean aead() {
            return encryptionId != 12;
        }

        int ivLength() {
            return aead() ? 8 : 16;
        }

        int tagLength() {
            return switch (encryptionId) {
                case 19 -> 12;
                case 20, 28 -> 16;
                default -> 0;
            };
        }

        int blockSize() {
            return encryptionId == 12 ? 16 : 1;
        }
    }

    /** ICV bytes of the HMAC integrity transforms implemented here, else -1. */
    static int icvLength(int integrityId) {
        return switch (integrityId) {
            case 2 -> 12;   // HMAC_SHA1_96
            case 12 -> 16;  // HMAC_SHA2_256_128
            case 13 -> 24;  // HMAC_SHA2_384_192
            case 14 -> 32;  // HMAC_SHA2_512_256
            default -> -1;
        };
    }

    private static String hmac(int integrityId) {
        return switch (integrityId) {
            case 2 -> "HmacSHA1";
            case 12 -> "HmacSHA256";
            case 13 -> "HmacSHA384";
            case 14 -> "HmacSHA512";
            default -> throw new IllegalArgumentException("integrity " + integrityId);
        };
    }

    /**
     * An IKEv2 message: {@code header} (28 bytes, copied; its next payload becomes SK and its length is set),
     * then one SK payload whose inner chain starts with {@code innerType} and holds {@code plaintext} followed
     * by {@code extraPad} more padding bytes than the cipher needs.
     */
    static byte[] ikev2(byte[] header, Ikev2Suite suite, byte[] skE, byte[] skA, int innerType, byte[] plaintext,
                        int extraPad, byte[] iv) throws GeneralSecurityException {
        int bs = suite.blockSize();
        int pad = (bs - (plaintext.length + 1) % bs) % bs + extraPad * bs;
        byte[] plain = Arrays.copyOf(plaintext, plaintext.length + pad + 1);
        plain[plain.length - 1] = (byte) pad;
        int icv = suite.aead() ? suite.tagLength() : icvLength(suite.integrityId());
        int skLength = 4 + suite.ivLength() + plain.length + icv;
        byte[] m = new byte[28 + skLength];
        System.arraycopy(header, 0, m, 0, 28);
        m[16] = 46;
        putU32(m, 24, m.length);
        m[28] = (byte) innerType;
        m[30] = (byte) (skLength >> 8);
        m[31] = (byte) skLength;
        byte[] ivBytes = Arrays.copyOf(iv, suite.ivLength());
        System.arraycopy(ivBytes, 0, m, 32, ivBytes.length);
        int cipherAt = 32 + ivBytes.length;
        byte[] sealed = ikev2Cipher(Cipher.ENCRYPT_MODE, suite, skE, ivBytes, m).doFinal(plain);
        System.arraycopy(sealed, 0, m, cipherAt, sealed.length);
        if (!suite.aead()) {
            Mac mac = Mac.getInstance(hmac(suite.integrityId()));
            mac.init(new SecretKeySpec(skA, mac.getAlgorithm()));
            mac.update(m, 0, m.length - icv);
            System.arraycopy(mac.doFinal(), 0, m, m.length - icv, icv);
        }
        return m;
    }

    /**
     * The plaintext of an IKEv2 message's leading SK payload (what {@link #ikev2} encrypted), padding removed;
     * the checksum is not checked (the seeds come from messages the decryptor accepted).
     */
    static byte[] ikev2Plaintext(byte[] m, Ikev2Suite suite, byte[] skE) throws GeneralSecurityException {
        int skLength = ((m[30] & 0xff) << 8) | (m[31] & 0xff);
        int icv = suite.aead() ? 0 : icvLength(suite.integrityId());
        int cipherAt = 32 + suite.ivLength();
        int end = 28 + skLength - icv;
        byte[] iv = Arrays.copyOfRange(m, 32, cipherAt);
        byte[] plain = ikev2Cipher(Cipher.DECRYPT_MODE, suite, skE, iv, m).doFinal(m, cipherAt, end - cipherAt);
        int pad = plain[plain.length - 1] & 0xff;
        return Arrays.copyOf(plain, Math.max(0, plain.length - pad - 1));
    }

    /**
     * The JDK cipher of an IKEv2 suite, set up for {@code mode} with the message's IV: AES-CBC keyed with SK_e, or an
     * AEAD (AES-GCM, ChaCha20-Poly1305) keyed with SK_e less its 4-byte salt, the nonce being salt then IV (RFC 5282,
     * RFC 7634), and {@code message}'s IKE header and SK payload header (its first 32 bytes) the associated data.
     */
    private static Cipher ikev2Cipher(int mode, Ikev2Suite suite, byte[] skE, byte[] iv, byte[] message)
            throws GeneralSecurityException {
        if (!suite.aead()) {
            Cipher c = Cipher.getInstance("AES/CBC/NoPadding");
            c.init(mode, new SecretKeySpec(skE, "AES"), new IvParameterSpec(iv));
            return c;
        }
        int keyLength = skE.length - 4;
        byte[] nonce = new byte[12];
        System.arraycopy(skE, keyLength, nonce, 0, 4);
        System.arraycopy(iv, 0, nonce, 4, 8);
        if (suite.encryptionId() == 28) {
            Cipher c = Cipher.getInstance("ChaCha20-Poly1305");
            c.init(mode, new SecretKeySpec(skE, 0, keyLength, "ChaCha20"), new IvParameterSpec(nonce));
            c.updateAAD(message, 0, 32);
            return c;
        }
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, new SecretKeySpec(skE, 0, keyLength, "AES"), new GCMParameterSpec(suite.tagLength() * 8, nonce));
        c.updateAAD(message, 0, 32);
        return c;
    }

    /** An IKEv1 encrypted body decrypted from {@code iv}, padding included. */
    static byte[] ikev1Plaintext(byte[] body, Ikev1Cipher cipher, byte[] key, byte[] iv) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance(cipher.transformation);
        c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, cipher.keyAlgorithm), new IvParameterSpec(iv, 0, cipher.blockSize));
        return c.doFinal(body);
    }

    /** The IKEv1 CBC ciphers: AES for 16-, 24- and 32-byte keys, 3DES for 24-byte keys. */
    enum Ikev1Cipher {
        AES("AES/CBC/NoPadding", "AES", 16),
        TRIPLE_DES("DESede/CBC/NoPadding", "DESede", 8);

        final String transformation;
        final String keyAlgorithm;
        final int blockSize;

        Ikev1Cipher(String transformation, String keyAlgorithm, int blockSize) {
            this.transformation = transformation;
            this.keyAlgorithm = keyAlgorithm;
            this.blockSize = blockSize;
        }

        boolean takesKey(int length) {
            return this == AES ? length == 16 || length == 24 || length == 32 : length == 24;
        }
    }

    /**
     * An IKEv1 message: {@code header} (copied; first payload {@code firstPayload}, the encryption flag set, the
     * length set) and {@code plaintext} padded to the block (zeros, or RFC 2409's count in the last byte) and
     * encrypted from {@code iv}.
     */
    static byte[] ikev1(byte[] header, Ikev1Cipher cipher, byte[] key, byte[] iv, int firstPayload, byte[] plaintext,
                        boolean countPadding) throws GeneralSecurityException {
        int bs = cipher.blockSize;
        int pad = (bs - plaintext.length % bs) % bs;
        if (countPadding && pad == 0) {
            pad = bs;
        }
        byte[] plain = Arrays.copyOf(plaintext, plaintext.length + pad);
        if (countPadding) {
            plain[plain.length - 1] = (byte) (pad - 1);
        }
        Cipher c = Cipher.getInstance(cipher.transformation);
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, cipher.keyAlgorithm), new IvParameterSpec(iv, 0, bs));
        byte[] sealed = c.doFinal(plain);
        byte[] m = new byte[28 + sealed.length];
        System.arraycopy(header, 0, m, 0, 28);
        m[16] = (byte) firstPayload;
        m[19] |= 0x01;
        putU32(m, 24, m.length);
        System.arraycopy(sealed, 0, m, 28, sealed.length);
        return m;
    }

    private static void putU32(byte[] b, int at, long value) {
        b[at] = (byte) (value >>> 24);
        b[at + 1] = (byte) (value >>> 16);
        b[at + 2] = (byte) (value >>> 8);
        b[at + 3] = (byte) value;
    }
}
