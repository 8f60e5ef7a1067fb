package io.ikescope.probe.ikev2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ikescope.net.IkeDatagram;
import io.ikescope.probe.testsupport.SampleMessages;
import io.ikescope.testsupport.TestPaths;
import io.ikescope.wire.IkeDecoder;
import io.ikescope.wire.KeyExchangePayload;
import io.ikescope.wire.Payload;
import io.ikescope.wire.SecurityAssociationPayload;
import io.ikescope.wire.Transform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The answer reader on real responders' answers from the committed lab captures. */
class Ikev2AnswerTest {
    private static List<IkeDatagram> sample(String name) throws Exception {
        Path p = TestPaths.sample(name + ".pcap");
        assumeTrue(Files.exists(p), "sample " + p + " missing");
        return SampleMessages.read(p);
    }

    @Test
    void invalidKeNamesTheGroupTheInitiatorThenRetriedWith() throws Exception {
        List<IkeDatagram> m = sample("ikev2-dh-invalid-ke-ok");
        Ikev2Answer a = Ikev2Answer.of(m.get(1).ike());
        assertThat(a.kind()).isEqualTo(Ikev2Answer.Kind.INVALID_KE);
        assertThat(a.group()).isEqualTo(keGroup(m.get(2).ike()));
    }

    @Test
    void noProposalChosenFromStrongSwanAndLibreswan() throws Exception {
        for (String name : List.of("ikev2-proposal-mismatch", "libreswan-ikev2-proposal-mismatch")) {
            Ikev2Answer a = Ikev2Answer.of(sample(name).get(1).ike());
            assertThat(a.kind()).as(name).isEqualTo(Ikev2Answer.Kind.NO_PROPOSAL_CHOSEN);
            assertThat(a.notifyName()).isEqualTo("NO_PROPOSAL_CHOSEN");
        }
    }

    @Test
    void aChosenProposalIsOneTheInitiatorOffered() throws Exception {
        List<IkeDatagram> m = sample("ikev2-psk-ok");
        Ikev2Answer a = Ikev2Answer.of(m.get(1).ike());
        assertThat(a.kind()).isEqualTo(Ikev2Answer.Kind.CHOSEN);
        Ikev2Suite s = a.chosen();
        assertThat(s.group()).isEqualTo(keGroup(m.get(1).ike()));
        List<Transform> offered = offered(m.get(0).ike());
        assertThat(offered).anyMatch(t -> t.type() == Ikev2Transform.ENCR && t.id() == s.encryption().id());
        assertThat(offered).anyMatch(t -> t.type() == Ikev2Transform.PRF && t.id() == s.prf());
        assertThat(s.encryptionName()).isNotBlank();
    }

    @Test
    void aRequestIsNoAnswer() throws Exception {
        Ikev2Answer a = Ikev2Answer.of(sample("ikev2-psk-ok").get(0).ike());
        assertThat(a.kind()).isEqualTo(Ikev2Answer.Kind.OTHER);
    }

    @Test
    void garbageIsNoAnswerAndDoesNotThrow() {
        assertThat(Ikev2Answer.of(new byte[3]).kind()).isEqualTo(Ikev2Answer.Kind.OTHER);
        assertThat(Ikev2Answer.of(new byte[40]).kind()).isEqualTo(Ikev2Answer.Kind.OTHER);
    }

    private static int keGroup(byte[] ike) {
        for (Payload p : IkeDecoder.decode(ike).payloads()) {
            if (p instanceof KeyExchangePayload k) {
                return k.dhGroup();
            }
        }
        throw new AssertionError("no KE payload");
    }

    private static List<Transform> offered(byte[] ike) {
        for (Payload p : IkeDecoder.decode(ike).payloads()) {
            if (p instanceof SecurityAssociationPayload sa) {
                return sa.proposals().stream().flatMap(x -> x.transforms().stream()).toList();
            }
        }
        throw new AssertionError("no SA payload");
    }
}
