package io.ikescope.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.net.DecodedCapture;
import io.ikescope.net.IkeDatagram;
import io.ikescope.testsupport.TestPaths;
import io.ikescope.wire.IkeDecoder;
import io.ikescope.wire.IkeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every capture of the corpus (fuzzed and malformed ones included) through one decryptor holding keys that do
 * not fit them, and also with every message cut short: no exception, and the status always matches what the
 * message holds.
 */
class RobustnessTest {

    @Test
    void everyCorpusMessageWholeOrTruncatedGetsAStatusAndNoException() throws Exception {
        Path corpus = TestPaths.publicCorpusOrSkip();
        KeyRing keys = WiresharkTables.read(corpus.resolve("wireshark/keys/ikev1_decryption_table"),
                corpus.resolve("wireshark/keys/ikev2_decryption_table"));
        // plus key sets without SPIs or cookies, which every SA tries
        List<Ikev1Keys> v1 = new ArrayList<>(keys.ikev1());
        keys.ikev1().forEach(k -> v1.add(new Ikev1Keys(null, null, k.encryptionKey(), k.origin() + " (no cookie)")));
        List<Ikev2Keys> v2 = new ArrayList<>(keys.ikev2());
        keys.ikev2().forEach(k -> v2.add(new Ikev2Keys(null, null, k.skEi(), k.skEr(), k.skAi(), k.skAr(),
                k.encryption(), k.integrity(), k.origin() + " (no SPIs)")));
        Decryptor decryptor = new Decryptor(new KeyRing(v1, v2));
        List<Path> captures;
        try (Stream<Path> files = Files.walk(corpus)) {
            captures = files.filter(p -> p.toString().matches(".*\\.(pcap|pcapng)(\\.gz)?$")).sorted().toList();
        }
        int messages = 0;
        for (Path capture : captures) {
            for (IkeDatagram d : DecodedCapture.of(capture).ike()) {
                for (int cut : new int[] {d.ike().length, d.ike().length - 1, d.ike().length / 2, 29}) {
                    if (cut < 0 || cut > d.ike().length) {
                        continue;
                    }
                    byte[] bytes = java.util.Arrays.copyOf(d.ike(), cut);
                    IkeDatagram part = new IkeDatagram(d.frame(), d.epochNanos(), d.src(), d.srcPort(), d.dst(),
                            d.dstPort(), d.transport(), bytes);
                    IkeMessage m = IkeDecoder.decode(bytes);
                    DecryptedMessage r = decryptor.process(part, m);
                    messages++;
                    assertThat(r.status() == DecryptionStatus.NONE).isEqualTo(!m.hasEncryptedContent());
                    assertThat(r.error() != null).isEqualTo(r.status() == DecryptionStatus.FAILED);
                }
            }
        }
        assertThat(captures).hasSizeGreaterThan(100);
        assertThat(messages).isGreaterThan(3000);
    }
}
