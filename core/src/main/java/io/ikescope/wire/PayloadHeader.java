package io.ikescope.wire;

/**
 * The generic payload header as read from the wire.
 *
 * @param type        this payload's type (taken from the previous header's next-payload field)
 * @param nextPayload the next-payload field of this header (for SK/SKF: the type of the first inner payload)
 * @param critical    the IKEv2 critical bit (always false for IKEv1, where the byte is reserved)
 * @param length      the declared payload length, header included
 * @param offset      where the payload starts in the decoded buffer (the message, or the decrypted plaintext)
 */
public record PayloadHeader(int type, int nextPayload, boolean critical, int length, int offset) {
}
