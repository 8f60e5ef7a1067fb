package io.ikescope.session;

import io.ikescope.wire.IkeHeader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The exchanges of one negotiation while it is read: each message is put in the exchange it belongs to, and a
 * message whose bytes equal an earlier one from the same side is told as its retransmission.
 */
final class ExchangeLog {
    private final int version;
    /** Bound on remembered digests, as on kept messages. */
    private final int maxDigests;
    private final List<ExchangeState> exchanges = new ArrayList<>();
    /** IKEv2: requester + message ID; IKEv1: exchange type + message ID. */
    private final Map<String, ExchangeState> byKey = new HashMap<>();
    /** Digest of a message's bytes -> its first frame and sender, to tell retransmissions. */
    private final Map<Long, long[]> digests = new HashMap<>();

    ExchangeLog(int version, int maxDigests) {
        this.version = version;
        this.maxDigests = maxDigests;
    }

    /** The frame of the earlier message from {@code from} with the same bytes, or null (then remembered). */
    Long retransmission(long digest, Role from, long frame) {
        long[] seen = digests.get(digest);
        if (seen != null && seen[1] == from.ordinal()) {
            return seen[0];
        }
        if (seen == null && digests.size() < maxDigests) {
            digests.put(digest, new long[] {frame, from.ordinal()});
        }
        return null;
    }

    /** The exchange the message belongs to, opened when it is the first of its exchange. */
    ExchangeState exchangeFor(IkeHeader h, Role from, boolean response, boolean retransmission,
                              FragmentInfo fragment, String name) {
        String key;
        Role requester;
        if (version == 2) {
            requester = response ? from.other() : from;
            key = requester + ":" + h.messageId();
        } else {
            requester = from;
            key = h.exchangeType() + ":" + h.messageId();
        }
        ExchangeState e = byKey.get(key);
        // IKEv2: a new request with an answered message ID is a retry (IKE_SA_INIT after INVALID_KE_PAYLOAD or
        // COOKIE reuses message ID 0): a new exchange. Further fragments of one message are not.
        boolean retry = version == 2 && e != null && !response && !retransmission && e.hasFrom(requester.other())
                && (fragment == null || e.hasFragment(from, fragment.number()));
        if (e == null || retry) {
            e = new ExchangeState(exchanges.size(), h.exchangeType(), name, h.messageId(), version == 1 ? from : requester);
            exchanges.add(e);
            byKey.put(key, e);
        }
        if (fragment != null) {
            e.fragments.add(from + ":" + fragment.id() + ":" + fragment.number());
        }
        return e;
    }

    ExchangeState get(int index) {
        return exchanges.get(index);
    }

    /** Every exchange opened, in order. */
    List<ExchangeState> all() {
        return exchanges;
    }

    /** The exchanges that kept a message, as the result holds them. */
    List<Exchange> finished() {
        List<Exchange> finished = new ArrayList<>(exchanges.size());
        for (ExchangeState e : exchanges) {
            if (!e.messages.isEmpty()) {
                finished.add(new Exchange(e.index, e.type, e.name, e.messageId, e.requester, e.messages));
            }
        }
        return finished;
    }
}
