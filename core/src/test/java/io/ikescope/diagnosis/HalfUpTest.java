package io.ikescope.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.session.Negotiation;
import io.ikescope.session.Reconstruct;
import io.ikescope.testsupport.TestPaths;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A tunnel half up, from a real lab run: one pair of networks established, a second one refused. */
class HalfUpTest {

    @Test
    void theRefusedPairAndTheEstablishedOneAreBothNamed() throws Exception {
        List<Negotiation> all = Reconstruct.runWithKeys(TestPaths.sampleCapture("ikev2-half-up"),
                List.of(TestPaths.sample("ikev2-half-up.keys.log"))).negotiations();
        assertThat(all).hasSize(1);
        Diagnosis d = Diagnoser.diagnose(all.get(0));
        assertThat(d.verdict().code()).isEqualTo(VerdictCode.TS_MISMATCH);
        assertThat(d.verdict().certainty()).isEqualTo(Certainty.CONFIRMED);
        assertThat(d.verdict().summary()).startsWith("Tunnel half up: 203.0.113.0/28 === 203.0.113.16/28"
                + " established, 203.0.113.0/28 === 203.0.113.48/28 refused.");
        assertThat(d.phase2Status()).containsExactly("established", "failed");
        assertThat(d.phase1Status()).isEqualTo("established");
    }

    @Test
    void aRefusedRekeyOfTheSameNetworksIsNotHalfUp() throws Exception {
        List<Negotiation> all = Reconstruct.runWithKeys(TestPaths.sampleCapture("ikev2-rekey-pfs-mismatch"),
                List.of(TestPaths.sample("ikev2-rekey-pfs-mismatch.keys.log"))).negotiations();
        for (Negotiation n : all) {
            assertThat(Diagnoser.diagnose(n).verdict().summary()).doesNotContain("half up");
        }
    }

    @Test
    void withoutKeysTheSelectorsAreHiddenAndNothingIsClaimed() throws Exception {
        Negotiation n = Reconstruct.run(TestPaths.sampleCapture("ikev2-half-up")).negotiations().get(0);
        Diagnosis d = Diagnoser.diagnose(n);
        assertThat(d.verdict().code()).isEqualTo(VerdictCode.UNDETERMINED);
        assertThat(d.verdict().summary()).doesNotContain("half up");
    }
}
