package io.ikescope.session;

import java.util.ArrayList;
import java.util.List;

/**
 * One exchange: IKEv2 a request and its response (the messages of one message ID from one requester; an
 * IKE_SA_INIT retried after INVALID_KE_PAYLOAD or COOKIE is a new exchange), IKEv1 the messages of one message ID
 * and exchange type (all of Main Mode, one Quick Mode, one informational).
 *
 * @param index      position in the negotiation, from 0
 * @param requester  who sent the first message
 * @param messages   its datagrams in capture order, retransmissions and every fragment included
 *
 * <p>The queries below count messages: a fragmented message once, by the record standing for it (see
 * {@link MessageRecord#partOf()}); {@link #first()}, {@link #last()} and {@link #frames()} are about datagrams.
 */
public record Exchange(int index, int exchangeType, String name, long messageId, Role requester,
                       List<MessageRecord> messages) {
    public Exchange {
        messages = List.copyOf(messages);
    }

    /** Messages sent by {@code role}, retransmissions included, each fragmented message once. */
    public List<MessageRecord> from(Role role) {
        List<MessageRecord> out = new ArrayList<>();
        for (MessageRecord m : messages) {
            if (m.from() == role && !m.fragmentPart()) {
                out.add(m);
            }
        }
        return out;
    }

    /** Messages sent by {@code role} that are not retransmissions, each fragmented message once. */
    public List<MessageRecord> originalsFrom(Role role) {
        List<MessageRecord> out = new ArrayList<>();
        for (MessageRecord m : messages) {
            if (m.from() == role && !m.retransmission() && !m.fragmentPart()) {
                out.add(m);
            }
        }
        return out;
    }

    /**
     * IKEv2: the response messages (R flag); IKEv1: the messages of the side that did not start it. A fragmented
     * response is there once, by the fragment that completed it (with the whole decrypted content when keys allowed).
     */
    public List<MessageRecord> responses() {
        return from(requester.other());
    }

    public boolean answered() {
        return !responses().isEmpty();
    }

    public MessageRecord first() {
        return messages.get(0);
    }

    public MessageRecord last() {
        return messages.get(messages.size() - 1);
    }

    /** The last message that is not a retransmission (a fragmented one by the record standing for it). */
    public MessageRecord lastOriginal() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (!messages.get(i).retransmission() && !messages.get(i).fragmentPart()) {
                return messages.get(i);
            }
        }
        return last();
    }

    /** Retransmitted messages (a fragmented message re-sent counts once). */
    public int retransmissions() {
        int n = 0;
        for (MessageRecord m : messages) {
            if (m.retransmission() && !m.fragmentPart()) {
                n++;
            }
        }
        return n;
    }

    public List<Long> frames() {
        List<Long> out = new ArrayList<>(messages.size());
        for (MessageRecord m : messages) {
            out.add(m.frame());
        }
        return out;
    }
}
