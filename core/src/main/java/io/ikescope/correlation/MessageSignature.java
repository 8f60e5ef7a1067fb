package io.ikescope.correlation;

import io.ikescope.session.FragmentInfo;
import io.ikescope.session.MessageRecord;
import io.ikescope.session.NotifySeen;
import io.ikescope.session.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What identifies one IKE message wherever it was captured: its header fields, sizes and cleartext content. No
 * address or port (a NAT between the capture points changes them) and no time (the captures' clocks differ).
 * Retransmissions are identical copies, so they share a signature and are told apart by their order.
 *
 * @param content cleartext payload and notify names; empty for an encrypted message, whose decrypted content can
 *                differ between captures (an IKEv1 IV chain broken by a message one capture lacks) while its sizes
 *                cannot
 */
record MessageSignature(Role from, int exchangeType, long messageId, boolean response, String step, long length,
                        int encryptedLength, List<String> content, int fragmentNumber, int fragmentTotal) {
    // equals and hashCode written out with the generated ones' results: those are linked through invokedynamic at
    // their first call, milliseconds of a short run (RecordMethodsTest)
    @Override
    public boolean equals(Object o) {
        return o instanceof MessageSignature s && s.from == from && s.exchangeType == exchangeType
                && s.messageId == messageId && s.response == response && Objects.equals(s.step, step)
                && s.length == length && s.encryptedLength == encryptedLength && Objects.equals(s.content, content)
                && s.fragmentNumber == fragmentNumber && s.fragmentTotal == fragmentTotal;
    }

    @Override
    public int hashCode() {
        int h = Objects.hashCode(from);
        h = h * 31 + exchangeType;
        h = h * 31 + Long.hashCode(messageId);
        h = h * 31 + Boolean.hashCode(response);
        h = h * 31 + Objects.hashCode(step);
        h = h * 31 + Long.hashCode(length);
        h = h * 31 + encryptedLength;
        h = h * 31 + Objects.hashCode(content);
        h = h * 31 + fragmentNumber;
        return h * 31 + fragmentTotal;
    }

    static MessageSignature of(MessageRecord m) {
        List<String> content = new ArrayList<>();
        if (!m.encrypted()) {
            content.addAll(m.payloads());
            for (NotifySeen n : m.notifies()) {
                content.add("N:" + n.type());
            }
        }
        FragmentInfo f = m.fragment();
        return new MessageSignature(m.from(), m.exchangeType(), m.messageId(), m.response(), m.step(), m.length(),
                m.encryptedLength(), List.copyOf(content), f == null ? 0 : f.number(), f == null ? 0 : f.total());
    }
}
