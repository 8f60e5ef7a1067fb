package io.ikescope.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.session.MessageRecord;
import io.ikescope.session.Negotiation;
import io.ikescope.session.Reconstruct;
import io.ikescope.testsupport.TestPaths;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The words the text and HTML ladders use for a message, on real lab captures (tshark agrees on the facts). */
class LadderTextTest {

    private static MessageRecord frame(Negotiation n, long frame) {
        return n.messages().stream().filter(m -> m.frame() == frame).findFirst().orElseThrow();
    }

    @Test
    void ikev2RequestsAndResponsesNameTheirExchangeAndNotifies() throws Exception {
        // tshark: 1 IKE_SA_INIT request, 2 its response (80 bytes: INVALID_KE_PAYLOAD), 7 IKE_AUTH MID=01
        Negotiation n = Reconstruct.run(TestPaths.sampleCapture("ikev2-dh-invalid-ke-ok")).only();

        assertThat(LadderText.label(frame(n, 1))).isEqualTo("request IKE_SA_INIT #0");
        assertThat(LadderText.label(frame(n, 2))).isEqualTo("response IKE_SA_INIT #0");
        assertThat(LadderText.payloads(frame(n, 2))).isEqualTo("N(INVALID_KE_PAYLOAD)");
        assertThat(LadderText.label(frame(n, 7))).isEqualTo("request IKE_AUTH #1");
        // no keys: the IKE_AUTH content stays hidden and the ladder says how big the message was (tshark: a 350-byte
        // frame on UDP 4500, so 14 + 20 + 8 + 4 bytes of headers and non-ESP marker before 304 bytes of IKE)
        assertThat(LadderText.payloads(frame(n, 7))).isEqualTo("SK [encrypted, 304 bytes]");
    }

    @Test
    void ikev1MainModeStepsCollapseRepeatsAndShowDecryption() throws Exception {
        Path capture = TestPaths.sampleCapture("ikev1-main-psk-ok");
        Negotiation plain = Reconstruct.run(capture).only();
        Negotiation keyed = Reconstruct.runWithKeys(capture,
                List.of(capture.resolveSibling("ikev1-main-psk-ok.keys.log"))).only();

        assertThat(LadderText.label(frame(plain, 1))).isEqualTo("MM1 #0");
        assertThat(LadderText.payloads(frame(plain, 1))).startsWith("SA VIDx");
        assertThat(LadderText.label(frame(plain, 5))).isEqualTo("MM5 #0");
        assertThat(LadderText.payloads(frame(plain, 5))).matches("\\[encrypted, \\d+ bytes\\]");
        assertThat(LadderText.payloads(frame(keyed, 5))).startsWith("ID HASH").endsWith(" [decrypted]");
        assertThat(LadderText.label(frame(keyed, 7))).startsWith("QM1 #");
    }
}
