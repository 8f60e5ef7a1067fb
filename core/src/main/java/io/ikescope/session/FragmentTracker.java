package io.ikescope.session;

import io.ikescope.crypto.DecryptionStatus;
import io.ikescope.wire.CiscoFragmentPayload;
import io.ikescope.wire.EncryptedFragmentPayload;
import io.ikescope.wire.IkeHeader;
import io.ikescope.wire.IkeMessage;
import io.ikescope.wire.Payload;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fragmented messages of one negotiation (IKEv2 SKF, IKEv1 payload 132). A fragmented message counts once, by
 * the record standing for it: its first fragment until the one that completes it arrives, which then carries the
 * whole (decrypted) content.
 */
final class FragmentTracker {
    private static final int IKE_HEADER_LENGTH = 28;
    private static final int IKE_FLAGS_OFFSET = 19;

    private final int version;
    private final int maxMessages;
    /** Fragmented messages by sender, exchange, fragment ID (IKEv2: message ID and total). */
    private final Map<String, FragmentedMessage> fragmented = new HashMap<>();

    /**
     * One message's place among the fragments: the message it is a piece of (null when unfragmented or past the
     * cap), whether it is the first piece seen or the one completing it, the standing record it is part of, and
     * its encryption as counted (an IKEv1 piece shares its carried message's).
     */
    record Arrival(FragmentedMessage whole, boolean firstPiece, boolean completes, Long partOf, boolean encrypted,
                   DecryptionStatus decryption) {

        /** Not a retransmission, nor a further piece of a message already seen. */
        boolean newMessage(FragmentInfo fragment, Long retransmissionOf) {
            return retransmissionOf == null
                    && (whole != null ? firstPiece : fragment == null || fragment.number() == 1);
        }

        /** Whether the message is counted in the decryption summary now (a fragmented one once, on completion). */
        boolean countsNow(Long retransmissionOf) {
            return whole == null || completes && whole.countOnce() || retransmissionOf != null && partOf == null;
        }

        /** Whether its content is read now: a new message, whole or just completed. */
        boolean readsContent(Long retransmissionOf) {
            return retransmissionOf == null && (whole == null || completes);
        }
    }

    FragmentTracker(int version, int maxMessages) {
        this.version = version;
        this.maxMessages = maxMessages;
    }

    /** The fragment a message is (SKF or IKEv1 fragment payload), or null. */
    static FragmentInfo fragmentOf(IkeMessage m, IkeHeader h) {
        for (Payload p : m.payloads()) {
            if (p instanceof EncryptedFragmentPayload skf) {
                return new FragmentInfo(h.messageId(), skf.fragmentNumber(), skf.totalFragments());
            }
            if (p instanceof CiscoFragmentPayload frag) {
                return new FragmentInfo(frag.fragmentId(), frag.fragmentNumber(), frag.last() ? frag.fragmentNumber() : -1);
            }
        }
        return null;
    }

    /**
     * Files one arriving message. {@code asTravelled}: an IKEv1 fragment as captured, not the decryptor's
     * reassembled message observed in place of the completing one.
     */
    Arrival arrive(Role from, ExchangeState exchange, FragmentInfo fragment, IkeMessage m, boolean asTravelled,
                   long frame, boolean encrypted, DecryptionStatus decryption, Long retransmissionOf) {
        FragmentedMessage whole = null;
        boolean firstPiece = false;
        boolean completes = false;
        Long partOf = null;
        if (fragment != null) {
            String key = from + ":" + exchange.index + ":" + fragment.id() + (version == 2 ? ":" + fragment.total() : "");
            whole = fragmented.get(key);
            if (whole == null && fragmented.size() < maxMessages) {
                whole = new FragmentedMessage();
                fragmented.put(key, whole);
                firstPiece = true;
            }
        }
        if (whole != null) {
            if (version == 1 && asTravelled) {
                // An IKEv1 fragment as it travelled: as encrypted as the message it carries a piece of, and read
                // only once that message is reassembled and decrypted.
                Boolean carries = carriedEncryption(m);
                if (carries != null) {
                    whole.carriesEncrypted = carries;
                }
                encrypted = Boolean.TRUE.equals(whole.carriesEncrypted);
                decryption = encrypted ? DecryptionStatus.NO_KEYS : DecryptionStatus.NONE;
            }
            completes = whole.add(fragment);
            if (firstPiece) {
                whole.stand(frame, encrypted, decryption);
            } else if (!completes && !Long.valueOf(whole.standing()).equals(retransmissionOf)) {
                partOf = whole.standing();
            }
        }
        return new Arrival(whole, firstPiece, completes, partOf, encrypted, decryption);
    }

    /** The arrival's record was kept at these positions (in the negotiation's messages, in its exchange's). */
    void kept(Arrival a, int messageIndex, int exchangeIndex) {
        if (a.whole() != null) {
            a.whole().kept.add(new int[] {messageIndex, exchangeIndex});
        }
    }

    /** The record that completed a fragmented message stands for it from now on; its earlier fragments are parts. */
    void standFor(Arrival a, List<MessageRecord> messages, ExchangeState exchange, MessageRecord completer) {
        if (!a.completes() || a.firstPiece()) {
            return;
        }
        FragmentedMessage whole = a.whole();
        for (int[] at : whole.kept) {
            MessageRecord earlier = messages.get(at[0]);
            if (earlier.frame() == completer.frame()) {
                continue;
            }
            // IKEv1 pieces share the reassembled message's fate; each IKEv2 SKF fragment was decrypted on its own
            MessageRecord part = version == 1
                    ? earlier.asPartOf(completer.frame(), completer.encrypted(), completer.decryption())
                    : earlier.asPartOf(completer.frame(), earlier.encrypted(), earlier.decryption());
            messages.set(at[0], part);
            exchange.messages.set(at[1], part);
        }
        whole.stand(completer.frame(), completer.encrypted(), completer.decryption());
    }

    /** Every fragmented message seen, complete or not. */
    Collection<FragmentedMessage> all() {
        return fragmented.values();
    }

    /** IKEv1 fragment 1 begins with the carried message's ISAKMP header: its encryption flag, else null. */
    private static Boolean carriedEncryption(IkeMessage m) {
        for (Payload p : m.payloads()) {
            if (p instanceof CiscoFragmentPayload f && f.fragmentNumber() == 1 && f.data().length() >= IKE_HEADER_LENGTH) {
                return (f.data().get(IKE_FLAGS_OFFSET) & 0x01) != 0;
            }
        }
        return null;
    }
}
