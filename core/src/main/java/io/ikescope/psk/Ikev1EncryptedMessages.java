package io.ikescope.psk;

import io.ikescope.crypto.Ikev1TrialDecryption;
import io.ikescope.crypto.keys.LoggedSecrets;
import io.ikescope.wire.Bytes;
import io.ikescope.wire.HashPayload;
import io.ikescope.wire.IkeHeader;
import io.ikescope.wire.PayloadTypes;
import io.ikescope.wire.registry.Ikev1Registry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The distinct encrypted messages of one IKEv1 SA in capture order, as captured (retransmitted copies left out:
 * the peers chain their IVs through distinct messages only), with the IVs each may have been sent with once the
 * Phase 1 algorithms and KE values are known.
 */
final class Ikev1EncryptedMessages {
    static final int INFORMATIONAL = (int) Ikev1Registry.EXCHANGE_TYPE.valueOf("Informational");
    /** Phase 1's last messages, a few Informationals and Quick Mode messages are plenty. */
    private static final int MAX_MESSAGES = 16;

    /** One encrypted message: who sent it, its header, its body after the header. */
    record Encrypted(boolean fromInitiator, IkeHeader header, byte[] body) {
    }

    private final List<Encrypted> messages = new ArrayList<>();
    private final Set<Bytes> bodies = new HashSet<>();

    /** Takes an encrypted message ({@code bytes} as captured); copies of one already held are ignored. */
    void add(IkeHeader h, byte[] bytes, boolean fromInitiator) {
        int end = (int) Math.min(bytes.length, h.length());
        if (end <= IkeHeader.LENGTH || messages.size() >= MAX_MESSAGES) {
            return;
        }
        byte[] body = Arrays.copyOfRange(bytes, IkeHeader.LENGTH, end);
        if (bodies.add(Bytes.of(body))) {
            messages.add(new Encrypted(fromInitiator, h, body));
        }
    }

    /** The index of the first message this peer sent, or -1. */
    int firstFrom(boolean initiator) {
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i).fromInitiator() == initiator) {
                return i;
            }
        }
        return -1;
    }

    Encrypted get(int index) {
        return messages.get(index);
    }

    /** Each message's possible IVs, RFC 2409's first, in message order (the chain runs through all of them). */
    List<List<byte[]>> ivs(Ikev1TrialDecryption trial) {
        List<List<byte[]>> out = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            Encrypted e = messages.get(i);
            out.add(trial.next(e.header().messageId(), e.body(), i + 1));
        }
        return out;
    }

    /** Every well-formed decryption of the message with this key, one per IV that gives one. */
    static List<Ikev1TrialDecryption.Opened> open(Ikev1TrialDecryption trial, Encrypted m, List<byte[]> ivs,
                                                  byte[] key) {
        List<Ikev1TrialDecryption.Opened> out = new ArrayList<>();
        for (byte[] iv : ivs) {
            Ikev1TrialDecryption.Opened opened = trial.open(key, iv, m.header().nextPayload(), m.body());
            if (opened != null) {
                out.add(opened);
            }
        }
        return out;
    }

    /**
     * The logged secrets whose own cipher key decrypts this peer's Informational to a well-formed chain that
     * starts with a HASH payload (RFC 2409 5.7): the log is that peer's (a peer encrypts with its own key), so its
     * SKEYID is the peer's. Null when none does, or the message is no Informational.
     */
    static LoggedSecrets ownerOfInformational(Ikev1TrialDecryption trial, Encrypted m, List<byte[]> ivs,
                                              List<LoggedSecrets> secrets) {
        if (m.header().exchangeType() != INFORMATIONAL) {
            return null;
        }
        for (LoggedSecrets s : secrets) {
            if (s.skeyid() == null || s.encryptionKey() == null) {
                continue;
            }
            for (Ikev1TrialDecryption.Opened o : open(trial, m, ivs, s.encryptionKey().toArray())) {
                if (o.payloads().get(0) instanceof HashPayload h && h.type() == PayloadTypes.V1_HASH) {
                    return s;
                }
            }
        }
        return null;
    }
}
