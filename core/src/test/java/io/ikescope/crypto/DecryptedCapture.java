package io.ikescope.crypto;

import io.ikescope.net.DecodedCapture;
import io.ikescope.net.IkeDatagram;
import io.ikescope.wire.EncryptedFragmentPayload;
import io.ikescope.wire.EncryptedPayload;
import io.ikescope.wire.IkeDecoder;
import io.ikescope.wire.IkeMessage;
import io.ikescope.wire.NotifyPayload;
import io.ikescope.wire.Payload;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A capture run through the product's reader, codec and one {@link Decryptor}, message by message. */
record DecryptedCapture(List<Entry> entries, List<SaOutcome> outcomes) {

    record Entry(IkeDatagram datagram, DecryptedMessage result) {
        long frame() {
            return datagram.frame();
        }

        DecryptionStatus status() {
            return result.status();
        }

        /** The decrypted payloads: IKEv1 the message's, IKEv2 those inside SK/SKF; empty when none. */
        List<Payload> decrypted() {
            return decryptedPayloads(result.message());
        }
    }

    static DecryptedCapture of(Path capture, KeyRing keys) throws IOException {
        Decryptor decryptor = new Decryptor(keys);
        List<Entry> entries = new ArrayList<>();
        for (IkeDatagram d : DecodedCapture.of(capture).ike()) {
            IkeMessage m = IkeDecoder.decode(d.ike());
            entries.add(new Entry(d, decryptor.process(d, m)));
        }
        return new DecryptedCapture(entries, decryptor.saOutcomes());
    }

    static List<Payload> decryptedPayloads(IkeMessage m) {
        if (m.encryptedBody() != null) {
            return m.payloads();
        }
        for (Payload p : m.payloads()) {
            if (p instanceof EncryptedPayload sk) {
                return sk.inner();
            }
            if (p instanceof EncryptedFragmentPayload skf) {
                return skf.inner();
            }
        }
        return List.of();
    }

    static List<Integer> types(List<Payload> payloads) {
        return payloads.stream().map(Payload::type).toList();
    }

    static List<Integer> notifyTypes(List<Payload> payloads) {
        return payloads.stream().filter(p -> p instanceof NotifyPayload).map(p -> ((NotifyPayload) p).notifyType())
                .toList();
    }

    long count(DecryptionStatus status) {
        return entries.stream().filter(e -> e.status() == status).count();
    }
}
