package io.ikescope.crypto;

/**
 * The decryption outcome of one encrypted message of an SA.
 *
 * @param frame         the capture frame
 * @param fromInitiator true when the original initiator of the SA sent it, false for the responder, null when
 *                      the capture does not tell (IKEv1 without its first message)
 * @param exchangeType  the header's exchange type
 * @param messageId     the header's message ID
 * @param status        OK, FAILED or NO_KEYS
 * @param reason        why it failed, else null
 * @param keyOrigin     the origin of the key set that decrypted it, else null
 * @param note          what else decryption revealed, else null; e.g. for IKEv1 that the sender's IV shows it
 *                      had not accepted an earlier message (a peer that could not decrypt it: another key)
 */
public record MessageOutcome(long frame, Boolean fromInitiator, int exchangeType, long messageId,
                             DecryptionStatus status, String reason, String keyOrigin, String note) {
}
