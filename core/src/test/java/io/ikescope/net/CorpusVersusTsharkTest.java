package io.ikescope.net;

import io.ikescope.capture.TestCaptures;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every capture of the public corpus: the frames where ikescope finds IKE are exactly the frames tshark shows
 * as ISAKMP, with the same initiator SPI, header length, addresses and ports per message, and the ESP frames
 * carry the same SPI and sequence number.
 *
 * <p>Cases that needed care, all in the fuzzed tcpdump regression files: first IP fragments cut short by the
 * snapshot length (isakmp-various-oobr, isakmp-ikev1_n_print-oobr, ikev1_id_ipv6_addr_subnet-oobr,
 * isakmpv1-attr-oobr) are decoded as far as they go, which is what tshark does with an unreassembled first
 * fragment; an unknown ISAKMP version (isakmp-delete-segfault: 11.14) makes tshark stop before the length
 * field, so only the SPI is compared there.
 */
class CorpusVersusTsharkTest {

    @Test
    void everyCorpusCaptureYieldsTheIkeAndEspFramesTsharkShows() throws Exception {
        TestCaptures.assumeTshark();
        List<Path> files = TestCaptures.corpusCaptures();
        assertThat(files).hasSizeGreaterThan(100);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
        try {
            List<Future<String>> results = new ArrayList<>();
            for (Path file : files) {
                results.add(pool.submit(() -> TsharkComparison.differences(file, DecoderOptions.defaults())));
            }
            List<String> differences = new ArrayList<>();
            for (Future<String> r : results) {
                String d = r.get();
                if (!d.isEmpty()) {
                    differences.add(d);
                }
            }
            assertThat(differences).as("captures where ikescope and tshark disagree").isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void corpusTotalsMatchTheReadme() throws Exception {
        // README.md of the corpus: 129 capture files, 959 IKE packets as counted by tshark (-Y isakmp).
        long frames = 0;
        List<Path> files = TestCaptures.corpusCaptures();
        for (Path file : files) {
            frames += DecodedCapture.of(file).ikeFrames().size();
        }
        assertThat(files).hasSize(129);
        assertThat(frames).isEqualTo(959);
    }
}
