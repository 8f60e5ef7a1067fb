package io.ikescope.crypto;

import io.ikescope.wire.Bytes;
import io.ikescope.wire.CiscoFragmentPayload;
import io.ikescope.wire.HashPayload;
import io.ikescope.wire.IkeDecoder;
import io.ikescope.wire.IkeHeader;
import io.ikescope.wire.IkeMessage;
import io.ikescope.wire.KeyExchangePayload;
import io.ikescope.wire.Payload;
import io.ikescope.wire.PayloadChain;
import io.ikescope.wire.Proposal;
import io.ikescope.wire.SecurityAssociationPayload;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The IKEv1 half of the {@link Decryptor}. IKEv1 encrypts whole message bodies in CBC mode with IVs the peers
 * derive from earlier messages, so this keeps, per ISAKMP SA (cookie pair): the algorithms the responder chose
 * in its cleartext SA (MM2/AM2), the IV chains ({@link Ikev1IvChain}), the keys bound to the SA, pending
 * fragments, and the results of recent bodies: a byte-identical retransmission reuses the result of the first
 * copy and leaves the chains alone.
 *
 * <p>IKEv1 has no integrity check on the encryption, so "decrypted" means: the body is a whole number of blocks,
 * the plaintext parses as a clean payload chain from the header's first type to a zero next-payload with
 * reserved bytes zero, every HASH payload has the negotiated hash's length, and the bytes left are a valid
 * padding (zeros up to a block, or ending in their own count). That is weaker than IKEv2's checksum, though a
 * wrong key or IV passes it only by a rare accident.
 */
final class Ikev1Decryption {
    private static final int MAX_REMEMBERED = 32;
    private static final Bytes NO_COOKIE = Bytes.of(new byte[8]);

    /** Keys that name the initiator cookie, by that cookie. */
    private final Map<Bytes, List<Ikev1Keys>> withCookie = new HashMap<>();
    private final List<Ikev1Keys> unbound = new ArrayList<>();
    private final Map<SpiPair, SaState> states = new HashMap<>();
    private final List<OutcomeLog> logs;

    Ikev1Decryption(List<Ikev1Keys> keys, List<OutcomeLog> logs) {
        this.logs = logs;
        for (Ikev1Keys k : keys) {
            if (k.cookieI() != null) {
                withCookie.computeIfAbsent(k.cookieI(), c -> new ArrayList<>()).add(k);
            } else {
                unbound.add(k);
            }
        }
    }

    /** The result of one encrypted body, remembered for its retransmissions. */
    private record Result(DecryptionStatus status, String reason, List<Payload> payloads, String keyOrigin,
                          String note) {
        Result(DecryptionStatus status, String reason) {
            this(status, reason, null, null, null);
        }
    }

    private final class SaState {
        SpiPair pair;
        String initiatorAddress;
        Ikev1Suite chosen;
        Ikev1Suite offeredAlone;
        final Ikev1IvChain ivs = new Ikev1IvChain();
        final Map<Bytes, Result> remembered = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Bytes, Result> eldest) {
                return size() > MAX_REMEMBERED;
            }
        };
        final List<Ikev1Keys> keys = new ArrayList<>();
        final Map<Ikev1Keys, CbcDecryption> ciphers = new IdentityHashMap<>();
        final Ikev1Fragments fragments = new Ikev1Fragments();
        OutcomeLog log;

        SaState(SpiPair pair) {
            this.pair = pair;
        }

        void rename(SpiPair newPair) {
            pair = newPair;
            if (log != null) {
                log.rename(newPair);
            }
        }

        OutcomeLog log() {
            if (log == null) {
                log = new OutcomeLog(1, pair);
                logs.add(log);
            }
            return log;
        }

        Ikev1Suite suite() {
            return chosen != null ? chosen : offeredAlone;
        }

        Boolean fromInitiator(String src) {
            return initiatorAddress == null ? null : initiatorAddress.equals(src);
        }
    }

    /** The SA of a message; a first message without responder cookie becomes the SA once the cookie is known. */
    private SaState state(SpiPair pair) {
        SaState s = states.get(pair);
        if (s != null) {
            return s;
        }
        if (pair.responderKnown()) {
            SaState early = states.get(new SpiPair(pair.spiI(), NO_COOKIE));
            if (early != null && !early.pair.responderKnown()) {
                early.rename(pair);
                states.put(pair, early);
                bindKeys(early);
                return early;
            }
        }
        s = new SaState(pair);
        states.put(pair, s);
        bindKeys(s);
        return s;
    }

    private void bindKeys(SaState s) {
        s.keys.clear();
        for (Ikev1Keys k : withCookie.getOrDefault(s.pair.spiI(), List.of())) {
            if (k.cookieR() == null || k.cookieR().equals(s.pair.spiR())) {
                s.keys.add(k);
            }
        }
    }

    DecryptedMessage process(long frame, String src, IkeMessage message) {
        return process(frame, src, message, true);
    }

    private DecryptedMessage process(long frame, String src, IkeMessage message, boolean reassemble) {
        IkeHeader h = message.header();
        SpiPair pair = new SpiPair(h.spiI(), h.spiR());
        if (unbound.isEmpty() && !withCookie.containsKey(h.spiI()) && !states.containsKey(pair)
                && !states.containsKey(new SpiPair(h.spiI(), NO_COOKIE))) {
            // no key can apply to this SA (the key sets without cookies are all bound elsewhere): keep no state
            return DecryptedMessage.of(message, message.encryptedBody() != null ? DecryptionStatus.NO_KEYS
                    : DecryptionStatus.NONE);
        }
        SaState s = state(pair);
        if (!pair.responderKnown() && s.initiatorAddress == null) {
            s.initiatorAddress = src;
        }
        if (message.encryptedBody() == null) {
            if (h.messageId() == 0) {
                observePhase1(s, src, message);
            }
            DecryptedMessage result = DecryptedMessage.of(message, DecryptionStatus.NONE);
            byte[] whole = reassemble ? fragments(s, message) : null;
            if (whole != null) {
                IkeMessage rebuilt = IkeDecoder.decode(whole);
                if (rebuilt.ikeVersion() == 1) {
                    result = result.withReassembled(process(frame, src, rebuilt, false));
                }
            }
            return result;
        }
        Bytes body = message.encryptedBody();
        Result r = s.remembered.get(body);
        if (r == null) {
            r = decrypt(s, h, body, frame);
            s.remembered.put(body, r);
        }
        if (r.status != DecryptionStatus.NO_KEYS || !s.keys.isEmpty() || !unbound.isEmpty()) {
            s.log().add(new MessageOutcome(frame, s.fromInitiator(src), h.exchangeType(), h.messageId(), r.status,
                    r.reason, r.keyOrigin, r.note));
        }
        if (r.status == DecryptionStatus.OK) {
            return DecryptedMessage.of(message.withPayloads(r.payloads, List.of()), DecryptionStatus.OK);
        }
        return new DecryptedMessage(message, r.status, r.reason, null);
    }

    private static byte[] fragments(SaState s, IkeMessage message) {
        byte[] whole = null;
        for (Payload p : message.payloads()) {
            if (p instanceof CiscoFragmentPayload f) {
                byte[] done = s.fragments.add(f);
                if (done != null) {
                    whole = done;
                }
            }
        }
        return whole;
    }

    /** Phase 1 cleartext: the responder's chosen transform, an initiator's lone offer, the two KE values. */
    private void observePhase1(SaState s, String src, IkeMessage message) {
        boolean hasKe = false;
        for (Payload p : message.payloads()) {
            hasKe |= p instanceof KeyExchangePayload;
        }
        if (hasKe && s.initiatorAddress == null) {
            s.initiatorAddress = src; // MM3 (the initiator's KE) comes before MM4
        }
        boolean fromInitiator = !s.pair.responderKnown() || src.equals(s.initiatorAddress);
        for (Payload p : message.payloads()) {
            if (p instanceof SecurityAssociationPayload sa && !sa.proposals().isEmpty()) {
                Proposal first = sa.proposals().get(0);
                if (first.transforms().isEmpty()) {
                    continue;
                }
                Ikev1Suite suite = Ikev1Suite.of(first.transforms().get(0));
                if (!fromInitiator) {
                    s.chosen = suite;
                } else if (sa.proposals().size() == 1 && first.transforms().size() == 1) {
                    s.offeredAlone = suite;
                }
            } else if (p instanceof KeyExchangePayload ke) {
                s.ivs.keyExchange(fromInitiator, ke.data().toArray());
            }
        }
    }

    private Result decrypt(SaState s, IkeHeader h, Bytes body, long frame) {
        boolean haveKeys = !s.keys.isEmpty();
        if (!haveKeys && unbound.isEmpty()) {
            return new Result(DecryptionStatus.NO_KEYS, null);
        }
        Ikev1Suite suite = s.suite();
        if (suite == null) {
            return noResult(haveKeys, "Phase 1 algorithms unknown: the responder's SA (MM2/AM2) is not in the capture");
        }
        byte[] data = body.toArray();
        int bs = suite.blockSize();
        if (data.length < bs || data.length % bs != 0) {
            return noResult(haveKeys, "the encrypted body of " + data.length + " bytes is not a whole number of "
                    + bs + "-byte " + suite.name() + " blocks");
        }
        List<Ikev1IvChain.IvChoice> ivs;
        try {
            ivs = s.ivs.ivs(suite, h.messageId());
        } catch (DecryptFailure e) {
            return noResult(haveKeys, e.getMessage());
        } finally {
            s.ivs.advance(h.messageId(), Arrays.copyOfRange(data, data.length - bs, data.length), frame);
        }
        List<String> reasons = new ArrayList<>();
        List<String> plainReasons = new ArrayList<>();
        for (Ikev1IvChain.IvChoice iv : ivs) {
            for (Ikev1Keys k : s.keys) {
                try {
                    return new Result(DecryptionStatus.OK, null, decryptWith(s, suite, k, h, data, iv.iv()),
                            k.origin(), iv.note());
                } catch (DecryptFailure e) {
                    if (iv.note() == null) {
                        reasons.add(k.origin() + ": " + e.getMessage());
                        plainReasons.add(e.getMessage());
                    }
                }
            }
            for (Iterator<Ikev1Keys> it = unbound.iterator(); it.hasNext(); ) {
                Ikev1Keys k = it.next();
                try {
                    List<Payload> payloads = decryptWith(s, suite, k, h, data, iv.iv());
                    it.remove();
                    s.keys.add(k);
                    return new Result(DecryptionStatus.OK, null, payloads, k.origin(), iv.note());
                } catch (DecryptFailure e) {
                    s.ciphers.remove(k); // not this SA's key (or not this IV)
                }
            }
        }
        if (reasons.isEmpty()) {
            return new Result(DecryptionStatus.NO_KEYS, null);
        }
        String reason = reasons.size() == 1 ? plainReasons.get(0)
                : "none of the " + reasons.size() + " keys for this SA decrypts it: " + String.join("; ", reasons);
        return new Result(DecryptionStatus.FAILED, reason);
    }

    /** FAILED with the reason when the SA has keys of its own, NO_KEYS when only unbound key sets were there to try. */
    private static Result noResult(boolean haveKeys, String reason) {
        return haveKeys ? new Result(DecryptionStatus.FAILED, reason) : new Result(DecryptionStatus.NO_KEYS, null);
    }

    private static List<Payload> decryptWith(SaState s, Ikev1Suite suite, Ikev1Keys k, IkeHeader h, byte[] data,
                                             byte[] iv) throws DecryptFailure {
        CbcDecryption cipher = s.ciphers.get(k);
        if (cipher == null) {
            cipher = suite.cipher(k.encryptionKey().toArray());
            s.ciphers.put(k, cipher);
        }
        byte[] plain = cipher.decrypt(data, 0, data.length, iv, 0);
        return validate(suite, h.nextPayload(), plain);
    }

    /** The checks that stand in for IKEv1's missing integrity protection (see the class comment). */
    static List<Payload> validate(Ikev1Suite suite, int firstPayload, byte[] plain) throws DecryptFailure {
        PayloadChain chain = IkeDecoder.decodePayloadChain(1, firstPayload, plain, 0, plain.length);
        if (!chain.errors().isEmpty()) {
            throw new DecryptFailure("the decrypted payloads do not parse (wrong key or IV): " + chain.errors().get(0));
        }
        for (Payload p : chain.payloads()) {
            int at = p.header().offset();
            if (plain[at + 1] != 0) {
                throw new DecryptFailure("the decrypted payloads do not parse (wrong key or IV): payload "
                        + p.type() + " at offset " + at + " has a non-zero reserved byte");
            }
            if (p instanceof HashPayload hash && suite.hashLength() > 0 && hash.data().length() != suite.hashLength()) {
                throw new DecryptFailure("the decrypted HASH payload has " + hash.data().length() + " bytes, not the "
                        + suite.hashLength() + " of " + suite.hashName() + " (wrong key or IV)");
            }
        }
        if (!paddingValid(plain, chain.end(), suite.blockSize())) {
            throw new DecryptFailure("padding: the " + (plain.length - chain.end()) + " bytes after the last payload"
                    + " are neither zeros up to a block nor end in their own count (wrong key or IV)");
        }
        return chain.payloads();
    }

    /**
     * The two paddings seen in practice: zeros up to the block size (strongSwan, libreswan, Cisco), or any bytes
     * whose last one counts the others (RFC 2409 appendix B; racoon pads so, with random bytes and more than a
     * block).
     */
    static boolean paddingValid(byte[] plain, int start, int blockSize) {
        int n = plain.length - start;
        if (n == 0 || (plain[plain.length - 1] & 0xff) == n - 1) {
            return true;
        }
        if (n > blockSize) {
            return false;
        }
        for (int i = start; i < plain.length; i++) {
            if (plain[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
