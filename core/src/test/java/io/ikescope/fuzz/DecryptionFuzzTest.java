package io.ikescope.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ikescope.crypto.DecryptedMessage;
import io.ikescope.crypto.DecryptionStatus;
import io.ikescope.crypto.Decryptor;
import io.ikescope.crypto.MessageOutcome;
import io.ikescope.crypto.SaOutcome;
import io.ikescope.net.IkeDatagram;
import io.ikescope.wire.EncryptedFragmentPayload;
import io.ikescope.wire.EncryptedPayload;
import io.ikescope.wire.IkeDecoder;
import io.ikescope.wire.IkeMessage;
import io.ikescope.wire.MalformedPayload;
import io.ikescope.wire.Payload;
import io.ikescope.wire.PayloadChain;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;

/**
 * Hostile encrypted messages to the {@link Decryptor}, with the real keys of a lab sample (its key log read by
 * {@code KeySources}) so that the keys are found and the decryption code is reached.
 *
 * <p>{@link #decryptHostileMessages}: a message script. Byte 0 picks the sample, byte 1 how many of its real
 * messages the decryptor sees first (so it knows the algorithms, KE values and IV chains), byte 2 whose SPIs a
 * message gets when it names none of the sample's SAs; then messages, each {@code [from initiator?][u16
 * length][bytes]}. Mutated ciphertext mostly fails integrity (IKEv2), which is why there is also
 * {@link #decryptChosenPlaintext}: byte 0 picks a {@link KeyedSamples.Template} (a real message position of a
 * sample), byte 1 the first inner payload type, byte 2 the padding, the rest is plaintext; the test encrypts it
 * with the sample's keys ({@link TestEncryptor}) so that the decryptor verifies, decrypts and decodes what the
 * fuzzer chose.
 *
 * <p>Invariants: a status for every message, encrypted content never NONE and cleartext never anything else;
 * FAILED, and only FAILED, carries a non-empty reason; payload offsets inside the message; the per-SA outcome
 * log agrees; no exception.
 */
class DecryptionFuzzTest {
    private static final int MAX_MESSAGES = 16;

    @FuzzTest(maxDuration = "10m")
    void decryptHostileMessages(byte[] input) {
        if (input.length < 3) {
            return;
        }
        List<KeyedSamples.Sample> samples = KeyedSamples.samples();
        KeyedSamples.Sample sample = samples.get((input[0] & 0xff) % samples.size());
        List<IkeDatagram> real = sample.datagrams();
        int prefix = (input[1] & 0xff) % (real.size() + 1);
        Decryptor decryptor = sample.replay(prefix);
        String initiator = real.get(0).src();
        String responder = real.get(0).dst();
        long frame = 1_000;
        int at = 3;
        for (int n = 0; n < MAX_MESSAGES && at + 3 <= input.length; n++) {
            boolean fromInitiator = (input[at] & 1) != 0;
            int length = ((input[at + 1] & 0xff) << 8) | (input[at + 2] & 0xff);
            int start = at + 3;
            int end = Math.min(input.length, start + length);
            at = end;
            byte[] message = Arrays.copyOfRange(input, start, end);
            if (message.length >= 16 && !sample.knowsSpis(message) && !sample.spiPairs().isEmpty()) {
                byte[] spis = sample.spiPairs().get((input[2] & 0xff) % sample.spiPairs().size());
                System.arraycopy(spis, 0, message, 0, 16);
            }
            IkeDatagram datagram = new IkeDatagram(frame++, 0, fromInitiator ? initiator : responder, 500,
                    fromInitiator ? responder : initiator, 500, real.get(0).transport(), message);
            IkeMessage decoded = IkeDecoder.decode(message);
            check(decryptor.process(datagram, decoded), decoded, message);
        }
        checkOutcomes(decryptor);
    }

    @FuzzTest(maxDuration = "10m")
    void decryptChosenPlaintext(byte[] input) throws GeneralSecurityException {
        if (input.length < 3) {
            return;
        }
        List<KeyedSamples.Template> templates = KeyedSamples.templates();
        KeyedSamples.Template t = templates.get((input[0] & 0xff) % templates.size());
        int firstType = input[1] & 0xff;
        byte[] plaintext = Arrays.copyOfRange(input, 3, Math.min(input.length, 3 + 16_384));
        byte[] message = t.encrypt(firstType, plaintext, input[2] & 0xff);
        Decryptor decryptor = t.sample().replay(t.position());
        IkeMessage decoded = IkeDecoder.decode(message);
        DecryptedMessage result = decryptor.process(t.datagram(message), decoded);
        check(result, decoded, message);
        if (result.status() != DecryptionStatus.OK && result.status() != DecryptionStatus.FAILED) {
            throw new AssertionError("a message encrypted with the SA's own keys came out " + result.status());
        }
        if (t instanceof KeyedSamples.Ikev2Template) {
            // The checksum verified, so the outcome is the payload chain's alone: OK exactly when it decodes
            // cleanly to the last byte, and then with exactly the payloads the codec finds.
            PayloadChain chain = IkeDecoder.decodePayloadChain(2, firstType, plaintext, 0, plaintext.length);
            boolean clean = chain.errors().isEmpty() && chain.end() == plaintext.length;
            if (clean != (result.status() == DecryptionStatus.OK)) {
                throw new AssertionError("the chain " + (clean ? "decodes" : "does not decode") + " but decryption is "
                        + result.status() + ": " + result.error());
            }
            if (clean) {
                EncryptedPayload sk = (EncryptedPayload) result.message().payloads().get(0);
                if (sk.inner().size() != chain.payloads().size()) {
                    throw new AssertionError(sk.inner().size() + " inner payloads, the codec finds "
                            + chain.payloads().size());
                }
            }
        }
        checkOutcomes(decryptor);
    }

    private static void check(DecryptedMessage result, IkeMessage decoded, byte[] message) {
        if (result == null || result.status() == null || result.message() == null) {
            throw new AssertionError("no result, status or message: " + result);
        }
        boolean encrypted = decoded.hasEncryptedContent();
        if (encrypted == (result.status() == DecryptionStatus.NONE)) {
            throw new AssertionError("status " + result.status() + " for a message "
                    + (encrypted ? "with" : "without") + " encrypted content");
        }
        checkReason(result.status(), result.error());
        checkOffsets(result.message().payloads(), message.length);
        if (result.reassembled() != null) {
            DecryptedMessage whole = result.reassembled();
            if (whole.status() == null || whole.message() == null) {
                throw new AssertionError("a reassembled message without status or message");
            }
            checkReason(whole.status(), whole.error());
        }
    }

    private static void checkReason(DecryptionStatus status, String reason) {
        boolean failed = status == DecryptionStatus.FAILED;
        if (failed != (reason != null) || (failed && reason.isBlank())) {
            throw new AssertionError(status + " with the reason \"" + reason + "\"");
        }
    }

    /**
     * Every payload, decrypted ones included (their offsets count in the plaintext, never longer), within the
     * message: its header always, its whole length unless it is a {@link MalformedPayload} (which keeps the length
     * it declared, as the codec documents).
     */
    private static void checkOffsets(List<Payload> payloads, int messageLength) {
        for (Payload p : payloads) {
            int offset = p.header().offset();
            long end = (long) offset + (p instanceof MalformedPayload ? 4 : p.header().length());
            if (offset < 0 || p.header().length() < 0 || end > messageLength) {
                throw new AssertionError(p.getClass().getSimpleName() + " at " + offset + " of " + p.header().length()
                        + " bytes in a message of " + messageLength);
            }
            if (p instanceof EncryptedPayload sk) {
                checkOffsets(sk.inner(), messageLength);
            } else if (p instanceof EncryptedFragmentPayload skf) {
                checkOffsets(skf.inner(), Integer.MAX_VALUE); // offsets in the reassembled content, not this message
            }
        }
    }

    private static void checkOutcomes(Decryptor decryptor) {
        for (SaOutcome sa : decryptor.saOutcomes()) {
            for (MessageOutcome o : sa.messages()) {
                if (o.status() == null || o.status() == DecryptionStatus.NONE) {
                    throw new AssertionError("an SA outcome of status " + o.status());
                }
                checkReason(o.status(), o.reason());
            }
        }
    }
}
