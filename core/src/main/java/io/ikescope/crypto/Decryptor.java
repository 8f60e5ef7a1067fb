package io.ikescope.crypto;

import io.ikescope.net.IkeDatagram;
import io.ikescope.wire.IkeMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * Decrypts the IKE messages of one run with the key material given, statefully: it must see every message of
 * the captures in capture order, cleartext ones included, because IKEv2 takes its algorithms from the
 * IKE_SA_INIT (and rekeying CREATE_CHILD_SA) responses and IKEv1 its algorithms, KE values and CBC IVs from the
 * messages before. Not thread-safe; one instance per run.
 *
 * <p>Besides each message's result it keeps, per SA, the outcome of every encrypted message
 * ({@link #saOutcomes()}): a message that fails among messages of the same SA that decrypt is evidence for the
 * diagnosis (an IKEv1 pre-shared key mismatch looks exactly like that).
 */
public final class Decryptor {
    private final boolean anyKeys;
    private final List<OutcomeLog> logs = new ArrayList<>();
    private final Ikev1Decryption ikev1;
    private final Ikev2Decryption ikev2;

    public Decryptor(KeyRing keys) {
        anyKeys = !keys.isEmpty();
        ikev1 = keys.ikev1().isEmpty() ? null : new Ikev1Decryption(keys.ikev1(), logs);
        ikev2 = keys.ikev2().isEmpty() ? null : new Ikev2Decryption(keys.ikev2(), logs);
    }

    /**
     * The message with what could be decrypted filled in, its decryption status and, when it failed, why.
     *
     * @param message {@code IkeDecoder.decode(datagram.ike())}: payload offsets must point into those bytes
     */
    public DecryptedMessage process(IkeDatagram datagram, IkeMessage message) {
        int version = message.ikeVersion();
        DecryptionStatus unread = message.hasEncryptedContent() ? DecryptionStatus.NO_KEYS : DecryptionStatus.NONE;
        if (!anyKeys || message.header() == null) {
            return DecryptedMessage.of(message, unread);
        }
        if (version == 1 && ikev1 != null) {
            return ikev1.process(datagram.frame(), datagram.src(), message);
        }
        if (version == 2 && ikev2 != null) {
            return ikev2.process(datagram.frame(), datagram.ike(), message);
        }
        return DecryptedMessage.of(message, unread);
    }

    /** Per SA with encrypted messages, the outcome of each of them so far, in the order the SAs appeared. */
    public List<SaOutcome> saOutcomes() {
        List<SaOutcome> out = new ArrayList<>();
        for (OutcomeLog log : logs) {
            if (!log.isEmpty()) {
                out.add(log.snapshot());
            }
        }
        return out;
    }
}
