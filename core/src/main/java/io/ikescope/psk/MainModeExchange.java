package io.ikescope.psk;

import io.ikescope.crypto.Ikev1TrialDecryption;
import io.ikescope.crypto.keys.LoggedSecrets;
import io.ikescope.wire.Bytes;
import io.ikescope.wire.HashPayload;
import io.ikescope.wire.IdentificationPayload;
import io.ikescope.wire.IkeHeader;
import io.ikescope.wire.IkeMessage;
import io.ikescope.wire.KeyExchangePayload;
import io.ikescope.wire.NoncePayload;
import io.ikescope.wire.Payload;
import io.ikescope.wire.PayloadTypes;
import io.ikescope.wire.SecurityAssociationPayload;
import io.ikescope.wire.Transform;
import io.ikescope.wire.registry.Ikev1Registry;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;

/**
 * One IKEv1 Main Mode exchange with a pre-shared key (RFC 2409 5 and 5.4). Everything a key proves is encrypted
 * (MM5 with HASH_I, MM6 with HASH_R, or the Informational a peer sends instead), so a candidate is tested on the
 * peer's first encrypted message: with the shared Diffie Hellman secret from a key log, each candidate's SKEYID
 * and SKEYID_e ({@link Ikev1KeyDerivation}) must decrypt it to a well-formed payload chain whose hash verifies
 * (HASH_I = prf(SKEYID, g^xi | g^xr | CKY-I | CKY-R | SAi_b | IDii_b), HASH_R the same with the KE values and
 * cookies swapped and IDir_b, an Informational's HASH(1) = prf(SKEYID_a, M-ID | N/D), RFC 2409 5.7). Without the
 * DH secret, a logged SKEYID whose logged cipher key decrypts the peer's message is that peer's own (a peer
 * encrypts with its own key), and the candidates are tested against it: SKEYID = prf(PSK, Ni_b | Nr_b).
 */
final class MainModeExchange {
    private static final int MAIN = (int) Ikev1Registry.EXCHANGE_TYPE.valueOf("Identity Protection (Main Mode)");

    /** A cleartext message: its bytes as captured, its payloads, where it came from. */
    private record Message(byte[] bytes, IkeHeader header, List<Payload> payloads, String source) {
    }

    /** What every proof of this exchange is made of. */
    private record Context(Prf prf, Ikev1TrialDecryption trial, List<List<byte[]>> ivs, byte[] gxi, byte[] gxr,
                           byte[] ckyI, byte[] ckyR, byte[] saiB, byte[] niB, byte[] nrB) {
    }

    private final String spiI;
    private Message mm1;
    private Message mm2;
    private Message mm3;
    private Message mm4;
    private final Ikev1EncryptedMessages encrypted = new Ikev1EncryptedMessages();

    MainModeExchange(String spiI) {
        this.spiI = spiI;
    }

    static boolean isMainMode(int exchangeType) {
        return exchangeType == MAIN;
    }

    /**
     * Takes a message with this initiator cookie (Main Mode, or an Informational once MM1 is held). Later copies
     * of a cleartext message are ignored, retransmitted encrypted bodies too: the peers chain their IVs through
     * distinct messages only.
     */
    void add(byte[] bytes, IkeMessage message, String source) {
        IkeHeader h = message.header();
        boolean noResponderCookie = RawPayloads.isZero(h.spiR());
        if (h.encryption()) {
            if (mm1 != null && !noResponderCookie) {
                encrypted.add(h, bytes, source.equals(mm1.source()));
            }
            return;
        }
        if (h.exchangeType() != MAIN) {
            return; // a cleartext Informational depends on no key
        }
        Message m = new Message(bytes, h, message.payloads(), source);
        boolean fromInitiator = mm1 != null && source.equals(mm1.source());
        if (mm1 == null && noResponderCookie) {
            mm1 = m;
        } else if (mm1 != null && !noResponderCookie && !fromInitiator && mm2 == null && has(m, PayloadTypes.V1_SA)) {
            mm2 = m;
        } else if (mm2 != null && fromInitiator && mm3 == null && has(m, PayloadTypes.V1_KE)) {
            mm3 = m;
        } else if (mm3 != null && !fromInitiator && mm4 == null && has(m, PayloadTypes.V1_KE)) {
            mm4 = m;
        }
    }

    private static boolean has(Message m, int type) {
        return m.payloads().stream().anyMatch(p -> p.type() == type);
    }

    /** MM1 and the responder's MM2 were seen, and it chose pre-shared key authentication. */
    boolean usable() {
        return mm1 != null && mm2 != null && Ikev1Transforms.pskChosen(Ikev1Transforms.chosen(mm2.payloads()));
    }

    /** The initiator's and the responder's cookie, as the key log's secrets name their SA (once usable). */
    Bytes[] cookies() {
        return new Bytes[] {mm1.header().spiI(), mm2.header().spiR()};
    }

    private Bytes cookieI() {
        return mm1.header().spiI();
    }

    private Bytes cookieR() {
        return mm2.header().spiR();
    }

    /**
     * Each peer's first encrypted message tested against every candidate; the first candidate in order that
     * proves it wins. {@code secrets}: what the key logs hold for this SA; {@code keyLogGiven}: whether any was.
     */
    PskVerdict verdict(String id, String input, List<PskCandidate> candidates, List<LoggedSecrets> secrets,
                       boolean keyLogGiven) {
        Transform chosen = Ikev1Transforms.chosen(mm2.payloads());
        Prf prf = Ikev1Transforms.prf(chosen);
        String untestable = prf == null ? "the negotiated hash has no HMAC here" : null;
        Context context = null;
        if (untestable == null) {
            context = context(prf, chosen);
            untestable = context == null ? "the key exchange (MM3 and MM4 with KE and nonce) is not in the capture"
                    : context.trial() == null ? "the negotiated cipher is not supported here" : null;
        }
        if (untestable != null) {
            return new PskVerdict(id, input, spiI, 1, "main", prf == null ? null : prf.name(),
                    PeerResult.notTested(untestable), PeerResult.notTested(untestable));
        }
        byte[] dh = secrets.stream().map(LoggedSecrets::dhSecret).filter(b -> b != null).findFirst()
                .map(Bytes::toArray).orElse(null);
        PeerResult initiator = side(context, true, candidates, dh, secrets, keyLogGiven);
        PeerResult responder = side(context, false, candidates, dh, secrets, keyLogGiven);
        return new PskVerdict(id, input, spiI, 1, "main", prf.name(), initiator, responder);
    }

    /** The cleartext values, or null when MM3/MM4 lack them; a null trial when the cipher is unsupported. */
    private Context context(Prf prf, Transform chosen) {
        if (mm3 == null || mm4 == null) {
            return null;
        }
        SecurityAssociationPayload sai = RawPayloads.first(mm1.payloads(), SecurityAssociationPayload.class,
                PayloadTypes.V1_SA);
        KeyExchangePayload kei = RawPayloads.first(mm3.payloads(), KeyExchangePayload.class, PayloadTypes.V1_KE);
        KeyExchangePayload ker = RawPayloads.first(mm4.payloads(), KeyExchangePayload.class, PayloadTypes.V1_KE);
        NoncePayload ni = RawPayloads.first(mm3.payloads(), NoncePayload.class, PayloadTypes.V1_NONCE);
        NoncePayload nr = RawPayloads.first(mm4.payloads(), NoncePayload.class, PayloadTypes.V1_NONCE);
        if (sai == null || kei == null || ker == null || ni == null || nr == null) {
            return null;
        }
        byte[] gxi = RawPayloads.body(mm3.bytes(), kei);
        byte[] gxr = RawPayloads.body(mm4.bytes(), ker);
        Ikev1TrialDecryption trial = Ikev1TrialDecryption.of(chosen, gxi, gxr);
        List<List<byte[]>> ivs = trial == null ? List.of() : encrypted.ivs(trial);
        return new Context(prf, trial, ivs, gxi, gxr, cookieI().toArray(), cookieR().toArray(),
                RawPayloads.body(mm1.bytes(), sai), RawPayloads.body(mm3.bytes(), ni), RawPayloads.body(mm4.bytes(), nr));
    }

    private PeerResult side(Context c, boolean initiator, List<PskCandidate> candidates, byte[] dh,
                            List<LoggedSecrets> secrets, boolean keyLogGiven) {
        String who = initiator ? "the initiator" : "the responder";
        int index = encrypted.firstFrom(initiator);
        if (index < 0) {
            return PeerResult.notTested(who + " sent no encrypted message (MM5/MM6 or an Informational): nothing"
                    + " it sent depends on its key");
        }
        if (!keyLogGiven) {
            return PeerResult.notTested("Main Mode needs a key log (-k): a charon log with ike level 4 holding the"
                    + " shared Diffie Hellman secret, or the peer's own SKEYID");
        }
        Ikev1EncryptedMessages.Encrypted message = encrypted.get(index);
        List<byte[]> ivs = c.ivs().get(index);
        int type = message.header().exchangeType();
        if (!(type == MAIN && message.header().messageId() == 0) && type != Ikev1EncryptedMessages.INFORMATIONAL) {
            return PeerResult.notTested(who + "'s first encrypted message is " + Ikev1Registry.EXCHANGE_TYPE
                    .describe(type) + ", not MM5/MM6 or an Informational (its own Phase 1 message is not captured)");
        }
        if (dh != null) {
            Ikev1KeyDerivation derivation = new Ikev1KeyDerivation(c.prf(), c.niB(), c.nrB(), c.ckyI(), c.ckyR(), dh);
            for (PskCandidate candidate : candidates) {
                Ikev1KeyDerivation.Keys k = derivation.keys(candidate, c.trial().keyLength());
                if (proves(c, message, ivs, k.encryptionKey(), k.skeyid(), k.skeyidA())) {
                    return PeerResult.matched(candidate);
                }
            }
            return PeerResult.noneMatched();
        }
        LoggedSecrets own = Ikev1EncryptedMessages.ownerOfInformational(c.trial(), message, ivs, secrets);
        for (LoggedSecrets s : secrets) {
            if (own == null && s.skeyid() != null && s.encryptionKey() != null
                    && proves(c, message, ivs, s.encryptionKey().toArray(), s.skeyid().toArray(), null)) {
                own = s;
            }
        }
        if (own != null) {
            return testSkeyid(c.prf(), c.niB(), c.nrB(), candidates, own.skeyid().toArray());
        }
        if (secrets.isEmpty()) {
            return PeerResult.notTested("the key log holds no shared Diffie Hellman secret for this IKE SA, nor any"
                    + " SKEYID (is it a log of another run, or written below ike level 4?)");
        }
        return PeerResult.notTested("the key log holds no shared Diffie Hellman secret for this IKE SA, nor an"
                + " SKEYID whose key decrypts " + who + "'s message (strongSwan logs both at ike level 4)");
    }

    /** The first candidate whose SKEYID = prf(PSK, Ni_b | Nr_b) is the peer's logged one. */
    static PeerResult testSkeyid(Prf prf, byte[] niB, byte[] nrB, List<PskCandidate> candidates, byte[] skeyid) {
        for (PskCandidate candidate : candidates) {
            if (MessageDigest.isEqual(prf.apply(candidate.key(), niB, nrB), skeyid)) {
                return PeerResult.matched(candidate);
            }
        }
        return PeerResult.noneMatched();
    }

    /**
     * Whether the key decrypts the message to a well-formed chain (with one of its possible IVs) whose hash
     * verifies: HASH_I/HASH_R in Main Mode, HASH(1) in an Informational (not checked without SKEYID_a).
     */
    private static boolean proves(Context c, Ikev1EncryptedMessages.Encrypted m, List<byte[]> ivs, byte[] key,
                                  byte[] skeyid, byte[] skeyidA) {
        IkeHeader h = m.header();
        for (Ikev1TrialDecryption.Opened opened : Ikev1EncryptedMessages.open(c.trial(), m, ivs, key)) {
            List<Payload> payloads = opened.payloads();
            HashPayload hash = RawPayloads.first(payloads, HashPayload.class, PayloadTypes.V1_HASH);
            if (hash == null) {
                continue;
            }
            byte[] sent = hash.data().toArray();
            if (h.exchangeType() == MAIN && h.messageId() == 0) {
                IdentificationPayload idPayload = RawPayloads.first(payloads, IdentificationPayload.class,
                        PayloadTypes.V1_ID);
                if (idPayload == null) {
                    continue;
                }
                byte[] idB = RawPayloads.body(opened.plaintext(), idPayload);
                byte[] expected = m.fromInitiator()
                        ? c.prf().apply(skeyid, c.gxi(), c.gxr(), c.ckyI(), c.ckyR(), c.saiB(), idB)
                        : c.prf().apply(skeyid, c.gxr(), c.gxi(), c.ckyR(), c.ckyI(), c.saiB(), idB);
                if (MessageDigest.isEqual(expected, sent)) {
                    return true;
                }
            } else if (h.exchangeType() == Ikev1EncryptedMessages.INFORMATIONAL && payloads.get(0) == hash
                    && skeyidA != null && MessageDigest.isEqual(informationalHash(c, h, opened, hash, skeyidA), sent)) {
                return true;
            }
        }
        return false;
    }

    /** HASH(1) = prf(SKEYID_a, M-ID | the payloads after the HASH payload, generic headers included). */
    private static byte[] informationalHash(Context c, IkeHeader h, Ikev1TrialDecryption.Opened opened,
                                            HashPayload hash, byte[] skeyidA) {
        Payload last = opened.payloads().get(opened.payloads().size() - 1);
        int from = hash.header().offset() + hash.header().length();
        int to = last.header().offset() + last.header().length();
        long mid = h.messageId();
        byte[] messageId = {(byte) (mid >>> 24), (byte) (mid >>> 16), (byte) (mid >>> 8), (byte) mid};
        return c.prf().apply(skeyidA, messageId, Arrays.copyOfRange(opened.plaintext(), from, to));
    }
}
