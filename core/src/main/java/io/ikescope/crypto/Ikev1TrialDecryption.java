package io.ikescope.crypto;

import io.ikescope.wire.Payload;
import io.ikescope.wire.Transform;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decrypts one IKEv1 SA's encrypted messages with cipher keys under test, for a pre-shared key check that derives
 * a key per candidate: the IVs come from {@link Ikev1IvChain} fed with the SA's distinct encrypted messages in
 * capture order (they depend on ciphertext only), the cipher from {@link Ikev1Suite}, and a plaintext counts only
 * when it passes {@link Ikev1Decryption#validate}'s well-formedness checks.
 */
public final class Ikev1TrialDecryption {
    private final Ikev1Suite suite;
    private final Ikev1IvChain chain = new Ikev1IvChain();

    /** A decrypted body: the plaintext (payload offsets count from its start) and its payload chain. */
    public record Opened(byte[] plaintext, List<Payload> payloads) {
    }

    private Ikev1TrialDecryption(Ikev1Suite suite, byte[] gxi, byte[] gxr) {
        this.suite = suite;
        chain.keyExchange(true, gxi);
        chain.keyExchange(false, gxr);
    }

    /**
     * For the SA whose responder chose {@code chosen} (MM2's transform), with the KE values of MM3 (g^xi) and MM4
     * (g^xr); null when the transform names no supported encryption or hash algorithm.
     */
    public static Ikev1TrialDecryption of(Transform chosen, byte[] gxi, byte[] gxr) {
        Ikev1Suite suite = Ikev1Suite.of(chosen);
        if (suite == null || suite.hashLength() < 0 || suite.keyBits() % 8 != 0 || suite.keyBits() == 0) {
            return null;
        }
        return new Ikev1TrialDecryption(suite, gxi, gxr);
    }

    /** The cipher key length in bytes (what SKEYID_e is cut or expanded to). */
    public int keyLength() {
        return suite.keyBits() / 8;
    }

    /** The cipher and hash, e.g. "AES-CBC-256 with SHA2-256". */
    public String suiteName() {
        return suite.name();
    }

    /**
     * Registers the SA's next distinct encrypted message (a retransmission must not be passed again: the peers
     * do not chain through copies) and returns the IVs its sender may have used, RFC 2409's first; empty when the
     * body is no whole number of blocks or no IV can be derived.
     */
    public List<byte[]> next(long messageId, byte[] body, long frame) {
        int bs = suite.blockSize();
        if (body.length < bs || body.length % bs != 0) {
            return List.of();
        }
        List<byte[]> ivs = new ArrayList<>();
        try {
            for (Ikev1IvChain.IvChoice c : chain.ivs(suite, messageId)) {
                ivs.add(c.iv());
            }
        } catch (DecryptFailure e) {
            return List.of();
        } finally {
            chain.advance(messageId, Arrays.copyOfRange(body, body.length - bs, body.length), frame);
        }
        return ivs;
    }

    /** The body decrypted with this key and IV, or null when the plaintext is not a well-formed payload chain. */
    public Opened open(byte[] key, byte[] iv, int firstPayload, byte[] body) {
        try {
            byte[] plain = suite.cipher(key).decrypt(body, 0, body.length, iv, 0);
            return new Opened(plain, Ikev1Decryption.validate(suite, firstPayload, plain));
        } catch (DecryptFailure e) {
            return null;
        }
    }
}
