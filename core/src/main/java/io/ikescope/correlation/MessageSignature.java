package io.ikescope.correlation;

import io.ikescope.session.FragmentInfo;
import io.ikescope.session.MessageRecord;
import io.ikescope.session.NotifySeen;
import io.ikescope.session.Role;
import java.util.ArrayList;
import java.util.List;

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
