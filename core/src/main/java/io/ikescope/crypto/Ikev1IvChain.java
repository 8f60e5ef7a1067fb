package io.ikescope.crypto;

import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CBC IVs of one IKEv1 SA, derived as the peers derive them (RFC 2409 appendix B) from what the capture
 * shows: the first Phase 1 IV is the hash of the two KE values (g^xi | g^xr) cut to the block size, each later
 * Phase 1 message's IV is the last ciphertext block of the one before; the first message of a later exchange
 * (Quick Mode, Informational, Transaction) starts from hash(last Phase 1 block | message ID), and its next
 * messages chain on. The chains depend on ciphertext only, never on a key.
 */
final class Ikev1IvChain {
    private static final int MAX_EXCHANGES = 64;
    private static final int MAX_PHASE1_HISTORY = 3;

    /** A candidate IV; {@code note} says why it is not the one RFC 2409 names, or is null when it is. */
    record IvChoice(byte[] iv, String note) {
    }

    /** An earlier Phase 1 CBC state, superseded by the Phase 1 message of frame {@code supersededIn}. */
    private record Anchor(byte[] chain, long supersededIn) {
    }

    private byte[] keI;
    private byte[] keR;
    /** The current Phase 1 CBC state: the hash of the KE values, then the last block of each Phase 1 message. */
    private byte[] phase1;
    /** Newest first: the Phase 1 states before the last messages, for a peer that rejected those messages. */
    private final ArrayDeque<Anchor> history = new ArrayDeque<>();
    private final Map<Long, byte[]> exchanges = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, byte[]> eldest) {
            return size() > MAX_EXCHANGES;
        }
    };

    /** A Phase 1 KE payload's value; the first of each side counts (retransmissions repeat it). */
    void keyExchange(boolean fromInitiator, byte[] value) {
        if (fromInitiator && keI == null) {
            keI = value;
        } else if (!fromInitiator && keR == null) {
            keR = value;
        }
    }

    /**
     * The IVs to try for the next message with this message ID, RFC 2409's first. For the first message of a
     * later exchange, also the IVs from earlier Phase 1 states, newest first: a peer that could not decrypt the
     * last Phase 1 message (strongSwan, when the pre-shared keys differ) never moved its Phase 1 state past it,
     * and seeds its Informational from the state before.
     */
    List<IvChoice> ivs(Ikev1Suite suite, long messageId) throws DecryptFailure {
        if (messageId == 0) {
            return List.of(new IvChoice(phase1(suite), null));
        }
        byte[] chained = exchanges.get(messageId);
        if (chained != null) {
            return List.of(new IvChoice(chained, null));
        }
        List<IvChoice> choices = new ArrayList<>();
        choices.add(new IvChoice(exchangeIv(suite, phase1(suite), messageId), null));
        for (Anchor a : history) {
            choices.add(new IvChoice(exchangeIv(suite, a.chain(), messageId), "the sender's IV derives from the"
                    + " Phase 1 state before frame " + a.supersededIn() + ": it had not accepted that message"));
        }
        return choices;
    }

    /** The sender chained its CBC state through this message, whether or not we can read it. */
    void advance(long messageId, byte[] lastBlock, long frame) {
        if (messageId != 0) {
            exchanges.put(messageId, lastBlock);
            return;
        }
        if (phase1 != null) {
            history.addFirst(new Anchor(phase1, frame));
            while (history.size() > MAX_PHASE1_HISTORY) {
                history.removeLast();
            }
        }
        phase1 = lastBlock; // known from here on even when the KE payloads were not captured
    }

    private byte[] phase1(Ikev1Suite suite) throws DecryptFailure {
        if (phase1 == null) {
            if (keI == null || keR == null) {
                throw new DecryptFailure("IV unknown: the Phase 1 key exchange (both KE payloads) is not in the"
                        + " capture, and every IKEv1 IV derives from it");
            }
            MessageDigest md = suite.digest();
            md.update(keI);
            md.update(keR);
            phase1 = Arrays.copyOf(md.digest(), suite.blockSize());
        }
        return phase1;
    }

    private static byte[] exchangeIv(Ikev1Suite suite, byte[] phase1State, long messageId) throws DecryptFailure {
        MessageDigest md = suite.digest();
        md.update(phase1State);
        md.update(new byte[] {(byte) (messageId >>> 24), (byte) (messageId >>> 16), (byte) (messageId >>> 8),
            (byte) messageId});
        return Arrays.copyOf(md.digest(), suite.blockSize());
    }
}
