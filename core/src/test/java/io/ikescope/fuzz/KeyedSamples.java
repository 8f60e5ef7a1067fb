package io.ikescope.fuzz;

import io.ikescope.crypto.DecryptedMessage;
import io.ikescope.crypto.DecryptionStatus;
import io.ikescope.crypto.Decryptor;
import io.ikescope.crypto.Ikev1Keys;
import io.ikescope.crypto.Ikev2Keys;
import io.ikescope.crypto.KeyRing;
import io.ikescope.crypto.keys.KeySources;
import io.ikescope.net.IkeDatagram;
import io.ikescope.testsupport.TestPaths;
import io.ikescope.wire.Attribute;
import io.ikescope.wire.Bytes;
import io.ikescope.wire.EncryptedPayload;
import io.ikescope.wire.IkeDecoder;
import io.ikescope.wire.IkeHeader;
import io.ikescope.wire.IkeMessage;
import io.ikescope.wire.Payload;
import io.ikescope.wire.PayloadChain;
import io.ikescope.wire.Proposal;
import io.ikescope.wire.SecurityAssociationPayload;
import io.ikescope.wire.Transform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The lab samples that come with a key log, loaded through the project's key readers, for the decryption fuzz
 * targets: each sample's key ring and IKE messages in capture order, and, for chosen-plaintext fuzzing, the
 * positions at which a message encrypted by {@link TestEncryptor} with the sample's real keys is accepted (each
 * checked once by encrypting a Nonce payload and asking the decryptor).
 */
final class KeyedSamples {
    /** One sample with its keys; {@code spiPairs}: the 16 header bytes of every SA the keys name. */
    record Sample(String name, KeyRing keys, List<IkeDatagram> datagrams, List<byte[]> spiPairs) {
        /** A decryptor that has seen the first {@code count} messages of the capture, as in a real run. */
        Decryptor replay(int count) {
            Decryptor d = new Decryptor(keys);
            for (int i = 0; i < count && i < datagrams.size(); i++) {
                IkeDatagram dg = datagrams.get(i);
                d.process(dg, IkeDecoder.decode(dg.ike()));
            }
            return d;
        }

        boolean knowsSpis(byte[] message) {
            return spiPairs.stream().anyMatch(p -> Arrays.equals(p, 0, 16, message, 0, 16));
        }
    }

    /** Where a chosen plaintext can stand in for the real message {@code position} of a sample. */
    sealed interface Template permits Ikev2Template, Ikev1Template {
        Sample sample();

        int position();

        /** The encrypted message: first payload {@code firstType}, {@code plaintext}, padding chosen by {@code pad}. */
        byte[] encrypt(int firstType, byte[] plaintext, int pad) throws GeneralSecurityException;

        /** The real message's plaintext at this position, or null when it cannot be had. */
        Plaintext realPlaintext();

        default IkeDatagram datagram(byte[] message) {
            IkeDatagram real = sample().datagrams().get(position());
            return new IkeDatagram(real.frame(), real.epochNanos(), real.src(), real.srcPort(), real.dst(),
                    real.dstPort(), real.transport(), message);
        }
    }

    /** A plaintext payload chain and the type of its first payload. */
    record Plaintext(int firstType, byte[] bytes) {
    }

    record Ikev2Template(Sample sample, int position, byte[] header, TestEncryptor.Ikev2Suite suite, byte[] skE,
                         byte[] skA) implements Template {
        @Override
        public byte[] encrypt(int firstType, byte[] plaintext, int pad) throws GeneralSecurityException {
            int extra = suite.blockSize() == 1 ? pad : pad % 16;
            byte[] iv = new byte[16];
            Arrays.fill(iv, (byte) pad);
            return TestEncryptor.ikev2(header, suite, skE, skA, firstType, plaintext, extra, iv);
        }

        @Override
        public Plaintext realPlaintext() {
            byte[] real = sample.datagrams().get(position).ike();
            try {
                return new Plaintext(real[28] & 0xff, TestEncryptor.ikev2Plaintext(real, suite, skE));
            } catch (GeneralSecurityException | RuntimeException e) {
                return null;
            }
        }
    }

    record Ikev1Template(Sample sample, int position, byte[] header, TestEncryptor.Ikev1Cipher cipher, byte[] key,
                         byte[] iv) implements Template {
        @Override
        public byte[] encrypt(int firstType, byte[] plaintext, int pad) throws GeneralSecurityException {
            return TestEncryptor.ikev1(header, cipher, key, iv, firstType, plaintext, (pad & 1) != 0);
        }

        @Override
        public Plaintext realPlaintext() {
            byte[] real = sample.datagrams().get(position).ike();
            try {
                byte[] plain = TestEncryptor.ikev1Plaintext(Arrays.copyOfRange(real, 28, real.length), cipher, key, iv);
                PayloadChain chain = IkeDecoder.decodePayloadChain(1, real[16] & 0xff, plain, 0, plain.length);
                // not this IV (the sender chained from an older Phase 1 state): no plaintext to offer
                return chain.errors().isEmpty() && chain.end() > 0
                        ? new Plaintext(real[16] & 0xff, Arrays.copyOf(plain, chain.end())) : null;
            } catch (GeneralSecurityException | RuntimeException e) {
                return null;
            }
        }
    }

    private static final int NONCE_V1 = 10;
    private static final int NONCE_V2 = 40;
    private static List<Sample> samples;
    private static List<Template> templates;

    private KeyedSamples() {
    }

    /** Every sample with a key log, in name order (stable, so that a seed's first byte keeps its meaning). */
    static synchronized List<Sample> samples() {
        if (samples == null) {
            List<Sample> loaded = new ArrayList<>();
            for (Path capture : FuzzSeeds.samples()) {
                Path keyLog = capture.resolveSibling(FuzzSeeds.stem(capture) + ".keys.log");
                if (!Files.isRegularFile(keyLog)) {
                    continue;
                }
                KeyRing ring;
                try {
                    ring = KeySources.load(List.of(keyLog));
                } catch (IOException e) {
                    throw new UncheckedIOException("a sample key log does not load: " + keyLog, e);
                }
                loaded.add(new Sample(FuzzSeeds.stem(capture), ring, FuzzSeeds.ikeDatagrams(capture), spiPairs(ring)));
            }
            if (loaded.isEmpty()) {
                throw new IllegalStateException("no sample with a key log under " + TestPaths.samples());
            }
            samples = List.copyOf(loaded);
        }
        return samples;
    }

    private static List<byte[]> spiPairs(KeyRing ring) {
        List<byte[]> pairs = new ArrayList<>();
        for (Ikev2Keys k : ring.ikev2()) {
            if (k.spiI() != null && k.spiR() != null) {
                pairs.add(concat(k.spiI(), k.spiR()));
            }
        }
        for (Ikev1Keys k : ring.ikev1()) {
            if (k.cookieI() != null) {
                pairs.add(concat(k.cookieI(), k.cookieR() == null ? Bytes.of(new byte[8]) : k.cookieR()));
            }
        }
        return pairs;
    }

    private static byte[] concat(Bytes a, Bytes b) {
        byte[] out = Arrays.copyOf(a.toArray(), 16);
        System.arraycopy(b.toArray(), 0, out, 8, 8);
        return out;
    }

    /** The chosen-plaintext positions of every sample, each verified with the decryptor. */
    static synchronized List<Template> templates() {
        if (templates == null) {
            List<Template> found = new ArrayList<>();
            for (Sample s : samples()) {
                found.addAll(ikev2Templates(s));
                found.addAll(ikev1Templates(s));
            }
            if (found.isEmpty()) {
                throw new IllegalStateException("no sample message could be re-encrypted with its keys");
            }
            templates = List.copyOf(found);
        }
        return templates;
    }

    /** One template per SA and direction: its first SK message, with the algorithms of its IKE_SA_INIT response. */
    private static List<Template> ikev2Templates(Sample s) {
        List<Template> out = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (int k = 0; k < s.datagrams().size(); k++) {
            byte[] bytes = s.datagrams().get(k).ike();
            IkeMessage m = IkeDecoder.decode(bytes);
            if (m.ikeVersion() != 2 || m.payloads().isEmpty() || !(m.payloads().get(0) instanceof EncryptedPayload)) {
                continue;
            }
            IkeHeader h = m.header();
            String key = h.spiI().hex() + h.spiR().hex() + h.initiator();
            Ikev2Keys keys = ikev2Keys(s.keys(), h);
            TestEncryptor.Ikev2Suite suite = keys == null ? null : ikev2Suite(s, k, h);
            if (suite == null || !done.add(key)) {
                continue;
            }
            byte[] skE = (h.initiator() ? keys.skEi() : keys.skEr()).toArray();
            Bytes a = h.initiator() ? keys.skAi() : keys.skAr();
            Template t = new Ikev2Template(s, k, Arrays.copyOf(bytes, 28), suite, skE, a == null ? null : a.toArray());
            if (accepted(t, NONCE_V2)) {
                out.add(t);
            }
        }
        return out;
    }

    private static Ikev2Keys ikev2Keys(KeyRing ring, IkeHeader h) {
        for (Ikev2Keys k : ring.ikev2()) {
            if (h.spiI().equals(k.spiI()) && h.spiR().equals(k.spiR())) {
                return k;
            }
        }
        return null;
    }

    /** The suite the SA's IKE_SA_INIT response (before {@code position}) chose, when this encryptor speaks it. */
    private static TestEncryptor.Ikev2Suite ikev2Suite(Sample s, int position, IkeHeader sa) {
        for (int i = position - 1; i >= 0; i--) {
            IkeMessage m = IkeDecoder.decode(s.datagrams().get(i).ike());
            IkeHeader h = m.header();
            if (h == null || m.ikeVersion() != 2 || h.exchangeType() != 34 || !h.response()
                    || !h.spiI().equals(sa.spiI()) || !h.spiR().equals(sa.spiR())) {
                continue;
            }
            for (Payload p : m.payloads()) {
                if (p instanceof SecurityAssociationPayload sap && !sap.proposals().isEmpty()) {
                    Proposal chosen = sap.proposals().get(0);
                    int encryption = -1;
                    int bits = 0;
                    int integrity = 0;
                    for (Transform t : chosen.transforms()) {
                        if (t.type() != null && t.type() == 1) {
                            encryption = t.id();
                            for (Attribute a : t.attributes()) {
                                bits = a.type() == 14 ? (int) a.numericValue() : bits;
                            }
                        } else if (t.type() != null && t.type() == 3) {
                            integrity = t.id();
                        }
                    }
                    return TestEncryptor.Ikev2Suite.supported(encryption, bits, integrity);
                }
            }
        }
        return null;
    }

    /**
     * IKEv1: the encrypted messages whose IV is the last ciphertext block of an earlier message of the same
     * exchange (Phase 1 chains over message ID 0), one per exchange and sender; AES or 3DES, whichever the
     * decryptor accepts.
     */
    private static List<Template> ikev1Templates(Sample s) {
        List<Template> out = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (int k = 0; k < s.datagrams().size(); k++) {
            IkeDatagram dg = s.datagrams().get(k);
            IkeMessage m = IkeDecoder.decode(dg.ike());
            if (m.ikeVersion() != 1 || m.encryptedBody() == null) {
                continue;
            }
            IkeHeader h = m.header();
            Ikev1Keys keys = ikev1Keys(s.keys(), h);
            Bytes previous = previousBody(s, k, h);
            String key = h.spiI().hex() + h.spiR().hex() + h.messageId() + dg.src();
            if (keys == null || previous == null || done.contains(key)) {
                continue;
            }
            byte[] prev = previous.toArray();
            for (TestEncryptor.Ikev1Cipher c : TestEncryptor.Ikev1Cipher.values()) {
                if (!c.takesKey(keys.encryptionKey().length()) || prev.length < c.blockSize) {
                    continue;
                }
                byte[] iv = Arrays.copyOfRange(prev, prev.length - c.blockSize, prev.length);
                Template t = new Ikev1Template(s, k, Arrays.copyOf(dg.ike(), 28), c, keys.encryptionKey().toArray(), iv);
                if (accepted(t, NONCE_V1)) {
                    out.add(t);
                    done.add(key);
                    break;
                }
            }
        }
        return out;
    }

    private static Ikev1Keys ikev1Keys(KeyRing ring, IkeHeader h) {
        for (Ikev1Keys k : ring.ikev1()) {
            if (h.spiI().equals(k.cookieI()) && (k.cookieR() == null || h.spiR().equals(k.cookieR()))) {
                return k;
            }
        }
        return null;
    }

    private static Bytes previousBody(Sample s, int position, IkeHeader h) {
        for (int i = position - 1; i >= 0; i--) {
            IkeMessage m = IkeDecoder.decode(s.datagrams().get(i).ike());
            if (m.ikeVersion() == 1 && m.encryptedBody() != null && m.header().spiI().equals(h.spiI())
                    && m.header().spiR().equals(h.spiR()) && m.header().messageId() == h.messageId()) {
                return m.encryptedBody();
            }
        }
        return null;
    }

    /** True when the decryptor, after the messages before the template's position, accepts a lone Nonce payload. */
    private static boolean accepted(Template t, int nonceType) {
        byte[] nonce = new byte[20];
        nonce[3] = 20;
        Arrays.fill(nonce, 4, 20, (byte) 0x5a);
        try {
            byte[] message = t.encrypt(nonceType, nonce, 0);
            DecryptedMessage r = t.sample().replay(t.position()).process(t.datagram(message), IkeDecoder.decode(message));
            return r.status() == DecryptionStatus.OK;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
