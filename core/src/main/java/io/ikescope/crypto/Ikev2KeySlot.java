package io.ikescope.crypto;

import io.ikescope.wire.Bytes;

/**
 * One IKEv2 key set of the key ring with its ciphers and integrity checks, built once per direction for the
 * algorithms in use and reused for every message.
 */
final class Ikev2KeySlot {
    /** Cipher and integrity for one direction; integrity null with AEAD (or NONE). */
    record Crypto(Ikev2Cipher cipher, Integrity integrity) {
    }

    final Ikev2Keys keys;
    private final Crypto[] crypto = new Crypto[2];
    private final EncryptionSpec[] builtFor = new EncryptionSpec[2];
    private final IntegritySpec[] builtWith = new IntegritySpec[2];

    Ikev2KeySlot(Ikev2Keys keys) {
        this.keys = keys;
    }

    /** True when the key set names both SPIs: it belongs to that SA without any trial. */
    boolean hasSpis() {
        return keys.spiI() != null && keys.spiR() != null;
    }

    /** True when every SPI the key set names equals the SA's. */
    boolean fits(SpiPair pair) {
        return (keys.spiI() == null || keys.spiI().equals(pair.spiI()))
                && (keys.spiR() == null || keys.spiR().equals(pair.spiR()));
    }

    String origin() {
        return keys.origin();
    }

    /**
     * The cipher and integrity check for messages sent by the original initiator (SK_ei/SK_ai) or the responder
     * (SK_er/SK_ar), with the key source's algorithms where it names them, else {@code negotiatedEncryption}
     * and {@code negotiatedIntegrity} (either may be null when the capture did not show them).
     */
    Crypto crypto(boolean fromInitiator, EncryptionSpec negotiatedEncryption, IntegritySpec negotiatedIntegrity)
            throws DecryptFailure {
        EncryptionSpec encryption = keys.encryption() != null ? keys.encryption() : negotiatedEncryption;
        if (encryption == null) {
            throw new DecryptFailure("encryption algorithm unknown: the key source names none and the capture holds"
                    + " no IKE_SA_INIT (or rekeying CREATE_CHILD_SA) response for this SA");
        }
        boolean aead = Ikev2Ciphers.isAead(encryption.transformId());
        IntegritySpec integrity = keys.integrity() != null ? keys.integrity() : negotiatedIntegrity;
        if (integrity == null) {
            if (!aead) {
                throw new DecryptFailure("integrity algorithm unknown: the key source names none and the capture"
                        + " holds no IKE_SA_INIT (or rekeying CREATE_CHILD_SA) response for this SA");
            }
            integrity = new IntegritySpec(Integrities.NONE, 0, true);
        }
        int d = fromInitiator ? 0 : 1;
        if (crypto[d] != null && encryption.equals(builtFor[d]) && integrity.equals(builtWith[d])) {
            return crypto[d];
        }
        if (aead && integrity.verify() && integrity.transformId() != Integrities.NONE) {
            throw new DecryptFailure(Ikev2Ciphers.name(encryption) + " is an AEAD cipher and takes no integrity"
                    + " transform, but " + Integrities.name(integrity.transformId()) + " is given");
        }
        String side = fromInitiator ? "i" : "r";
        Bytes encryptionKey = fromInitiator ? keys.skEi() : keys.skEr();
        if (encryptionKey == null) {
            throw new DecryptFailure("the key source has no SK_e" + side);
        }
        Ikev2Cipher cipher = Ikev2Ciphers.create(encryption, encryptionKey.toArray());
        Integrity check = null;
        if (!integrity.verify() || integrity.transformId() != Integrities.NONE) {
            Bytes integrityKey = fromInitiator ? keys.skAi() : keys.skAr();
            if (integrityKey == null && integrity.verify()) {
                throw new DecryptFailure("the key source has no SK_a" + side);
            }
            check = Integrities.create(integrity, integrityKey == null ? new byte[0] : integrityKey.toArray());
        }
        crypto[d] = new Crypto(cipher, check);
        builtFor[d] = encryption;
        builtWith[d] = integrity;
        return crypto[d];
    }
}
