package io.ikescope.session;

import io.ikescope.crypto.DecryptionStatus;
import io.ikescope.net.IkeDatagram;
import io.ikescope.wire.IkeMessage;
import java.util.Objects;

/**
 * One IKE message as the reconstruction consumes it: where and when it travelled, what it said (decrypted where keys
 * allowed), and what became of its encrypted content.
 *
 * @param message       the decoded message; with {@link DecryptionStatus#OK} its encrypted payloads carry their
 *                      inner payloads (IKEv2 SK/SKF {@code inner}, IKEv1 {@code payloads})
 * @param failureReason why decryption failed ({@link DecryptionStatus#FAILED}), else null
 */
public record MessageObservation(IkeDatagram datagram, IkeMessage message, DecryptionStatus decryption,
                                 String failureReason) {
    public MessageObservation {
        Objects.requireNonNull(datagram, "datagram");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(decryption, "decryption");
    }
}
