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
import io.ikescope.wire.PayloadTypes;
import io.ikescope.wire.SecurityAssociationPayload;
import java.security.MessageDigest;
import java.util.List;

/**
 * One IKEv1 Aggressive Mode exchange with a pre-shared key (RFC 2409 5 and 5.4), from the cleartext alone:
 * SKEYID = prf(PSK, Ni_b | Nr_b); the responder's HASH_R = prf(SKEYID, g^xr | g^xi | CKY-R | CKY-I | SAi_b |
 * IDir_b) is always in AM2; the initiator's HASH_I = prf(SKEYID, g^xi | g^xr | CKY-I | CKY-R | SAi_b | IDii_b) is
 * in AM3 when AM3 is sent in the clear (or was decrypted with a key log). Built from the first copy of each
 * message (retransmissions are identical).
 */
final class AggressiveModeExchange {
    private final String spiI;
    private Message am1;
    private Message am2;
    private Message am3;
    private final Ikev1EncryptedMessages encrypted = new Ikev1EncryptedMessages();

    /** One message: its bytes as captured, its decoding (decrypted when keys allowed it), where it came from. */
    record Message(byte[] bytes, IkeMessage message, String source) {
    }

    AggressiveModeExchange(String spiI) {
        this.spiI = spiI;
    }

    /** Takes an Aggressive Mode message of this cookie; later copies of a message already held are ignored. */
    void add(Message m) {
        boolean noResponderCookie = RawPayloads.isZero(m.message().header().spiR());
        if (am1 != null && !noResponderCookie && m.message().header().encryption()) {
            encrypted.add(m.message().header(), m.bytes(), m.source().equals(am1.source()));
        }
        if (am1 == null && noResponderCookie) {
            am1 = m;
        } else if (am1 != null && !noResponderCookie && am2 == null && !m.source().equals(am1.source())) {
            am2 = m;
        } else if (am2 != null && am3 == null && m.source().equals(am1.source())) {
            am3 = m;
        }
    }

    /** An encrypted Informational of this SA: it may be what a peer sent instead of AM3 (kept for its IV chain). */
    void addInformational(IkeHeader h, byte[] bytes, String source) {
        if (am1 != null && h.encryption() && !RawPayloads.isZero(h.spiR())) {
            encrypted.add(h, bytes, source.equals(am1.source()));
        }
    }

    /** Both first messages were seen with what the proof needs, and the responder chose PSK authentication. */
    boolean usable() {
        return am1 != null && am2 != null && parts() != null
                && Ikev1Transforms.pskChosen(Ikev1Transforms.chosen(am2.message().payloads()));
    }

    /** The initiator's and the responder's cookie (once usable). */
    Bytes[] cookies() {
        return new Bytes[] {am1.message().header().spiI(), am2.message().header().spiR()};
    }

    Prf prf() {
        return Ikev1Transforms.prf(Ikev1Transforms.chosen(am2.message().payloads()));
    }

    /** The values both hashes are made of; null when a payload is missing. */
    Parts parts() {
        List<io.ikescope.wire.Payload> p1 = am1.message().payloads();
        List<io.ikescope.wire.Payload> p2 = am2.message().payloads();
        SecurityAssociationPayload sai = RawPayloads.first(p1, SecurityAssociationPayload.class, PayloadTypes.V1_SA);
        KeyExchangePayload kei = RawPayloads.first(p1, KeyExchangePayload.class, PayloadTypes.V1_KE);
        KeyExchangePayload ker = RawPayloads.first(p2, KeyExchangePayload.class, PayloadTypes.V1_KE);
        NoncePayload ni = RawPayloads.first(p1, NoncePayload.class, PayloadTypes.V1_NONCE);
        NoncePayload nr = RawPayloads.first(p2, NoncePayload.class, PayloadTypes.V1_NONCE);
        IdentificationPayload idi = RawPayloads.first(p1, IdentificationPayload.class, PayloadTypes.V1_ID);
        IdentificationPayload idr = RawPayloads.first(p2, IdentificationPayload.class, PayloadTypes.V1_ID);
        HashPayload hashR = RawPayloads.first(p2, HashPayload.class, PayloadTypes.V1_HASH);
        if (sai == null || kei == null || ker == null || ni == null || nr == null || idi == null || idr == null
                || hashR == null) {
            return null;
        }
        HashPayload hashI = am3 == null ? null
                : RawPayloads.first(am3.message().payloads(), HashPayload.class, PayloadTypes.V1_HASH);
        byte[] a1 = am1.bytes();
        byte[] a2 = am2.bytes();
        return new Parts(RawPayloads.body(a1, kei), RawPayloads.body(a2, ker),
                am1.message().header().spiI().toArray(), am2.message().header().spiR().toArray(),
                RawPayloads.body(a1, sai), RawPayloads.body(a1, idi), RawPayloads.body(a2, idr),
                RawPayloads.body(a1, ni), RawPayloads.body(a2, nr), hashR.data().toArray(),
                hashI == null ? null : hashI.data().toArray());
    }

    /**
     * RFC 2409's named values, each a payload body after the generic header ("_b"), the cookies from the headers.
     * {@code hashI} is null when AM3 was not seen or stayed encrypted.
     */
    record Parts(byte[] gxi, byte[] gxr, byte[] ckyI, byte[] ckyR, byte[] saiB, byte[] idiiB, byte[] idirB,
                 byte[] niB, byte[] nrB, byte[] hashR, byte[] hashI) {
        byte[] skeyid(Prf prf, PskCandidate c) {
            return prf.apply(c.key(), niB, nrB);
        }

        byte[] expectedHashR(Prf prf, PskCandidate c) {
            return prf.apply(skeyid(prf, c), gxr, gxi, ckyR, ckyI, saiB, idirB);
        }

        byte[] expectedHashI(Prf prf, PskCandidate c) {
            return prf.apply(skeyid(prf, c), gxi, gxr, ckyI, ckyR, saiB, idiiB);
        }
    }

    /**
     * Each side's HASH tested against every candidate; the first candidate in file order that reproduces it wins.
     * An initiator without a readable HASH_I is tested against its own logged SKEYID when its Informational (sent
     * instead of AM3 when HASH_R did not verify) decrypts with that log's key ({@code secrets}: the key logs' for
     * this SA).
     */
    PskVerdict verdict(String id, String input, List<PskCandidate> candidates, List<LoggedSecrets> secrets) {
        Prf prf = prf();
        if (prf == null) {
            String why = "the negotiated hash has no HMAC here";
            return new PskVerdict(id, input, spiI, 1, "aggressive", null, PeerResult.notTested(why),
                    PeerResult.notTested(why));
        }
        Parts parts = parts();
        PeerResult responder = PeerResult.noneMatched();
        PeerResult initiator = parts.hashI() == null
                ? PeerResult.notTested(am3 == null ? "no third Aggressive Mode message in the capture"
                        : "the third Aggressive Mode message is encrypted (give the initiator's key log)")
                : PeerResult.noneMatched();
        if (!initiator.tested() && !secrets.isEmpty()) {
            PeerResult own = ownSkeyid(prf, parts, candidates, secrets);
            initiator = own == null ? initiator : own;
        }
        for (PskCandidate c : candidates) {
            if (responder.match() == null && MessageDigest.isEqual(parts.expectedHashR(prf, c), parts.hashR())) {
                responder = PeerResult.matched(c);
            }
            if (initiator.tested() && initiator.match() == null
                    && MessageDigest.isEqual(parts.expectedHashI(prf, c), parts.hashI())) {
                initiator = PeerResult.matched(c);
            }
        }
        return new PskVerdict(id, input, spiI, 1, "aggressive", prf.name(), initiator, responder);
    }

    /** The initiator's logged SKEYID tested, when its first encrypted message is an Informational its log decrypts. */
    private PeerResult ownSkeyid(Prf prf, Parts parts, List<PskCandidate> candidates, List<LoggedSecrets> secrets) {
        Ikev1TrialDecryption trial = Ikev1TrialDecryption.of(Ikev1Transforms.chosen(am2.message().payloads()),
                parts.gxi(), parts.gxr());
        int first = encrypted.firstFrom(true);
        if (trial == null || first < 0) {
            return null;
        }
        LoggedSecrets own = Ikev1EncryptedMessages.ownerOfInformational(trial, encrypted.get(first),
                encrypted.ivs(trial).get(first), secrets);
        return own == null ? null
                : MainModeExchange.testSkeyid(prf, parts.niB(), parts.nrB(), candidates, own.skeyid().toArray());
    }
}
