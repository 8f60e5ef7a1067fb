package io.ikescope.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.modes.AEADBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The AEAD modes of IKEv2 (GCM and CCM RFC 5282, ChaCha20-Poly1305 RFC 7634): an 8-byte IV, the tag at
 * the end, the IKE header and SK payload header up to the IV as associated data, the nonce salt then IV.
 * Subclasses run the cipher.
 */
abstract class AeadCipher extends SaltedIvCipher {
    final int tag;

    AeadCipher(String name, byte[] salt, int tag) {
        super(name, salt);
        this.tag = tag;
    }

    @Override
    public final int tagLength() {
        return tag;
    }

    @Override
    public final byte[] decrypt(byte[] message, int ivOffset, int end) throws DecryptFailure {
        if (end - ivOffset < 8 + tag) {
            throw DecryptFailure.tooShort(name, end - ivOffset, 8 + tag);
        }
        return open(nonce(salt, message, ivOffset), message, ivOffset, end);
    }

    /** Verifies and decrypts {@code message[ivOffset + 8, end)} (tag last) with {@code message[0, ivOffset)} as AAD. */
    abstract byte[] open(byte[] nonce, byte[] message, int ivOffset, int end) throws DecryptFailure;

    DecryptFailure tagFailure() {
        return new DecryptFailure("integrity check failed: the " + name + " tag does not verify");
    }

    /** Nonce of the AEAD modes: salt from the key material, then the 8-byte IV of the payload. */
    private static byte[] nonce(byte[] salt, byte[] message, int ivOffset) {
        byte[] nonce = Arrays.copyOf(salt, salt.length + 8);
        System.arraycopy(message, ivOffset, nonce, salt.length, 8);
        return nonce;
    }

    /** AES-GCM with 12- or 16-byte tags and ChaCha20-Poly1305, by the JDK. */
    static final class Jdk extends AeadCipher {
        private final Cipher cipher;
        private final SecretKeySpec key;
        private final boolean gcm;

        Jdk(String name, String transformation, String keyAlgorithm, byte[] key, byte[] salt, int tag)
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

    /** AES-GCM with 8-byte tags and the CCM modes, by Bouncy Castle: the JDK refuses short GCM tags and has no CCM. */
    static final class BouncyCastle extends AeadCipher {
        private final AEADBlockCipher aead;
        private final KeyParameter key;

        BouncyCastle(String name, AEADBlockCipher aead, byte[] key, byte[] salt, int tag) {
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
