package io.ikescope.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.modes.SICBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * Counter mode as IKEv2 uses it (RFC 5930, RFC 5529): an 8-byte IV before the ciphertext, no padding, no tag;
 * the counter block is salt, IV and a block counter starting at 1. Subclasses run the keystream.
 */
abstract class CounterModeCipher extends SaltedIvCipher {

    CounterModeCipher(String name, byte[] salt) {
        super(name, salt);
    }

    @Override
    public final int tagLength() {
        return 0;
    }

    @Override
    public final byte[] decrypt(byte[] message, int ivOffset, int end) throws DecryptFailure {
        if (end - ivOffset < 8) {
            throw DecryptFailure.tooShort(name, end - ivOffset, 8);
        }
        return keystream(counterBlock(salt, message, ivOffset), message, ivOffset + 8, end - ivOffset - 8);
    }

    abstract byte[] keystream(byte[] counterBlock, byte[] data, int offset, int length) throws DecryptFailure;

    /** Counter block (RFC 5930 / 5529): 4-byte nonce from the key material, the 8-byte IV, a 32-bit counter from 1. */
    private static byte[] counterBlock(byte[] salt, byte[] message, int ivOffset) {
        byte[] block = new byte[16];
        System.arraycopy(salt, 0, block, 0, 4);
        System.arraycopy(message, ivOffset, block, 4, 8);
        block[15] = 1;
        return block;
    }

    /** AES-CTR by the JDK. */
    static final class Jdk extends CounterModeCipher {
        private final Cipher cipher;
        private final SecretKeySpec key;

        Jdk(String name, byte[] key, byte[] salt) throws DecryptFailure {
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

    /** Camellia-CTR by Bouncy Castle (the JDK has no Camellia). */
    static final class BouncyCastle extends CounterModeCipher {
        private final SICBlockCipher ctr;
        private final KeyParameter key;

        BouncyCastle(String name, BlockCipher engine, byte[] key, byte[] salt) {
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
}
