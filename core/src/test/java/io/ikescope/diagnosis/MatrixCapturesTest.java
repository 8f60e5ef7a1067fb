package io.ikescope.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.session.Negotiation;
import io.ikescope.session.Reconstruct;
import io.ikescope.testsupport.TestPaths;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Verdicts on committed lab matrix captures (core/src/test/resources/matrix/README.md): capture points and a
 * libreswan responder that the samples do not have.
 */
class MatrixCapturesTest {

    private static Diagnosis diagnose(String file) throws Exception {
        Path capture = TestPaths.repositoryRoot().resolve("core/src/test/resources/matrix").resolve(file);
        List<Negotiation> all = Reconstruct.run(capture).negotiations();
        assertThat(all).as(file).hasSize(1);
        return Diagnoser.diagnose(all.get(0));
    }

    /** UNDETERMINED, with NAT_T_BLOCKED and AUTH_FAILED both left standing. */
    private static Diagnosis blockedOrAuthFailed(String file) throws Exception {
        Diagnosis d = diagnose(file);
        assertThat(d.verdict().code()).as(file).isEqualTo(VerdictCode.UNDETERMINED);
        assertThat(d.alternatives()).as(file).anyMatch(a -> a.code() == VerdictCode.NAT_T_BLOCKED && !a.ruledOut())
                .anyMatch(a -> a.code() == VerdictCode.AUTH_FAILED && !a.ruledOut());
        return d;
    }

    @Test
    void atTheResponderMm5NeverArrivesWhileLibreswanReSendsMm4() throws Exception {
        Diagnosis d = diagnose("v1-natt-blocked.libreswan-responder.at-responder.pcap");
        assertThat(d.verdict().code()).isEqualTo(VerdictCode.NAT_T_BLOCKED);
        assertThat(d.verdict().certainty()).isEqualTo(Certainty.INFERRED);
        assertThat(d.verdict().summary()).contains("its MM5 goes to UDP 4500");
    }

    @Test
    void atTheInitiatorSilenceFromLibreswanFitsBothABlockedPortAndAPskMismatch() throws Exception {
        // The same run seen at the initiator, and a real PSK mismatch with the same libreswan responder: on the wire
        // both are MM5 on UDP 4500 met by MM4 re-sent on libreswan's timer. Neither code alone is right.
        for (String file : List.of("v1-natt-blocked.libreswan-responder.at-initiator.pcap",
                "v1-main-psk-mismatch.libreswan-responder.encap.at-initiator.pcap")) {
            assertThat(blockedOrAuthFailed(file).verdict().summary()).as(file).contains("NAT_T_BLOCKED or AUTH_FAILED");
        }
    }

    @Test
    void aPeerReSendingOnTheSameTimerAsOursDoesNotProveOurMessageArrived() throws Exception {
        // libreswan at both ends: MM4 re-sent on the responder's own 1, 2, 4 s timer follows each MM5 copy within
        // 0.2 ms, in the blocked run as in the PSK mismatch. Read as a reaction it ruled NAT_T_BLOCKED out and
        // gave AUTH_FAILED for the blocked run (the daemons logged NAT_T_BLOCKED). The timer explains the copies.
        for (String file : List.of("v1-natt-blocked.libreswan-both.at-initiator.pcap",
                "v1-main-psk-mismatch.libreswan-both.at-initiator.pcap")) {
            blockedOrAuthFailed(file);
        }
    }

    @Test
    void bothLibreswanTimersAreReadAlthoughTheyRunInStep() throws Exception {
        Path capture = TestPaths.repositoryRoot().resolve("core/src/test/resources/matrix")
                .resolve("v1-natt-blocked.libreswan-both.at-initiator.pcap");
        Negotiation n = Reconstruct.run(capture).negotiations().get(0);
        assertThat(n.initiatorImplementation().name()).isEqualTo("libreswan");
        assertThat(n.responderImplementation().name()).isEqualTo("libreswan");
    }

    @Test
    void aResponderCaptureEndingAtTheIkeSaInitAnswerNamesTheCandidates() throws Exception {
        Diagnosis d = diagnose("v2-natt-blocked.at-responder.pcap");
        assertThat(d.verdict().code()).isEqualTo(VerdictCode.UNDETERMINED);
        assertThat(d.verdict().explanation()).contains("NAT_T_BLOCKED").contains("FRAGMENTATION_LOSS")
                .contains("INCOMPLETE");
    }
}
