package io.ikescope.psk;

import java.util.Arrays;

/**
 * RFC 2409 section 5 key derivation for pre-shared key authentication: SKEYID = prf(PSK, Ni_b | Nr_b), then
 * SKEYID_d = prf(SKEYID, g^xy | CKY-I | CKY-R | 0), SKEYID_a = prf(SKEYID, SKEYID_d | g^xy | CKY-I | CKY-R | 1),
 * SKEYID_e = prf(SKEYID, SKEYID_a | g^xy | CKY-I | CKY-R | 2); the cipher key is SKEYID_e cut to the key length,
 * or, when SKEYID_e is shorter, expanded per appendix B: K1 = prf(SKEYID_e, 0), Kn+1 = prf(SKEYID_e, Kn),
 * Ka = K1 | K2 | ... cut to the key length.
 *
 * @param dhSecret g^xy as the peer logged it
 */
record Ikev1KeyDerivation(Prf prf, byte[] niB, byte[] nrB, byte[] ckyI, byte[] ckyR, byte[] dhSecret) {
    /** The keys one pre-shared key gives. */
    record Keys(byte[] skeyid, byte[] skeyidA, byte[] encryptionKey) {
    }

    byte[] skeyid(PskCandidate c) {
        return prf.apply(c.key(), niB, nrB);
    }

    Keys keys(PskCandidate c, int keyLength) {
        byte[] skeyid = skeyid(c);
        byte[] d = prf.apply(skeyid, dhSecret, ckyI, ckyR, new byte[] {0});
        byte[] a = prf.apply(skeyid, d, dhSecret, ckyI, ckyR, new byte[] {1});
        byte[] e = prf.apply(skeyid, a, dhSecret, ckyI, ckyR, new byte[] {2});
        return new Keys(skeyid, a, cipherKey(prf, e, keyLength));
    }

    static byte[] cipherKey(Prf prf, byte[] skeyidE, int keyLength) {
        if (skeyidE.length >= keyLength) {
            return Arrays.copyOf(skeyidE, keyLength);
        }
        byte[] out = new byte[0];
        byte[] block = new byte[] {0};
        while (out.length < keyLength) {
            block = prf.apply(skeyidE, block);
            out = RawPayloads.concat(out, block);
        }
        return Arrays.copyOf(out, keyLength);
    }
}
