package io.ikescope.session;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An exchange while it is being filled; becomes an {@link Exchange}. */
final class ExchangeState {
    final int index;
    final int type;
    final String name;
    final long messageId;
    final Role requester;
    final List<MessageRecord> messages = new ArrayList<>();
    final Set<String> fragments = new HashSet<>();
    /** Distinct messages (not retransmissions, not later fragments) per sender, for IKEv1 positions. */
    final Map<Role, Integer> originals = new LinkedHashMap<>();
    /** The child SA this exchange negotiates (Quick Mode, CREATE_CHILD_SA), once its first message was read. */
    ChildState child;

    ExchangeState(int index, int type, String name, long messageId, Role requester) {
        this.index = index;
        this.type = type;
        this.name = name;
        this.messageId = messageId;
        this.requester = requester;
    }

    boolean hasFrom(Role role) {
        for (MessageRecord m : messages) {
            if (m.from() == role) {
                return true;
            }
        }
        return false;
    }

    boolean hasFragment(Role from, int number) {
        for (String f : fragments) {
            if (f.startsWith(from + ":") && f.endsWith(":" + number)) {
                return true;
            }
        }
        return false;
    }

    /** The message's place; {@code newMessage}: not a retransmission, nor a further piece of a fragmented one. */
    String step(Role from, boolean newMessage, int version) {
        if (newMessage) {
            originals.merge(from, 1, Integer::sum);
        }
        if (version == 2) {
            return from == requester ? "request" : "response";
        }
        int k = Math.max(1, originals.getOrDefault(from, 0));
        int position = from == requester ? 2 * k - 1 : 2 * k;
        if (name.equals(ExchangeNames.MAIN_MODE)) {
            return "MM" + position;
        }
        if (name.equals(ExchangeNames.AGGRESSIVE)) {
            return "AM" + position;
        }
        if (name.equals(ExchangeNames.QUICK_MODE)) {
            return "QM" + position;
        }
        if (name.equals(ExchangeNames.INFORMATIONAL_V1)) {
            return "notification";
        }
        return from == requester ? "request" : "reply";
    }

    /** The last message kept so far; only for an exchange with messages. */
    MessageRecord last() {
        return messages.get(messages.size() - 1);
    }

    /** The frames of its kept messages, in capture order. */
    List<Long> frames() {
        List<Long> frames = new ArrayList<>();
        messages.forEach(m -> frames.add(m.frame()));
        return frames;
    }
}
