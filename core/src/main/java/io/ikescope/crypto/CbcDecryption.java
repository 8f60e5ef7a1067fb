package io.ikescope.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.modes.CBCModeCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * One block cipher in CBC mode without padding, keyed once and reused for every message (IKEv1 bodies and
 * IKEv2 CBC payloads). The JDK serves AES, DES, 3DES and Blowfish; BouncyCastle only CAST-128 and Camellia.
 */
abstract class CbcDecryption {

    abstract int blockSize();

    /**
     * Decrypts {@code length} bytes (a multiple of the block size, checked by the caller) of {@code in} from
     * {@code offset} into a new array, with the IV at {@code iv[ivOffset, ivOffset+blockSize)}.
     */
    abstract byte[] decrypt(byte[] in, int offset, int length, byte[] iv, int ivOffset) throws DecryptFailure;

    static CbcDecryption jdk(String algorithm, byte[] key, int blockSize) throws DecryptFailure {
        try {
            return new Jdk(algorithm, key, blockSize);
        } catch (GeneralSecurityException e) {
            throw new DecryptFailure(algorithm + "-CBC unavailable: " + e.getMessage());
        }
    }

    static CbcDecryption bouncyCastle(BlockCipher engine, byte[] key) throws DecryptFailure {
        try {
            return new Bc(engine, key);
        } catch (IllegalArgumentException e) {
            throw new DecryptFailure(engine.getAlgorithmName() + " rejects the key: " + e.getMessage());
        }
    }

    private static final class Jdk extends CbcDecryption {
        private final Cipher cipher;
        private final SecretKeySpec key;
        private final int blockSize;

        Jdk(String algorithm, byte[] key, int blockSize) throws GeneralSecurityException {
            this.cipher = Cipher.getInstance(algorithm + "/CBC/NoPadding");
            this.key = new SecretKeySpec(key, algorithm);
            this.blockSize = blockSize;
            // fail now, not on the first message, when the JDK refuses the key
            cipher.init(Cipher.DECRYPT_MODE, this.key, new IvParameterSpec(new byte[blockSize]));
        }

        @Override
        int blockSize() {
            return blockSize;
        }

        @Override
        byte[] decrypt(byte[] in, int offset, int length, byte[] iv, int ivOffset) throws DecryptFailure {
            try {
                cipher.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(iv, ivOffset, blockSize));
                return cipher.doFinal(in, offset, length);
            } catch (GeneralSecurityException e) {
                throw new DecryptFailure("CBC decryption failed: " + e.getMessage());
            }
        }
    }

    private static final class Bc extends CbcDecryption {
        private final CBCModeCipher cbc;
        private final int blockSize;

        Bc(BlockCipher engine, byte[] key) {
            this.cbc = CBCBlockCipher.newInstance(engine);
            this.blockSize = engine.getBlockSize();
            cbc.init(false, new ParametersWithIV(new KeyParameter(key), new byte[blockSize]));
        }

        @Override
        int blockSize() {
            return blockSize;
        }

        @Override
        byte[] decrypt(byte[] in, int offset, int length, byte[] iv, int ivOffset) {
            cbc.init(false, new ParametersWithIV(null, iv, ivOffset, blockSize)); // null: keep the key schedule
            byte[] out = new byte[length];
            for (int pos = 0; pos < length; pos += blockSize) {
                cbc.processBlock(in, offset + pos, out, pos);
            }
            return out;
        }
    }
}
