package io.ikescope.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.testsupport.TestPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Wireshark's IKEv2 table with the SPIs removed: each key set must find its own SA among all of Wireshark's
 * IKEv2 captures by verification alone, and a key set whose integrity is "not checked" must bind to none.
 */
class TrialBindingTest {

    @Test
    void keySetsWithoutSpisFindTheirOwnSaAndUncheckedOnesNone() throws Exception {
        Path corpus = TestPaths.publicCorpusOrSkip();
        List<Ikev2Keys> withoutSpis = WiresharkTables.ikev2(corpus.resolve("wireshark/keys/ikev2_decryption_table"))
                .stream().map(k -> new Ikev2Keys(null, null, k.skEi(), k.skEr(), k.skAi(), k.skAr(), k.encryption(),
                        k.integrity(), k.origin())).toList();
        List<Path> captures;
        try (Stream<Path> files = Files.list(corpus.resolve("wireshark"))) {
            captures = files.filter(p -> p.getFileName().toString().startsWith("ikev2-")).sorted().toList();
        }
        assertThat(captures).hasSize(8);
        for (Path capture : captures) {
            DecryptedCapture c = DecryptedCapture.of(capture, new KeyRing(List.of(), withoutSpis));
            boolean unchecked = capture.getFileName().toString().equals("ikev2-decrypt-aes128ccm12-2.pcap");
            long encrypted = c.entries().stream().filter(e -> e.status() != DecryptionStatus.NONE).count();
            assertThat(encrypted).isGreaterThan(0);
            assertThat(c.count(unchecked ? DecryptionStatus.NO_KEYS : DecryptionStatus.OK))
                    .as(capture.getFileName().toString()).isEqualTo(encrypted);
            if (!unchecked) {
                // the origin names the table row: the one whose SPIs were removed for this capture
                String spiI = c.outcomes().get(0).spiI().hex();
                int row = Files.readAllLines(corpus.resolve("wireshark/keys/ikev2_decryption_table")).stream()
                        .map(l -> l.startsWith(spiI)).toList().indexOf(true) + 1;
                assertThat(c.outcomes().get(0).keyOrigins()).containsExactly("ikev2_decryption_table line " + row);
            }
        }
    }
}
