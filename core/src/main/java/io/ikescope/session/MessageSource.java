package io.ikescope.session;

import io.ikescope.crypto.DecryptedMessage;
import io.ikescope.crypto.DecryptionStatus;
import io.ikescope.crypto.Decryptor;
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

    /**
     * Decodes and decrypts with the key material's decryptor (one per run, fed every message in capture order).
     * A fragment that completed an IKEv1 fragmented message is observed as the whole message it completed, with
     * the fragment itself as {@link MessageObservation#carriedFragment()}. (IKEv2 SKF fragments stay what they are;
     * the one that completes a message carries the whole decrypted content in its SKF payload.)
     */
    static MessageSource decrypting(Decryptor decryptor) {
        return datagram -> {
            DecryptedMessage d = decryptor.process(datagram, IkeDecoder.decode(datagram.ike()));
            if (d.reassembled() != null) {
                DecryptedMessage whole = d.reassembled();
                return new MessageObservation(datagram, whole.message(), whole.status(), whole.error(), d.message());
            }
            return new MessageObservation(datagram, d.message(), d.status(), d.error());
        };
    }

    /** Decodes only: encrypted content stays opaque and is reported as {@link DecryptionStatus#NO_KEYS}. */
    static MessageSource withoutKeys() {
        return datagram -> {
            IkeMessage message = IkeDecoder.decode(datagram.ike());
            DecryptionStatus status = message.hasEncryptedContent() ? DecryptionStatus.NO_KEYS : DecryptionStatus.NONE;
            return new MessageObservation(datagram, message, status, null);
        };
    }
}
