package io.ikescope.crypto;

import io.ikescope.wire.Bytes;
import io.ikescope.wire.EncryptedFragmentPayload;
import io.ikescope.wire.EncryptedPayload;
import io.ikescope.wire.IkeDecoder;
import io.ikescope.wire.IkeHeader;
import io.ikescope.wire.IkeMessage;
import io.ikescope.wire.Payload;
import io.ikescope.wire.PayloadChain;
import io.ikescope.wire.PayloadHeader;
import io.ikescope.wire.Proposal;
import io.ikescope.wire.SecurityAssociationPayload;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The IKEv2 half of the {@link Decryptor}: per IKE SA (SPI pair) the algorithms negotiated in the capture, the
 * key sets bound to it and the SKF fragments pending. A message counts as decrypted only when its integrity
 * checksum or AEAD tag verifies, so a key set is tried on an SA only by verification, never by luck.
 */
final class Ikev2Decryption {
    private static final int IKE_SA_INIT = 34;
    private static final int CREATE_CHILD_SA = 36;
    private static final int PROTOCOL_IKE = 1;
    private static final int MAX_PENDING_REKEYS = 16;

    /** Key sets that name both SPIs, by SPI pair. */
    private final Map<SpiPair, List<Ikev2KeySlot>> withSpis = new HashMap<>();
    /** Key sets that name no SPIs (or one only), waiting for the SA whose messages they verify. */
    private final List<Ikev2KeySlot> unbound = new ArrayList<>();
    private final Map<SpiPair, SaState> states = new HashMap<>();
    private final List<OutcomeLog> logs;

    Ikev2Decryption(List<Ikev2Keys> keys, List<OutcomeLog> logs) {
        this.logs = logs;
        for (Ikev2Keys k : keys) {
            Ikev2KeySlot slot = new Ikev2KeySlot(k);
            if (slot.hasSpis()) {
                withSpis.computeIfAbsent(new SpiPair(k.spiI(), k.spiR()), p -> new ArrayList<>()).add(slot);
            } else {
                unbound.add(slot);
            }
        }
    }

    private record RekeyKey(long messageId, boolean requestFromOriginalInitiator) {
        // equals and hashCode written out with the generated ones' results: those are linked through invokedynamic at
        // their first call, milliseconds of a short run (RecordMethodsTest)
        @Override
        public boolean equals(Object o) {
            return o instanceof RekeyKey k && k.messageId == messageId
                    && k.requestFromOriginalInitiator == requestFromOriginalInitiator;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(messageId) * 31 + Boolean.hashCode(requestFromOriginalInitiator);
        }
    }

    private final class SaState {
        final SpiPair pair;
        EncryptionSpec encryption;
        IntegritySpec integrity;
        final List<Ikev2KeySlot> slots = new ArrayList<>();
        final SkfReassembly fragments = new SkfReassembly();
        final Map<RekeyKey, List<Proposal>> pendingRekeys = new LinkedHashMap<>();
        OutcomeLog log;

        SaState(SpiPair pair) {
            this.pair = pair;
            slots.addAll(withSpis.getOrDefault(pair, List.of()));
        }

        OutcomeLog log() {
            if (log == null) {
                log = new OutcomeLog(2, pair);
                logs.add(log);
            }
            return log;
        }
    }

    private SaState state(SpiPair pair) {
        return states.computeIfAbsent(pair, SaState::new);
    }

    DecryptedMessage process(long frame, byte[] bytes, IkeMessage message) {
        IkeHeader h = message.header();
        SpiPair pair = new SpiPair(h.spiI(), h.spiR());
        if (h.exchangeType() == IKE_SA_INIT && h.response() && pair.responderKnown()) {
            learnChosen(pair, message.payloads());
        }
        int index = encryptedIndex(message.payloads());
        if (index < 0) {
            return DecryptedMessage.of(message, DecryptionStatus.NONE);
        }
        SaState sa = states.get(pair);
        if (sa == null && !withSpis.containsKey(pair) && unbound.stream().noneMatch(k -> k.fits(pair))) {
            return DecryptedMessage.of(message, DecryptionStatus.NO_KEYS); // no state kept for SAs without keys
        }
        sa = sa != null ? sa : state(pair);
        Payload encrypted = message.payloads().get(index);
        boolean fromInitiator = h.initiator();
        Attempt attempt = decrypt(sa, bytes, encrypted, fromInitiator);
        if (attempt.content == null) {
            return outcome(sa, frame, h, message, attempt.status, attempt.reason, null);
        }
        Payload replaced;
        List<Payload> inner;
        try {
            if (encrypted instanceof EncryptedPayload sk) {
                inner = innerChain(sk.innerNextPayload(), attempt.content, "");
                replaced = sk.withInner(inner);
            } else {
                EncryptedFragmentPayload skf = (EncryptedFragmentPayload) encrypted;
                SkfReassembly.Whole whole = sa.fragments.add(h.messageId(), fromInitiator, h.response(),
                        skf.fragmentNumber(), skf.totalFragments(), skf.innerNextPayload(), attempt.content);
                if (whole == null) {
                    return outcome(sa, frame, h, message, DecryptionStatus.OK, null, attempt.slot);
                }
                inner = innerChain(whole.firstPayloadType(), whole.content(),
                        " (reassembled from " + whole.fragments() + " fragments)");
                replaced = skf.withInner(inner);
            }
        } catch (DecryptFailure e) {
            return outcome(sa, frame, h, message, DecryptionStatus.FAILED, e.getMessage(), null);
        }
        observe(sa, h, inner);
        List<Payload> payloads = new ArrayList<>(message.payloads());
        payloads.set(index, replaced);
        return outcome(sa, frame, h, message.withPayloads(payloads, List.of()), DecryptionStatus.OK, null, attempt.slot);
    }

    private static DecryptedMessage outcome(SaState sa, long frame, IkeHeader h, IkeMessage message,
                                            DecryptionStatus status, String reason, Ikev2KeySlot slot) {
        sa.log().add(new MessageOutcome(frame, h.initiator(), h.exchangeType(), h.messageId(), status, reason,
                slot == null ? null : slot.origin(), null));
        return new DecryptedMessage(message, status, reason, null);
    }

    private static int encryptedIndex(List<Payload> payloads) {
        for (int i = 0; i < payloads.size(); i++) {
            Payload p = payloads.get(i);
            if (p instanceof EncryptedPayload || p instanceof EncryptedFragmentPayload) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The inner payloads. They must parse cleanly to the last byte: with encrypt-then-MAC a wrong SK_e passes the
     * checksum (it covers the ciphertext) and yields noise, which must never be shown as payloads.
     */
    private static List<Payload> innerChain(int firstType, byte[] content, String where) throws DecryptFailure {
        PayloadChain chain = IkeDecoder.decodePayloadChain(2, firstType, content, 0, content.length);
        String problem = !chain.errors().isEmpty() ? chain.errors().get(0)
                : chain.end() < content.length ? (content.length - chain.end()) + " bytes after the last payload"
                : null;
        if (problem != null) {
            throw new DecryptFailure("the decrypted payloads" + where + " do not parse (wrong SK_e, or a malformed"
                    + " message): " + problem);
        }
        return chain.payloads();
    }

    /** The outcome of trying the key sets of an SA on one message. */
    private record Attempt(DecryptionStatus status, String reason, Ikev2KeySlot slot, byte[] content) {
    }

    private Attempt decrypt(SaState sa, byte[] bytes, Payload encrypted, boolean fromInitiator) {
        List<String> reasons = new ArrayList<>();
        List<String> plainReasons = new ArrayList<>();
        for (Ikev2KeySlot slot : sa.slots) {
            try {
                return new Attempt(DecryptionStatus.OK, null, slot, tryDecrypt(sa, slot, bytes, encrypted, fromInitiator));
            } catch (DecryptFailure e) {
                reasons.add(slot.origin() + ": " + e.getMessage());
                plainReasons.add(e.getMessage());
            }
        }
        for (Iterator<Ikev2KeySlot> it = unbound.iterator(); it.hasNext(); ) {
            Ikev2KeySlot slot = it.next();
            if (!slot.fits(sa.pair)) {
                continue;
            }
            try {
                byte[] content = tryDecrypt(sa, slot, bytes, encrypted, fromInitiator);
                // only a verified checksum or tag binds a key set to an SA: an unchecked one proves nothing
                if (verifies(sa, slot, fromInitiator)) {
                    it.remove();
                    sa.slots.add(slot);
                    return new Attempt(DecryptionStatus.OK, null, slot, content);
                }
            } catch (DecryptFailure e) {
                // not this SA's key set: it stays available for others
            }
        }
        if (reasons.isEmpty()) {
            return new Attempt(DecryptionStatus.NO_KEYS, null, null, null);
        }
        String reason = reasons.size() == 1 ? plainReasons.get(0)
                : "none of the " + reasons.size() + " key sets for this SA decrypts it: " + String.join("; ", reasons);
        return new Attempt(DecryptionStatus.FAILED, reason, null, null);
    }

    private static boolean verifies(SaState sa, Ikev2KeySlot slot, boolean fromInitiator) {
        try {
            Ikev2KeySlot.Crypto c = slot.crypto(fromInitiator, sa.encryption, sa.integrity);
            return c.cipher().tagLength() > 0 || (c.integrity() != null && c.integrity().checks());
        } catch (DecryptFailure e) {
            return false;
        }
    }

    /** The decrypted content (payloads without padding). */
    private static byte[] tryDecrypt(SaState sa, Ikev2KeySlot slot, byte[] bytes, Payload encrypted,
                                     boolean fromInitiator) throws DecryptFailure {
        Ikev2KeySlot.Crypto c = slot.crypto(fromInitiator, sa.encryption, sa.integrity);
        return decryptPayload(c, bytes, encrypted.header(), encrypted instanceof EncryptedFragmentPayload ? 8 : 4);
    }

    /**
     * Checks and decrypts one SK/SKF payload of {@code message}: integrity over the message up to the ICV (or the
     * AEAD tag over the associated data), then the pad length (RFC 7296 section 3.14). Returns the inner payload
     * bytes.
     */
    static byte[] decryptPayload(Ikev2KeySlot.Crypto c, byte[] message, PayloadHeader header, int headerLength)
            throws DecryptFailure {
        int start = header.offset();
        int end = start + header.length();
        int ivOffset = start + headerLength;
        if (end > message.length || ivOffset > end) {
            throw new DecryptFailure("the encrypted payload lies outside the message");
        }
        Ikev2Cipher cipher = c.cipher();
        byte[] plain;
        if (c.integrity() != null) {
            int icv = c.integrity().icvLength();
            if (end - ivOffset < cipher.ivLength() + icv) {
                throw new DecryptFailure("the encrypted payload has " + (end - ivOffset) + " bytes, fewer than the "
                        + (cipher.ivLength() + icv) + " of IV and ICV");
            }
            if (!c.integrity().verify(message, end - icv)) {
                throw new DecryptFailure("integrity check failed: the " + c.integrity().name()
                        + " checksum does not match");
            }
            plain = cipher.decrypt(message, ivOffset, end - icv);
        } else {
            plain = cipher.decrypt(message, ivOffset, end);
        }
        if (plain.length == 0) {
            throw new DecryptFailure("padding: the decrypted data is empty, without the pad length byte");
        }
        int pad = plain[plain.length - 1] & 0xff;
        if (pad + 1 > plain.length) {
            throw new DecryptFailure("padding: pad length " + pad + " exceeds the " + (plain.length - 1)
                    + " decrypted bytes before it");
        }
        return SkfReassembly.copy(plain, plain.length - pad - 1);
    }

    /** The IKE_SA_INIT response names the SA's algorithms: its one proposal for protocol IKE. */
    private void learnChosen(SpiPair pair, List<Payload> payloads) {
        Proposal chosen = Ikev2Proposals.ikeProposal(payloads);
        if (chosen != null) {
            SaState sa = state(pair);
            sa.encryption = Ikev2Proposals.encryption(chosen);
            sa.integrity = Ikev2Proposals.integrity(chosen);
        }
    }

    /**
     * Follows a rekey of the IKE SA (CREATE_CHILD_SA with an IKE proposal, RFC 7296 section 1.3.2): the request's
     * proposal SPI becomes the new SA's initiator SPI, the response's its responder SPI, and the response's
     * proposal its algorithms.
     */
    private void observe(SaState sa, IkeHeader h, List<Payload> inner) {
        if (h.exchangeType() != CREATE_CHILD_SA) {
            return;
        }
        Proposal ike = Ikev2Proposals.ikeProposal(inner);
        if (ike == null) {
            return;
        }
        if (!h.response()) {
            List<Proposal> offered = new ArrayList<>();
            for (Payload p : inner) {
                if (p instanceof SecurityAssociationPayload s) {
                    offered.addAll(s.proposals());
                }
            }
            sa.pendingRekeys.put(new RekeyKey(h.messageId(), h.initiator()), offered);
            while (sa.pendingRekeys.size() > MAX_PENDING_REKEYS) {
                sa.pendingRekeys.remove(sa.pendingRekeys.keySet().iterator().next());
            }
            return;
        }
        List<Proposal> offered = sa.pendingRekeys.remove(new RekeyKey(h.messageId(), !h.initiator()));
        if (offered == null) {
            return;
        }
        Bytes newSpiI = null;
        for (Proposal p : offered) {
            if (p.protocolId() == PROTOCOL_IKE && (newSpiI == null || p.number() == ike.number())) {
                newSpiI = p.spi();
            }
        }
        if (newSpiI == null || newSpiI.length() != 8 || ike.spi().length() != 8) {
            return;
        }
        SaState rekeyed = state(new SpiPair(newSpiI, ike.spi()));
        rekeyed.encryption = Ikev2Proposals.encryption(ike);
        rekeyed.integrity = Ikev2Proposals.integrity(ike);
    }
}
