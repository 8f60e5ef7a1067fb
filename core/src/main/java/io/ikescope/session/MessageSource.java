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
     * A message that completed an IKEv1 fragmented one is observed as the whole message it completed.
     */
    static MessageSource decrypting(Decryptor decryptor) {
        return datagram -> {
            DecryptedMessage d = decryptor.process(datagram, IkeDecoder.decode(datagram.ike()));
            DecryptedMessage observed = d.reassembled() != null ? d.reassembled() : d;
            return new MessageObservation(datagram, observed.message(), observed.status(), observed.error());
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
