package io.ikescope.net;

import io.ikescope.fuzz.FuzzSeedsAccess;
import io.ikescope.testsupport.IkeSurgery;
import io.ikescope.testsupport.TestPaths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Sequence numbers at the edges of the 32-bit space, carrying a real IKE_SA_INIT request (ikev2-psk-ok.pcap). */
class TcpSequenceEdgesTest {
    private static final byte[] ADDRESSES = {(byte) 198, 51, 100, 1, (byte) 198, 51, 100, 2};
    private final List<byte[]> delivered = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final TcpStreams tcp = new TcpStreams(DecoderOptions.defaults(), new Diagnostics(new PacketSink() {
        @Override
        public void onIke(IkeDatagram message) {
        }

        @Override
        public void onWarning(String warning) {
            warnings.add(warning);
        }
    }), new TcpStreams.Messages() {
        @Override
        public void ike(TcpStreams.Direction d, byte[] b, int at, int length, long frame, long nanos) {
            delivered.add(java.util.Arrays.copyOfRange(b, at, at + length));
        }

        @Override
        public void esp(TcpStreams.Direction d, byte[] b, int at, int length, long frame, long nanos) {
        }
    });

    private static byte[] framedRealIke() {
        byte[] ike = FuzzSeedsAccess.ikeDatagrams(TestPaths.sample("ikev2-psk-ok.pcap")).get(0).ike();
        byte[] f = new byte[6 + ike.length];
        IkeSurgery.putU16(f, 0, f.length);
        System.arraycopy(ike, 0, f, 6, ike.length);
        return f;
    }

    private void segment(long seq, int flags, byte[] b, int at, int length, long frame) {
        tcp.segment(ADDRESSES.clone(), "198.51.100.1", 40_000, "198.51.100.2", 4500, seq, flags, b, at, length, true,
                frame, frame);
    }

    @Test
    void aSegmentHalfTheSequenceSpaceBehindIsAnOldRetransmission() {
        byte[] message = framedRealIke();
        segment(0x7FFF_FFF0L, TcpStreams.SYN, message, 0, 0, 1);
        segment(0x7FFF_FFF1L, 0, message, 0, 10, 2);
        // 2^31 behind the next expected byte (0x7FFFFFFB): int arithmetic would overflow here.
        segment(0xFFFF_FFFBL, 0, message, 0, 73, 3);
        segment(0x7FFF_FFFBL, 0, message, 10, message.length - 10, 4);
        assertThat(delivered).hasSize(1);
        assertThat(delivered.get(0)).isEqualTo(java.util.Arrays.copyOfRange(message, 6, message.length));
    }

    @Test
    void aMessageAcrossTheSequenceWrapIsWhole() {
        byte[] message = framedRealIke();
        segment(0xFFFF_FF00L, TcpStreams.SYN, message, 0, 0, 1);
        segment(0xFFFF_FF01L, 0, message, 0, 300, 2);
        segment((0xFFFF_FF01L + 300) & 0xFFFF_FFFFL, 0, message, 300, message.length - 300, 3);
        assertThat(delivered).hasSize(1);
        assertThat(delivered.get(0)).isEqualTo(java.util.Arrays.copyOfRange(message, 6, message.length));
        assertThat(warnings).isEmpty();
    }
}
