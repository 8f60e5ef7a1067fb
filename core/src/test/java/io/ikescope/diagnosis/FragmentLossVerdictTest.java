package io.ikescope.diagnosis;

import static io.ikescope.testsupport.TestPaths.sampleCapture;
import static io.ikescope.testsupport.TestPaths.samples;
import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.capture.CaptureRewriter;
import io.ikescope.session.Reconstruct;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lab's IKEv2 fragment loss (a router drops RFC 7383 fragment 3 of 5 of every IKE_AUTH request copy): the
 * verdict names the missing fragment, with and without keys, and is not taken for a blocked UDP 4500, which the
 * fragments that did arrive there disprove.
 */
class FragmentLossVerdictTest {

    @Test
    void theMissingFragmentIsNamedWithAndWithoutKeys() throws IOException {
        Path capture = sampleCapture("ikev2-cert-fragment-loss");
        Path keys = samples().resolve("ikev2-cert-fragment-loss.keys.log");
        for (Verdict v : List.of(Diagnoser.diagnose(Reconstruct.run(capture).only()).verdict(),
                Diagnoser.diagnose(Reconstruct.runWithKeys(capture, List.of(keys)).only()).verdict())) {
            assertThat(v.code()).isEqualTo(VerdictCode.FRAGMENTATION_LOSS);
            assertThat(v.phase()).isEqualTo(1);
            assertThat(v.summary()).contains("split into 5 IKE fragments (RFC 7383) and fragment 3 never arrived, in"
                    + " any of the 3 copies sent");
            assertThat(v.explanation()).contains("Fragments 1, 2, 4 and 5 of 5 are in the capture")
                    .contains("the path MTU does not explain it");
            assertThat(v.evidence()).containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L);
        }
        Verdict keyed = Diagnoser.diagnose(Reconstruct.runWithKeys(capture, List.of(keys)).only()).verdict();
        assertThat(keyed.explanation()).contains("each decrypted and its checksum verified");
    }

    @Test
    void aCaptureThatStopsAfterTheFirstCopyIsNoEvidenceOfLoss(@TempDir Path dir) throws IOException {
        // Frames 1-6 only: IKE_SA_INIT and one copy of the fragments, then the capture ends at once. The
        // responder may still be waiting for a fragment in flight; nothing was retransmitted.
        Path cut = dir.resolve("cut.pcap");
        Files.write(cut, CaptureRewriter.pcapSelect(Files.readAllBytes(sampleCapture("ikev2-cert-fragment-loss")),
                1, 2, 3, 4, 5, 6));
        Verdict v = Diagnoser.diagnose(Reconstruct.run(cut).only()).verdict();
        assertThat(v.code()).isNotEqualTo(VerdictCode.FRAGMENTATION_LOSS).isNotEqualTo(VerdictCode.NAT_T_BLOCKED);
    }
}
