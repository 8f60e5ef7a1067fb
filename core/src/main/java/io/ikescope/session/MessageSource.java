package io.ikescope.session;

import io.ikescope.net.IkeDatagram;
import io.ikescope.wire.IkeDecoder;
import io.ikescope.wire.IkeMessage;

/**
 * Turns a captured IKE datagram into what the reconstruction reads. This is the seam where decryption plugs in:
 * a decrypting source returns the message with its inner payloads and {@link DecryptionStatus#OK}, or
 * {@link DecryptionStatus#FAILED} with a reason; {@link #withoutKeys()} only decodes.
 */
@FunctionalInterface
public interface MessageSource {

    MessageObservation observe(IkeDatagram datagram);

    /** Decodes only: encrypted content stays opaque and is reported as {@link DecryptionStatus#NO_KEYS}. */
    static MessageSource withoutKeys() {
        return datagram -> {
            IkeMessage message = IkeDecoder.decode(datagram.ike());
            DecryptionStatus status = message.hasEncryptedContent() ? DecryptionStatus.NO_KEYS : DecryptionStatus.NONE;
            return new MessageObservation(datagram, message, status, null);
        };
    }
}
