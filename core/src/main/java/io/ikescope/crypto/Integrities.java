package io.ikescope.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.CMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * IKEv2 integrity transforms (IANA Transform Type 3) that the decryptor can check: the HMACs from the JDK,
 * AES-XCBC-96 (own code, RFC 3566) and AES-CMAC-96 (BouncyCastle, RFC 4494), plus "no checking".
 */
final class Integrities {
    static final int NONE = 0;
    static final int HMAC_MD5_96 = 1;
    static final int HMAC_SHA1_96 = 2;
    static final int AES_XCBC_96 = 5;
    static final int HMAC_MD5_128 = 6;
    static final int HMAC_SHA1_160 = 7;
    static final int AES_CMAC_96 = 8;
    static final int HMAC_SHA2_256_128 = 12;
    static final int HMAC_SHA2_384_192 = 13;
    static final int HMAC_SHA2_512_256 = 14;

    private Integrities() {
    }

    /** The ICV length of a transform ID, or -1 when it is not one the decryptor knows. */
    static int icvLength(int transformId) {
        return switch (transformId) {
            case NONE -> 0;
            case HMAC_MD5_96, HMAC_SHA1_96, AES_XCBC_96, AES_CMAC_96 -> 12;
            case HMAC_MD5_128, HMAC_SHA2_256_128 -> 16;
            case HMAC_SHA1_160 -> 20;
            case HMAC_SHA2_384_192 -> 24;
            case HMAC_SHA2_512_256 -> 32;
            default -> -1;
        };
    }

    /** The readable name of a transform ID, as IANA spells it with dashes. */
    static String name(int transformId) {
        return switch (transformId) {
            case NONE -> "NONE";
            case HMAC_MD5_96 -> "HMAC-MD5-96";
            case HMAC_SHA1_96 -> "HMAC-SHA1-96";
            case AES_XCBC_96 -> "AES-XCBC-96";
            case HMAC_MD5_128 -> "HMAC-MD5-128";
            case HMAC_SHA1_160 -> "HMAC-SHA1-160";
            case AES_CMAC_96 -> "AES-CMAC-96";
            case HMAC_SHA2_256_128 -> "HMAC-SHA2-256-128";
            case HMAC_SHA2_384_192 -> "HMAC-SHA2-384-192";
            case HMAC_SHA2_512_256 -> "HMAC-SHA2-512-256";
            default -> "integrity transform " + transformId;
        };
    }

    /** The integrity check for {@code spec} keyed with {@code key}; null for NONE (AEAD ciphers carry their own). */
    static Integrity create(IntegritySpec spec, byte[] key) throws DecryptFailure {
        if (!spec.verify()) {
            if (spec.icvBytes() < 0 || spec.icvBytes() > 64) {
                throw new DecryptFailure("unchecked integrity with an ICV of " + spec.icvBytes() + " bytes");
            }
            return new Unchecked(spec.icvBytes());
        }
        int id = spec.transformId();
        if (id == NONE) {
            return null;
        }
        try {
            return switch (id) {
                case HMAC_MD5_96, HMAC_MD5_128 -> new Hmac(name(id), "HmacMD5", key, icvLength(id));
                case HMAC_SHA1_96, HMAC_SHA1_160 -> new Hmac(name(id), "HmacSHA1", key, icvLength(id));
                case HMAC_SHA2_256_128 -> new Hmac(name(id), "HmacSHA256", key, 16);
                case HMAC_SHA2_384_192 -> new Hmac(name(id), "HmacSHA384", key, 24);
                case HMAC_SHA2_512_256 -> new Hmac(name(id), "HmacSHA512", key, 32);
                case AES_XCBC_96 -> new Xcbc96(requireLength(id, key, 16));
                case AES_CMAC_96 -> new Cmac96(requireLength(id, key, 16));
                default -> throw new DecryptFailure("integrity algorithm " + name(id) + " is not supported");
            };
        } catch (GeneralSecurityException e) {
            throw new DecryptFailure(name(id) + " unavailable: " + e.getMessage());
        }
    }

    private static byte[] requireLength(int id, byte[] key, int length) throws DecryptFailure {
        if (key.length != length) {
            throw new DecryptFailure(name(id) + " needs a " + length + "-byte key, SK_a has " + key.length);
        }
        return key;
    }

    /** Compares in constant time (no early exit), as a check of a secret-derived value should. */
    private static boolean same(byte[] computed, byte[] data, int offset, int length) {
        int diff = 0;
        for (int i = 0; i < length; i++) {
            diff |= computed[i] ^ data[offset + i];
        }
        return diff == 0;
    }

    private static final class Hmac implements Integrity {
        private final String name;
        private final Mac mac;
        private final int icv;
        private final byte[] out;

        Hmac(String name, String jdkName, byte[] key, int icv) throws GeneralSecurityException, DecryptFailure {
            if (key.length == 0) {
                throw new DecryptFailure(name + " needs a key, SK_a is empty");
            }
            this.name = name;
            this.mac = Mac.getInstance(jdkName);
            this.mac.init(new SecretKeySpec(key, jdkName));
            this.icv = icv;
            this.out = new byte[mac.getMacLength()];
        }

        @Override
        public int icvLength() {
            return icv;
        }

        @Override
        public boolean checks() {
            return true;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public boolean verify(byte[] data, int icvOffset) {
            mac.update(data, 0, icvOffset);
            try {
                mac.doFinal(out, 0);
            } catch (javax.crypto.ShortBufferException e) {
                throw new IllegalStateException(e);
            }
            return same(out, data, icvOffset, icv);
        }
    }

    /** The AES-based MACs: a 16-byte tag of which the first 12 bytes are the ICV. */
    private abstract static class Aes96 implements Integrity {
        private final int id;
        private final byte[] out = new byte[16];

        Aes96(int id) {
            this.id = id;
        }

        /** Writes the 16-byte tag of {@code data[0, length)} into {@code out}. */
        abstract void mac(byte[] data, int length, byte[] out);

        @Override
        public final int icvLength() {
            return 12;
        }

        @Override
        public final boolean checks() {
            return true;
        }

        @Override
        public final String name() {
            return Integrities.name(id);
        }

        @Override
        public final boolean verify(byte[] data, int icvOffset) {
            mac(data, icvOffset, out);
            return same(out, data, icvOffset, 12);
        }
    }

    private static final class Xcbc96 extends Aes96 {
        private final AesXcbc xcbc;

        Xcbc96(byte[] key) throws GeneralSecurityException {
            super(AES_XCBC_96);
            xcbc = new AesXcbc(key);
        }

        @Override
        void mac(byte[] data, int length, byte[] out) {
            try {
                xcbc.mac(data, 0, length, out);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final class Cmac96 extends Aes96 {
        private final CMac cmac = new CMac(AESEngine.newInstance());

        Cmac96(byte[] key) {
            super(AES_CMAC_96);
            cmac.init(new KeyParameter(key));
        }

        @Override
        void mac(byte[] data, int length, byte[] out) {
            cmac.update(data, 0, length);
            cmac.doFinal(out, 0);
        }
    }

    /** A key source's "ANY n-bits of Authentication [No Checking]": the ICV's length is known, its value is not checked. */
    private record Unchecked(int icvLength) implements Integrity {
        @Override
        public boolean checks() {
            return false;
        }

        @Override
        public String name() {
            return "any " + (icvLength * 8) + "-bit ICV (not checked)";
        }

        @Override
        public boolean verify(byte[] data, int icvOffset) {
            return true;
        }
    }
}
