package io.ikescope.crypto;

import io.ikescope.wire.IkeMessage;

/**
 * What {@link Decryptor#process} made of one message.
 *
 * @param message     the message with its decrypted payloads filled in (IKEv2: inside the SK/SKF payload;
 *                    IKEv1: as the message's payloads), or unchanged when nothing was decrypted
 * @param status      the contract's decryption value
 * @param error       why decryption failed (integrity, padding, unknown algorithm...); null unless FAILED
 * @param reassembled IKEv1 fragmentation: the whole message rebuilt from the fragments this one completed,
 *                    itself processed (and decrypted) like any message; null otherwise
 */
public record DecryptedMessage(IkeMessage message, DecryptionStatus status, String error,
                               DecryptedMessage reassembled) {

    static DecryptedMessage of(IkeMessage message, DecryptionStatus status) {
        return new DecryptedMessage(message, status, null, null);
    }

    static DecryptedMessage failed(IkeMessage message, String error) {
        return new DecryptedMessage(message, DecryptionStatus.FAILED, error, null);
    }

    DecryptedMessage withReassembled(DecryptedMessage whole) {
        return new DecryptedMessage(message, status, error, whole);
    }
}
