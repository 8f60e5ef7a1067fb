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
 * @param carriedFragment IKEv1 fragmentation reassembled by the decryptor: the fragment the datagram itself
 *                      carried (payload 132), whose arrival completed {@code message}, the whole message rebuilt
 *                      from it and the earlier fragments; null otherwise
 */
public record MessageObservation(IkeDatagram datagram, IkeMessage message, DecryptionStatus decryption,
                                 String failureReason, IkeMessage carriedFragment) {
    public MessageObservation {
        Objects.requireNonNull(datagram, "datagram");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(decryption, "decryption");
    }

    /** A message observed as it travelled (not a reassembly). */
    public MessageObservation(IkeDatagram datagram, IkeMessage message, DecryptionStatus decryption,
                              String failureReason) {
        this(datagram, message, decryption, failureReason, null);
    }
}
