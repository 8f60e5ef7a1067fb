package io.ikescope.session;

import io.ikescope.crypto.DecryptionStatus;
import io.ikescope.net.Transport;
import java.util.List;

/**
 * What the reconstruction keeps of one IKE message: enough for the ladder, the JSON {@code messages} array and the
 * rules, and none of its bytes.
 *
 * @param step              the message's place in its exchange: "MM1".."MM6", "AM1".."AM3", "QM1".."QM3",
 *                          "request", "response" or "notification" (IKEv1 informational)
 * @param exchangeIndex     index of its {@link Exchange} in the negotiation
 * @param retransmissionOf  frame of the earlier copy when this is a retransmission, else null
 * @param encrypted         some content is encrypted (IKEv1 E flag, IKEv2 SK/SKF)
 * @param payloads          payload abbreviations in order; decrypted inner payloads replace their SK/SKF (IKEv2) or
 *                          fill the encrypted body (IKEv1)
 * @param notifies          notifies in cleartext and in decrypted content
 * @param length            the IKE header's message length
 * @param encryptedLength   IKEv2: length of the SK payload (header included); IKEv1: the encrypted body; else 0
 * @param payloadRoom       IKEv2 SK only: at most this many bytes of inner payloads fit the SK payload, given the
 *                          negotiated cipher's IV and ICV; null when the cipher is unknown or the message is not SK
 * @param fragment          fragment information, or null (also for an IKEv1 message the decryptor reassembled:
 *                          the fragment that completed it)
 * @param partOf            the datagram is one fragment of a larger message and another record stands for that
 *                          message: the frame of the fragment that completed it (which carries the whole content
 *                          when decrypted), or, while it never completed, of its first fragment in the capture;
 *                          null for whole messages and for the fragment standing for its message. Rules count a
 *                          fragmented message once, by the record standing for it.
 * @param purpose           what the message does when its content shows it: "dpd", "dpd-ack", "liveness" (an
 *                          empty IKEv2 INFORMATIONAL), "delete-ike-sa", "delete-child-sa", "ike-rekey",
 *                          "child-rekey", "new-child", "xauth-ok", "xauth-failed"; else null
 */
public record MessageRecord(long frame, long epochNanos, Role from, Endpoint source, Endpoint destination,
                            Transport transport, int exchangeType, String exchange, long messageId, boolean response,
                            String step, int exchangeIndex, Long retransmissionOf, boolean encrypted,
                            DecryptionStatus decryption, String decryptionFailure, List<String> payloads,
                            List<NotifySeen> notifies, long length, int encryptedLength, Integer payloadRoom,
                            FragmentInfo fragment, Long partOf, String purpose) {
    public MessageRecord {
        payloads = List.copyOf(payloads);
        notifies = List.copyOf(notifies);
    }

    /** One fragment of a message another record stands for (see {@code partOf}). */
    public boolean fragmentPart() {
        return partOf != null;
    }

    /** This record as a part of the fragmented message the record at frame {@code standing} stands for. */
    MessageRecord asPartOf(long standing, boolean encrypted, DecryptionStatus decryption) {
        return new MessageRecord(frame, epochNanos, from, source, destination, transport, exchangeType, exchange,
                messageId, response, step, exchangeIndex, retransmissionOf, encrypted, decryption, decryptionFailure,
                payloads, notifies, length, encryptedLength, payloadRoom, fragment, standing, purpose);
    }

    /** The step as reports name it: "MM5", "IKE_AUTH request", "Informational". */
    public String stepName() {
        if (step.equals("request") || step.equals("response") || step.equals("reply")) {
            return exchange + " " + step;
        }
        return step.equals("notification") ? "Informational" : step;
    }

    public boolean retransmission() {
        return retransmissionOf != null;
    }

    public boolean decrypted() {
        return decryption == DecryptionStatus.OK;
    }

    /** Encrypted content whose meaning the capture does not show (no keys, or decryption failed). */
    public boolean opaque() {
        return encrypted && decryption != DecryptionStatus.OK;
    }

    /** True when it travelled on UDP/TCP port 4500 (either end). */
    public boolean onNatTraversalPort() {
        return source.port() == 4500 || destination.port() == 4500;
    }

    public boolean hasNotify(String normalisedName) {
        for (NotifySeen n : notifies) {
            if (n.is(normalisedName)) {
                return true;
            }
        }
        return false;
    }

    /** The first error notify, or null. */
    public NotifySeen firstError() {
        for (NotifySeen n : notifies) {
            if (n.error()) {
                return n;
            }
        }
        return null;
    }
}
