package io.ikescope.fuzz;

import io.ikescope.crypto.DecryptedMessage;
import io.ikescope.crypto.DecryptionStatus;
import io.ikescope.crypto.Decryptor;
import io.ikescope.net.IkeDatagram;
import io.ikescope.wire.EncryptedPayload;
import io.ikescope.wire.IkeDecoder;
import io.ikescope.wire.Payload;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decryption fuzz targets reach the decryptor only if their harness is right: the samples' keys load, and a
 * real message's own plaintext, re-encrypted by {@link TestEncryptor}, decrypts to the same payloads as the real
 * message did. A tampered message must still fail, or the harness would prove nothing.
 */
class KeyedSamplesTest {

    @Test
    void everyTemplateReEncryptsItsRealMessageToTheSamePayloads() throws Exception {
        List<KeyedSamples.Template> templates = KeyedSamples.templates();
        assertThat(templates).anyMatch(t -> t instanceof KeyedSamples.Ikev1Template)
                .anyMatch(t -> t instanceof KeyedSamples.Ikev2Template);
        assertThat(templates.stream().map(t -> t.sample().name()).distinct().count()).isGreaterThanOrEqualTo(20);
        int compared = 0;
        for (KeyedSamples.Template t : templates) {
            IkeDatagram real = t.sample().datagrams().get(t.position());
            Decryptor decryptor = t.sample().replay(t.position());
            DecryptedMessage original = decryptor.process(real, IkeDecoder.decode(real.ike()));
            if (original.status() != DecryptionStatus.OK) {
                // a pre-shared key mismatch: the other peer encrypted this one with keys the log does not hold
                assertThat(t.sample().name()).contains("mismatch");
                continue;
            }
            KeyedSamples.Plaintext plain = t.realPlaintext();
            if (plain == null) {
                // a retransmission (encrypted from the IV of its first sending), or decrypted from an older Phase 1
                // IV (the note says so): not the IV the template chains from
                boolean retransmitted = t.sample().datagrams().subList(0, t.position()).stream()
                        .anyMatch(d -> java.util.Arrays.equals(d.ike(), 28, d.ike().length, real.ike(), 28, real.ike().length));
                boolean olderIv = decryptor.saOutcomes().stream().anyMatch(sa -> sa.messages().stream()
                        .anyMatch(m -> m.frame() == real.frame() && m.note() != null));
                assertThat(retransmitted || olderIv).as(t.sample().name() + " frame " + real.frame()).isTrue();
                continue;
            }
            compared++;
            byte[] again = t.encrypt(plain.firstType(), plain.bytes(), 0);
            DecryptedMessage copy = t.sample().replay(t.position()).process(t.datagram(again), IkeDecoder.decode(again));
            assertThat(copy.status()).as(t.sample().name() + " frame " + real.frame() + ": " + copy.error()).isEqualTo(DecryptionStatus.OK);
            assertThat(types(copy)).as(t.sample().name() + " frame " + real.frame()).isEqualTo(types(original));

            byte[] tampered = again.clone();
            tampered[tampered.length - 1] ^= 0x01;
            DecryptedMessage bad = t.sample().replay(t.position()).process(t.datagram(tampered),
                    IkeDecoder.decode(tampered));
            if (t instanceof KeyedSamples.Ikev2Template) {
                assertThat(bad.status()).as("tampered " + t.sample().name()).isEqualTo(DecryptionStatus.FAILED);
                assertThat(bad.error()).isNotBlank();
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(templates.size() * 3 / 4);
    }

    private static List<Integer> types(DecryptedMessage m) {
        List<Payload> payloads = m.message().payloads();
        if (payloads.size() == 1 && payloads.get(0) instanceof EncryptedPayload sk) {
            payloads = sk.inner();
        }
        return payloads.stream().map(Payload::type).toList();
    }
}
