package io.ikescope.fuzz;

import io.ikescope.crypto.Ikev1Keys;
import io.ikescope.crypto.Ikev2Keys;
import io.ikescope.net.IkeDatagram;
import io.ikescope.testsupport.TestPaths;
import io.ikescope.wire.Bytes;
import io.ikescope.wire.IkeDecoder;
import io.ikescope.wire.IkeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The seed kinds of the targets that use key material ({@link FuzzSeeds} holds the others and the layout): the
 * message scripts of {@link DecryptionFuzzTest}, chosen plaintexts, key files and keyed captures for
 * {@link DiagnosePipelineFuzzTest}. All derive from the lab samples and their key logs.
 */
final class KeyedSeeds {
    private KeyedSeeds() {
    }

    /**
     * Per sample: one script of its encrypted messages from the first on (as many as fit), after the messages
     * before; and one script per distinct encrypted message shape, each after the messages before it.
     */
    static Map<String, byte[]> hostileMessageSeeds(int maxSize) {
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        List<KeyedSamples.Sample> samples = KeyedSamples.samples();
        for (int index = 0; index < samples.size(); index++) {
            KeyedSamples.Sample s = samples.get(index);
            List<IkeDatagram> real = s.datagrams();
            int first = -1;
            ByteArrayOutputStream all = null;
            Set<String> shapes = new HashSet<>();
            for (int k = 0; k < real.size(); k++) {
                IkeMessage m = IkeDecoder.decode(real.get(k).ike());
                if (!m.hasEncryptedContent()) {
                    continue;
                }
                byte[] record = record(real.get(0).src().equals(real.get(k).src()), real.get(k).ike());
                if (first < 0) {
                    first = k;
                    all = new ByteArrayOutputStream();
                    all.writeBytes(new byte[] {(byte) index, (byte) k, 0});
                }
                if (all.size() + record.length <= maxSize) {
                    all.writeBytes(record);
                }
                String shape = m.ikeVersion() + "/" + m.header().exchangeType() + "/" + m.header().flags();
                if (shapes.add(shape) && 3 + record.length <= maxSize) {
                    byte[] one = new byte[3 + record.length];
                    one[0] = (byte) index;
                    one[1] = (byte) k;
                    System.arraycopy(record, 0, one, 3, record.length);
                    seeds.put("seed-" + s.name() + "-frame" + real.get(k).frame(), one);
                }
            }
            if (all != null) {
                seeds.put("seed-" + s.name() + "-all", all.toByteArray());
            }
        }
        return seeds;
    }

    private static byte[] record(boolean fromInitiator, byte[] message) {
        byte[] r = new byte[3 + message.length];
        r[0] = (byte) (fromInitiator ? 1 : 0);
        r[1] = (byte) (message.length >> 8);
        r[2] = (byte) message.length;
        System.arraycopy(message, 0, r, 3, message.length);
        return r;
    }

    /**
     * Per template: the real plaintext of the message it stands in for (decrypted with the sample's keys), and
     * the cleartext payload chains of the same IKE version in that sample.
     */
    static Map<String, byte[]> chosenPlaintextSeeds(int maxSize) {
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        List<KeyedSamples.Template> templates = KeyedSamples.templates();
        for (int index = 0; index < templates.size(); index++) {
            KeyedSamples.Template t = templates.get(index);
            String name = "seed-" + t.sample().name() + "-frame" + t.sample().datagrams().get(t.position()).frame();
            KeyedSamples.Plaintext real = t.realPlaintext();
            if (real != null && 3 + real.bytes().length <= maxSize) {
                seeds.put(name, plaintextSeed(index, real.firstType(), real.bytes()));
            }
            int version = t instanceof KeyedSamples.Ikev2Template ? 2 : 1;
            Set<String> shapes = new HashSet<>();
            for (IkeDatagram d : t.sample().datagrams()) {
                IkeMessage m = IkeDecoder.decode(d.ike());
                byte[] ike = d.ike();
                if (m.ikeVersion() != version || m.hasEncryptedContent() || ike.length > maxSize
                        || !shapes.add(m.header().exchangeType() + "/" + m.header().flags())) {
                    continue;
                }
                seeds.put(name + "-clear" + d.frame(),
                        plaintextSeed(index, ike[16] & 0xff, Arrays.copyOfRange(ike, 28, ike.length)));
            }
        }
        return seeds;
    }

    private static byte[] plaintextSeed(int template, int firstType, byte[] plaintext) {
        byte[] seed = new byte[3 + plaintext.length];
        seed[0] = (byte) template;
        seed[1] = (byte) firstType;
        System.arraycopy(plaintext, 0, seed, 3, plaintext.length);
        return seed;
    }

    /**
     * Key files of every kind KeySources reads, from the samples' keys: their charon logs (cut to whole lines),
     * and the same keys written as Wireshark ikev1/ikev2 decryption tables and as tcpdump IKEv2 secrets, plain
     * and gzip'd. The first byte is the target's mode (see {@link KeyFileFuzzTest}).
     */
    static Map<String, byte[]> keyFileSeeds(int maxSize) {
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        List<KeyedSamples.Sample> samples = KeyedSamples.samples();
        Map<String, TestEncryptor.Ikev2Suite> suites = new LinkedHashMap<>();
        for (KeyedSamples.Template t : KeyedSamples.templates()) {
            if (t instanceof KeyedSamples.Ikev2Template v2) {
                suites.putIfAbsent(v2.sample().name(), v2.suite());
            }
        }
        for (int index = 0; index < samples.size(); index++) {
            KeyedSamples.Sample s = samples.get(index);
            int sampleBits = (index << 2) & 0xfc;
            byte[] log = FuzzSeeds.read(TestPaths.sample(s.name() + ".keys.log"));
            seeds.put("seed-" + s.name() + ".keys.log", withMode(sampleBits, wholeLines(log, maxSize - 1)));
            StringBuilder v1 = new StringBuilder("# ikev1_decryption_table from " + s.name() + "\n");
            for (Ikev1Keys k : s.keys().ikev1()) {
                if (k.cookieI() != null) {
                    v1.append(k.cookieI().hex()).append(',').append(k.encryptionKey().hex()).append('\n');
                }
            }
            if (!s.keys().ikev1().isEmpty()) {
                seeds.put("seed-" + s.name() + ".ikev1_decryption_table",
                        withMode(sampleBits, v1.toString().getBytes(StandardCharsets.US_ASCII)));
            }
            TestEncryptor.Ikev2Suite suite = suites.get(s.name());
            if (suite == null) {
                continue;
            }
            StringBuilder v2 = new StringBuilder();
            StringBuilder tcpdump = new StringBuilder();
            for (Ikev2Keys k : s.keys().ikev2()) {
                if (k.spiI() == null || k.spiR() == null) {
                    continue;
                }
                v2.append(String.join(",", k.spiI().hex(), k.spiR().hex(), hex(k.skEi()), hex(k.skEr()),
                        '"' + encryptionName(suite) + '"', hex(k.skAi()), hex(k.skAr()),
                        '"' + integrityName(suite.integrityId()) + '"')).append('\n');
                if (suite.encryptionId() == 12 && k.skAi() != null) {
                    String integ = switch (suite.integrityId()) {
                        case 2 -> "sha1";
                        case 13 -> "sha384";
                        case 14 -> "sha512";
                        default -> "sha256";
                    };
                    String encr = "aes" + suite.keyBits();
                    tcpdump.append("ikev2 I 0x").append(k.spiI().hex()).append(" 0x").append(k.spiR().hex())
                            .append(' ').append(integ).append(":0x").append(hex(k.skAi())).append(' ').append(encr)
                            .append(":0x").append(hex(k.skEi())).append('\n');
                    tcpdump.append("ikev2 R 0x").append(k.spiI().hex()).append(" 0x").append(k.spiR().hex())
                            .append(' ').append(integ).append(":0x").append(hex(k.skAr())).append(' ').append(encr)
                            .append(":0x").append(hex(k.skEr())).append('\n');
                }
            }
            if (!v2.isEmpty()) {
                byte[] table = v2.toString().getBytes(StandardCharsets.US_ASCII);
                seeds.put("seed-" + s.name() + ".ikev2_decryption_table", withMode(sampleBits, table));
                seeds.put("seed-" + s.name() + ".ikev2_decryption_table.gz", withMode(sampleBits | 2, table));
                seeds.put("seed-" + s.name() + "-dir", withMode(sampleBits | 1, table));
            }
            if (!tcpdump.isEmpty()) {
                seeds.put("seed-" + s.name() + ".tcpdump-secrets",
                        withMode(sampleBits, tcpdump.toString().getBytes(StandardCharsets.US_ASCII)));
            }
        }
        return seeds;
    }

    private static String hex(Bytes b) {
        return b == null ? "" : b.hex();
    }

    private static String encryptionName(TestEncryptor.Ikev2Suite s) {
        return switch (s.encryptionId()) {
            case 12 -> "AES-CBC-" + s.keyBits() + " [RFC3602]";
            case 19, 20 -> "AES-GCM-" + s.keyBits() + " with " + s.tagLength() + " octet ICV [RFC5282]";
            default -> "CHACHA20-POLY1305 [RFC7634]";
        };
    }

    private static String integrityName(int id) {
        return switch (id) {
            case 0 -> "NONE [RFC4306]";
            case 2 -> "HMAC_SHA1_96 [RFC2404]";
            case 12 -> "HMAC_SHA2_256_128 [RFC4868]";
            case 13 -> "HMAC_SHA2_384_192 [RFC4868]";
            default -> "HMAC_SHA2_512_256 [RFC4868]";
        };
    }

    private static byte[] withMode(int mode, byte[] content) {
        byte[] seed = new byte[1 + content.length];
        seed[0] = (byte) mode;
        System.arraycopy(content, 0, seed, 1, content.length);
        return seed;
    }

    /** The longest prefix of whole lines within {@code max} bytes. */
    private static byte[] wholeLines(byte[] text, int max) {
        if (text.length <= max) {
            return text;
        }
        int end = max;
        while (end > 0 && text[end - 1] != '\n') {
            end--;
        }
        return Arrays.copyOf(text, end);
    }

    /**
     * The lab samples as whole captures (those over {@code maxSize} cut to their first records), each with its
     * own keys when it has a key log (first byte odd: the keys of sample {@code byte >> 1}), else without keys.
     */
    static Map<String, byte[]> diagnoseSeeds(int maxSize) {
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        List<KeyedSamples.Sample> keyed = KeyedSamples.samples();
        for (Path capture : FuzzSeeds.samples()) {
            String stem = FuzzSeeds.stem(capture);
            byte[] bytes = FuzzSeeds.read(capture);
            if (bytes.length > maxSize - 1) {
                bytes = FuzzSeeds.pcapHead(bytes, Integer.MAX_VALUE, maxSize - 1);
            }
            int keys = 0;
            for (int i = 0; i < keyed.size(); i++) {
                if (keyed.get(i).name().equals(stem)) {
                    keys = (i << 1) | 1;
                }
            }
            byte[] seed = new byte[1 + bytes.length];
            seed[0] = (byte) keys;
            System.arraycopy(bytes, 0, seed, 1, bytes.length);
            seeds.put("seed-" + stem + (Files.exists(capture.resolveSibling(stem + ".keys.log")) ? "-keys" : ""), seed);
        }
        return seeds;
    }
}
