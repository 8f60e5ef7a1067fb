package io.ikescope.crypto;

import io.ikescope.wire.Bytes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How the encrypted messages of one IKE SA fared, in capture order. A message that fails while other messages of
 * the same SA decrypt is a finding in itself: in IKEv1 it is how a pre-shared key mismatch looks (the peer that
 * sent it derived other keys), in IKEv2 a corrupted or forged message.
 *
 * @param spiR the responder SPI/cookie (zero bytes while only the first message was seen)
 */
public record SaOutcome(int ikeVersion, Bytes spiI, Bytes spiR, List<MessageOutcome> messages) {
    public SaOutcome {
        messages = List.copyOf(messages);
    }

    public long count(DecryptionStatus status) {
        return messages.stream().filter(m -> m.status() == status).count();
    }

    public List<Long> framesWith(DecryptionStatus status) {
        List<Long> frames = new ArrayList<>();
        for (MessageOutcome m : messages) {
            if (m.status() == status) {
                frames.add(m.frame());
            }
        }
        return frames;
    }

    /** True when some messages failed although others of the same SA decrypted with the keys given. */
    public boolean failuresAmidSuccess() {
        return count(DecryptionStatus.OK) > 0 && count(DecryptionStatus.FAILED) > 0;
    }

    /** The origins of the key sets that decrypted messages of this SA (two for IKEv1 peers that derived different keys). */
    public Set<String> keyOrigins() {
        Set<String> origins = new LinkedHashSet<>();
        for (MessageOutcome m : messages) {
            if (m.keyOrigin() != null) {
                origins.add(m.keyOrigin());
            }
        }
        return origins;
    }
}
