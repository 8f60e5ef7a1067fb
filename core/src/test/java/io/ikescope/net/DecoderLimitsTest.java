package io.ikescope.net;

import io.ikescope.fuzz.FuzzSeedsAccess;
import io.ikescope.testsupport.IkeSurgery;
import io.ikescope.testsupport.TestPaths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The state bounds of reassembly and TCP against inputs built to cost memory or work: every cap holds, and
 * hitting one is a warning (nothing is dropped silently). The bytes carried are a real IKE_SA_INIT request
 * (samples/ikev2-psk-ok.pcap); only the way it is cut up is hostile.
 */
class DecoderLimitsTest {
    private final List<String> warnings = new ArrayList<>();
    private final Diagnostics diagnostics = new Diagnostics(new PacketSink() {
        @Override
        public void onIke(IkeDatagram message) {
        }

        @Override
        public void onWarning(String warning) {
            warnings.add(warning);
        }
    });

    private static byte[] realIke() {
        return FuzzSeedsAccess.ikeDatagrams(TestPaths.sample("ikev2-psk-ok.pcap")).get(0).ike();
    }

    private static final byte[] ADDRESSES = {(byte) 198, 51, 100, 1, (byte) 198, 51, 100, 2};

    @Test
    void aDatagramInMoreThanTheMaximumNumberOfPiecesIsDroppedWithAWarning() {
        byte[] ike = realIke();
        FragmentReassembler r = new FragmentReassembler(DecoderOptions.defaults(), diagnostics);
        // 8-byte fragments every 16 bytes: holes everywhere, so the datagram never completes.
        int frame = 0;
        for (int offset = 0; offset < 65_520; offset += 16) {
            frame++;
            assertThat(r.add(4, ADDRESSES.clone(), 7, 17, -1, offset, true, ike, offset % (ike.length - 8), 8,
                    frame, frame, 64)).isNull();
        }
        assertThat(warnings).containsExactly("IP fragments from frame 1 never formed a whole datagram: it came in"
                + " more than " + FragmentReassembler.MAX_PIECES + " pieces (the limit per datagram) at frame "
                + (FragmentReassembler.MAX_PIECES + 1));
        // The later fragments start the datagram afresh and stay below the limit: one drop.
        assertThat(diagnostics.counters.fragmentsUnusable).isEqualTo(1);
        assertThat(diagnostics.counters.datagramsIncomplete).isEqualTo(1);
    }

    @Test
    void tinyFragmentsAreChargedTheirBookkeeping() {
        byte[] ike = realIke();
        // Room for exactly 100 one-byte pieces: 100 * (1 + 64) bytes.
        DecoderOptions options = DecoderOptions.defaults().withFragmentLimits(1024, 100 * 65, 30_000_000_000L, 100_000);
        FragmentReassembler r = new FragmentReassembler(options, diagnostics);
        for (int id = 1; id <= 100; id++) {
            r.add(4, ADDRESSES.clone(), id, 17, -1, 0, true, ike, id, 1, id, id, 64);
        }
        assertThat(warnings).isEmpty();
        r.add(4, ADDRESSES.clone(), 101, 17, -1, 0, true, ike, 101, 1, 101, 101, 64);
        assertThat(warnings).containsExactly("IP fragments from frame 1 never formed a whole datagram: the reassembly"
                + " limit (1024 datagrams, 6500 bytes) was reached at frame 101");
        assertThat(diagnostics.counters.datagramsIncomplete).isEqualTo(1);
    }

    @Test
    void aDatagramExpiresOnTimeWhenTheOneBeforeItCompletedAndTheClockWentBackwards() {
        byte[] ike = realIke();
        long second = 1_000_000_000L;
        FragmentReassembler r = new FragmentReassembler(DecoderOptions.defaults(), diagnostics);
        // datagram 1 at 100 s, datagram 2 at 50 s (a capture whose timestamps went back), then 1 completes
        r.add(4, ADDRESSES.clone(), 1, 17, -1, 0, true, ike, 0, 16, 1, 100 * second, 64);
        r.add(4, ADDRESSES.clone(), 2, 17, -1, 0, true, ike, 0, 16, 2, 50 * second, 64);
        assertThat(r.add(4, ADDRESSES.clone(), 1, 17, -1, 16, false, ike, 16, 16, 3, 100 * second, 64)).isNotNull();
        r.expire(4, 79 * second);
        assertThat(warnings).isEmpty();
        // more than 30 s after datagram 2 began, though not after the one that completed
        r.expire(5, 81 * second);
        assertThat(warnings).containsExactly("IP fragments from frame 2 never formed a whole datagram: no further"
                + " fragment arrived within 30 s / 100000 frames");
        assertThat(r.isIdle()).isTrue();
    }

    /** RFC 8229 framing of the real message: 16-bit length, non-ESP marker, the message. */
    private static byte[] framed(byte[] ike) {
        byte[] f = new byte[2 + 4 + ike.length];
        IkeSurgery.putU16(f, 0, f.length);
        System.arraycopy(ike, 0, f, 6, ike.length);
        return f;
    }

    @Test
    void allTcpDirectionsTogetherStayBelowTheTotalBound() {
        byte[] message = framed(realIke());
        assertThat(message.length).isGreaterThan(300);
        long total = 100_000;
        DecoderOptions options = DecoderOptions.defaults().withTcpLimits(4096, 65_535, total);
        List<Integer> delivered = new ArrayList<>();
        TcpStreams tcp = new TcpStreams(options, diagnostics, new TcpStreams.Messages() {
            @Override
            public void ike(TcpStreams.Direction d, byte[] b, int at, int length, long frame, long nanos) {
                delivered.add(d.srcPort);
            }

            @Override
            public void esp(TcpStreams.Direction d, byte[] b, int at, int length, long frame, long nanos) {
            }
        });
        // 200 clients each send all but the last byte of the message, growing their buffers; none completes.
        for (int port = 10_000; port < 10_200; port++) {
            tcp.segment(ADDRESSES.clone(), "198.51.100.1", port, "198.51.100.2", 4500, 1000, 0, message, 0,
                    message.length - 1, true, port, port);
            assertThat(tcp.held()).isLessThanOrEqualTo(total);
        }
        assertThat(warnings).hasSize(1).first().asString()
                .startsWith("frame ").contains(": TCP streams would together buffer more than 100000 bytes;"
                        + " the least recently active ones were dropped (first 198.51.100.1:10000 -> 198.51.100.2:4500)");
        assertThat(diagnostics.counters.tcpStreamsDropped).isPositive();
        // The most recent client is still there: its last byte completes its message.
        tcp.segment(ADDRESSES.clone(), "198.51.100.1", 10_199, "198.51.100.2", 4500, 1000 + message.length - 1, 0,
                message, message.length - 1, 1, true, 201, 201);
        assertThat(delivered).containsExactly(10_199);
    }

    @Test
    void aFloodOfOneByteSegmentsAheadOfAGapIsBoundedPerDirection() {
        byte[] message = framed(realIke());
        TcpStreams tcp = new TcpStreams(DecoderOptions.defaults().withTcpLimits(16, 65_535), diagnostics,
                new TcpStreams.Messages() {
                    @Override
                    public void ike(TcpStreams.Direction d, byte[] b, int at, int length, long frame, long nanos) {
                        throw new AssertionError("nothing can complete: the first byte never came");
                    }

                    @Override
                    public void esp(TcpStreams.Direction d, byte[] b, int at, int length, long frame, long nanos) {
                        throw new AssertionError("nothing can complete: the first byte never came");
                    }
                });
        tcp.segment(ADDRESSES.clone(), "198.51.100.1", 40_000, "198.51.100.2", 4500, 0, TcpStreams.SYN, message, 0, 0,
                true, 1, 1);
        int sent = 0;
        for (int offset = 1; offset < 10_000 && warnings.isEmpty(); offset++) {
            // Sequence 1 is the first data byte after the SYN; it never comes, later bytes (the message's, over
            // and over) do, one per segment.
            tcp.segment(ADDRESSES.clone(), "198.51.100.1", 40_000, "198.51.100.2", 4500, 1 + offset, 0, message,
                    offset % message.length, 1, true, offset + 1, offset + 1);
            sent++;
            assertThat(tcp.held()).isLessThanOrEqualTo(65_535 + 2048);
        }
        // 65 bytes charged per waiting byte: the bound is met after about a thousand segments.
        assertThat(sent).isBetween(900, 1100);
        assertThat(warnings).singleElement().asString().isEqualTo("frame " + (sent + 1) + ": TCP stream 198.51.100.1:40000"
                + " -> 198.51.100.2:4500 would buffer more than 65535 bytes (a gap that never fills?); it is no longer read");
    }
}
