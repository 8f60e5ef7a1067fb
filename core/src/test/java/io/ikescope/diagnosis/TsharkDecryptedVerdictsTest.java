package io.ikescope.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.session.MessageSource;
import io.ikescope.session.Reconstruct;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules on decrypted content, with real decrypted messages: tshark decrypts each keyed sample (see
 * {@link TsharkDecryptingSource}) until ikescope's own decryptor is wired into {@code diagnose}. Every negotiation
 * must get the expected code or UNDETERMINED (tshark cannot decrypt ChaCha20-Poly1305 or IKEv1 retransmissions).
 */
class TsharkDecryptedVerdictsTest {

    @Test
    void samplesDecryptedByTsharkGetTheirExpectedCode(@TempDir Path temp) throws Exception {
        Path root = Reconstruct.root();
        Path samples = Reconstruct.samples();
        TsharkDecryptingSource probe = TsharkDecryptingSource.forSample(root, samples.resolve("ikev2-psk-ok.pcap"),
                samples.resolve("ikev2-psk-ok.keys.log"), Files.createDirectories(temp.resolve("probe")));
        Assumptions.assumeTrue(probe != null, "tshark or bash not installed");

        List<SampleVerdictsTest.Row> rows = SampleVerdictsTest.diagnoseAll(name -> {
            Path keys = samples.resolve(name + ".keys.log");
            if (!Files.isRegularFile(keys)) {
                return MessageSource.withoutKeys();
            }
            try {
                return TsharkDecryptingSource.forSample(root, samples.resolve(name + ".pcap"), keys,
                        Files.createDirectories(temp.resolve(name)));
            } catch (Exception e) {
                throw new IllegalStateException(name + ": " + e, e);
            }
        });
        SampleVerdictsTest.print("Samples decrypted by tshark", rows);

        assertThat(rows).filteredOn(r -> !r.allowed()).isEmpty();
        assertThat(rows.stream().filter(SampleVerdictsTest.Row::exact).count()).isGreaterThanOrEqualTo(40);
    }
}
