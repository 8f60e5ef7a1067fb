package io.ikescope.probe.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ikescope.probe.testsupport.SampleMessages;
import io.ikescope.testsupport.TestPaths;
import io.ikescope.wire.IkeDecoder;
import io.ikescope.wire.NotifyPayload;
import io.ikescope.wire.Payload;
import io.ikescope.wire.registry.Ikev2Registry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The answer shapes on real IKE_SA_INIT answers of the committed samples, certificate connections included. */
class AnswerShapesTest {
    private static List<String> notifyOrder(String sample) throws Exception {
        Path p = TestPaths.sample(sample + ".pcap");
        assumeTrue(Files.exists(p), "sample " + p + " missing");
        byte[] answer = SampleMessages.read(p).get(1).ike();
        List<String> order = new ArrayList<>();
        for (Payload x : IkeDecoder.decode(answer).payloads()) {
            if (x instanceof NotifyPayload n) {
                order.add(Ikev2Registry.NOTIFY_TYPE.describe(n.notifyType()));
            }
        }
        return order;
    }

    @Test
    void strongSwanAnswersLookLikeStrongSwan() throws Exception {
        for (String s : List.of("ikev2-psk-ok", "ikev2-cert-rsa-ok", "ikev2-cert-ecdsa-ok", "ikev2-nat-ok")) {
            Fingerprint f = AnswerShapes.match(notifyOrder(s));
            assertThat(f).as(s).isNotNull();
            assertThat(f.implementation()).as(s).isEqualTo("strongSwan");
            assertThat(f.inferred()).isTrue();
        }
    }

    @Test
    void libreswanAnswersLookLikeLibreswan() throws Exception {
        for (String s : List.of("libreswan-ikev2-psk-mismatch", "libreswan-ikev2-ts-mismatch")) {
            Fingerprint f = AnswerShapes.match(notifyOrder(s));
            assertThat(f).as(s + " " + notifyOrder(s)).isNotNull();
            assertThat(f.implementation()).as(s).isEqualTo("libreswan");
        }
    }

    @Test
    void anAnswerWithoutNotifiesNamesNoOne() {
        assertThat(AnswerShapes.match(List.of())).isNull();
        assertThat(AnswerShapes.match(List.of("NAT_DETECTION_SOURCE_IP"))).isNull();
    }
}
