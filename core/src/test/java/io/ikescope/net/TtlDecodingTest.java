package io.ikescope.net;

import static io.ikescope.testsupport.TestPaths.captureFixture;
import static io.ikescope.testsupport.TestPaths.sampleCapture;
import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.testsupport.RecordingSink;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The IP TTL / hop limit each IKE datagram carries, as tshark shows it ({@code -e ip.ttl -e ipv6.hlim}). */
class TtlDecodingTest {

    @Test
    void ipv4TtlIsTheSendersAsRoutedToTheCapture() throws Exception {
        // Topology nat, captured on the responder's veth: the initiator's datagrams crossed the NAT router (63), the
        // responder's left it unrouted (64).
        List<IkeDatagram> ike = DecodedCapture.of(sampleCapture("ikev2-nat-ok")).ike();
        assertThat(ike).extracting(IkeDatagram::ttl).containsExactly(63, 64, 63, 64, 63, 64);
    }

    @Test
    void ipv6HopLimitIsRead() throws Exception {
        // Topology direct6, no responder: the initiator's IKE_SA_INIT copies, hop limit 64 (the next-header byte
        // beside it is 17).
        assertThat(DecodedCapture.of(sampleCapture("ikev2-port-unreachable")).ike())
                .isNotEmpty().extracting(IkeDatagram::ttl).containsOnly(64);
    }

    @Test
    void tcpMessagesCarryTheirSegmentsTtl() throws Exception {
        assertThat(DecodedCapture.of(captureFixture("rfc8229-tcp.pcap")).ike())
                .isNotEmpty().extracting(IkeDatagram::ttl).containsOnly(64);
    }

    @Test
    void aReassembledDatagramHasItsFirstFragmentsTtl() {
        // The last fragment arrives first with another TTL (it took another route): the datagram keeps the first's.
        FragmentReassembler r = new FragmentReassembler(DecoderOptions.defaults(), new Diagnostics(new RecordingSink()));
        byte[] addresses = {(byte) 192, 0, 2, 1, (byte) 192, 0, 2, 2};
        byte[] data = new byte[16];
        assertThat(r.add(4, addresses.clone(), 9, 17, -1, 8, false, data, 8, 8, 1, 1, 50)).isNull();
        FragmentReassembler.Datagram whole = r.add(4, addresses.clone(), 9, 17, -1, 0, true, data, 0, 8, 2, 2, 61);
        assertThat(whole).isNotNull();
        assertThat(whole.ttl()).isEqualTo(61);
    }
}
