package io.ikescope.session;

import static io.ikescope.testsupport.TestPaths.sampleCapture;
import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.net.IcmpUnreachable;
import java.io.IOException;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * ICMP errors reach the negotiation whose request they quote: by the quoted SPIs, else by the quoted addresses and
 * ports; errors fitting no live negotiation are not kept, and a negotiation keeps a bounded number.
 */
class IcmpErrorTrackingTest {

    private static IcmpUnreachable withoutSpis(IcmpUnreachable e) {
        return new IcmpUnreachable(e.frame(), e.epochNanos(), e.sender(), e.ipVersion(), e.type(), e.code(),
                e.quotedSrc(), e.quotedSrcPort(), e.quotedDst(), e.quotedDstPort(), null, null, 0);
    }

    private static Negotiation only(String sample, UnaryOperator<IcmpUnreachable> icmp) throws IOException {
        return Reconstruct.runRewritingIcmp(sampleCapture(sample), TrackerOptions.defaults(), icmp).only();
    }

    @Test
    void eachPortUnreachableIsTiedToTheRequestItQuotesBySpi() throws IOException {
        for (String sample : new String[] {"ikev2-port-unreachable", "ikev2-no-response", "ikev1-no-response"}) {
            Negotiation n = Reconstruct.run(sampleCapture(sample)).only();
            assertThat(n.icmpErrors()).as(sample).extracting(IcmpError::frame).containsExactly(2L, 4L, 6L);
            assertThat(n.icmpErrors()).as(sample).extracting(IcmpError::quotedFrame).containsExactly(1L, 3L, 5L);
            assertThat(n.icmpErrors()).as(sample).allSatisfy(e -> {
                assertThat(e.bySpi()).isTrue();
                assertThat(e.refused()).isEqualTo(Role.INITIATOR);
                assertThat(e.icmp().spiI()).isEqualTo(n.spiI());
            });
        }
    }

    @Test
    void aQuoteWithoutTheIkeHeaderIsTiedByAddressesAndPorts() throws IOException {
        Negotiation n = only("ikev1-admin-prohibited", IcmpErrorTrackingTest::withoutSpis);
        assertThat(n.icmpErrors()).extracting(IcmpError::quotedFrame).containsExactly(1L, 3L, 5L);
        assertThat(n.icmpErrors()).allSatisfy(e -> {
            assertThat(e.bySpi()).isFalse();
            assertThat(e.refused()).isEqualTo(Role.INITIATOR);
            assertThat(e.icmp().sender()).isEqualTo("198.51.100.34");
        });
    }

    @Test
    void anErrorQuotingNoLiveNegotiationIsNotKept() throws IOException {
        // Other SPIs and a port this negotiation never used: nothing ties the error to it.
        Negotiation otherSpis = only("ikev2-port-unreachable", e -> new IcmpUnreachable(e.frame(), e.epochNanos(),
                e.sender(), e.ipVersion(), e.type(), e.code(), e.quotedSrc(), 4500, e.quotedDst(), 4500,
                "0123456789abcdef", "0000000000000000", 2));
        assertThat(otherSpis.icmpErrors()).isEmpty();
        // Other addresses and no SPIs.
        Negotiation otherPeers = only("ikev2-port-unreachable", e -> withoutSpis(new IcmpUnreachable(e.frame(),
                e.epochNanos(), e.sender(), e.ipVersion(), e.type(), e.code(), "2001:db8::99", 500, e.quotedDst(), 500,
                null, null, 0)));
        assertThat(otherPeers.icmpErrors()).isEmpty();
        // The same errors unchanged are kept, so the changes above are what made the difference.
        assertThat(only("ikev2-port-unreachable", e -> e).icmpErrors()).hasSize(3);
    }

    @Test
    void aNegotiationKeepsAtMostItsMessageLimitOfErrors() throws IOException {
        TrackerOptions two = new TrackerOptions(4096, 3_600_000_000_000L, 2, 64, 1024);
        Negotiation n = Reconstruct.runRewritingIcmp(sampleCapture("ikev2-port-unreachable"), two, e -> e).only();
        assertThat(n.icmpErrors()).extracting(IcmpError::frame).containsExactly(2L, 4L);
        assertThat(n.notes()).contains("1 later ICMP errors were counted but not kept (limit 2 per negotiation)");
    }
}
