package io.ikescope.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.testsupport.TestPaths;
import org.junit.jupiter.api.Test;

/**
 * Capture point, NAT placement and forced encapsulation on the lab samples. What is true on each follows from its
 * scenario (lab/scenarios/NAME/setup and swanctl.conf; lab/README.md): topology {@code direct} is two namespaces on
 * one veth, {@code router}/{@code nat} a middle namespace ({@code nat} masquerades the initiator), the capture is on
 * the responder's veth unless {@code capture: initiator}; the default kernel backend, kernel-libipsec, makes charon
 * fake its NAT-D source hash, as {@code encap = yes} does; {@code kernel: netlink} without encap sends genuine hashes.
 */
class CaptureEvidenceSamplesTest {

    private static Negotiation only(String sample) throws Exception {
        return Reconstruct.run(TestPaths.sampleCapture(sample)).only();
    }

    @Test
    void directTopologyWithLibipsecOnBothSidesIsForcedEncapsulationByBothNotNat() throws Exception {
        // direct, kernel-libipsec on both: no router and no NAT between the peers, both fake their source hash.
        for (String sample : new String[] {"ikev1-quick-ts-mismatch", "ikev2-psk-ok"}) {
            Negotiation n = Reconstruct.run(TestPaths.sampleCapture(sample)).negotiations().get(0);
            assertThat(n.natDetected()).as(sample).isEqualTo("both"); // the contract's hash-only reading is unchanged
            assertThat(n.capturePoint().location()).as(sample).isEqualTo(CapturePoint.SAME_SEGMENT);
            assertThat(n.capturePoint().initiator().first()).isEqualTo(64);
            assertThat(n.capturePoint().responder().hops()).isZero();
            assertThat(n.nat().forcedEncapsulation()).as(sample).isEqualTo("both");
            assertThat(n.nat().natPlacement()).as(sample).isEqualTo("none");
            assertThat(n.nat().initiator().explanation()).contains("TTL 64").contains("force UDP encapsulation");
            assertThat(n.nat().summary()).isEqualTo("both peers force UDP encapsulation; no NAT between them");
        }
    }

    @Test
    void forcedEncapsulationConfiguredWithEncapYesIsToldApartFromNat() throws Exception {
        // direct, kernel netlink, encap = yes on both sides: again both fake their hashes.
        Negotiation n = only("ikev2-natt-blocked");
        assertThat(n.nat().forcedEncapsulation()).isEqualTo("both");
        assertThat(n.nat().natPlacement()).isEqualTo("none");
    }

    @Test
    void realNatInFrontOfTheInitiatorWithLibipsecStaysOpenForTheInitiator() throws Exception {
        // nat, kernel-libipsec, captured at the responder: the initiator is behind the masquerading router AND fakes
        // its hash; one router away (TTL 63) the capture cannot tell which of the two made its hash differ, so it
        // is never called forced encapsulation. The responder is untouched (TTL 64) and fakes its hash.
        for (String sample : new String[] {"ikev2-nat-ok", "ikev1-nat-ok"}) {
            Negotiation n = only(sample);
            assertThat(n.natDetected()).as(sample).isEqualTo("both");
            assertThat(n.capturePoint().location()).as(sample).isEqualTo(CapturePoint.AT_RESPONDER);
            assertThat(n.capturePoint().initiator().first()).isEqualTo(63);
            assertThat(n.capturePoint().initiator().hops()).isEqualTo(1);
            assertThat(n.nat().forcedEncapsulation()).as(sample).isEqualTo("responder");
            assertThat(n.nat().initiator().sourceHashMatches()).isFalse();
            assertThat(n.nat().initiator().forcesEncapsulation()).isNull();
            assertThat(n.nat().initiator().behindNat()).isNull();
            assertThat(n.nat().natPlacement()).isNull();
            assertThat(n.nat().summary()).contains("the initiator is behind a NAT or forces UDP encapsulation");
        }
    }

    @Test
    void genuineHashesBehindANatCapturedAtTheResponder() throws Exception {
        // nat, kernel netlink (genuine hashes): the initiator's hash is of its private address; from the responder's
        // side that looks the same as a faked hash, one hop away.
        Negotiation n = only("ikev2-nat-childless-ok");
        assertThat(n.natDetected()).isEqualTo("initiator");
        assertThat(n.nat().initiator().behindNat()).isNull();
        assertThat(n.nat().responder().forcesEncapsulation()).isFalse();
        assertThat(n.nat().responder().behindNat()).isFalse();
    }

    @Test
    void natShownByTheResponderHashWhenCapturedInsideTheNat() throws Exception {
        // nat, kernel netlink, capture: initiator. The initiator's own hash fits its private address as captured,
        // but the responder hashed the NAT's public address as its destination: the NAT is beyond the capture point.
        Negotiation n = only("ikev2-nat-natt-blocked");
        assertThat(n.capturePoint().location()).isEqualTo(CapturePoint.AT_INITIATOR);
        assertThat(n.capturePoint().responder().hops()).isEqualTo(1);
        assertThat(n.nat().natPlacement()).isEqualTo("initiator");
        assertThat(n.nat().forcedEncapsulation()).isEqualTo("none");
        assertThat(n.nat().initiator().explanation()).contains("NAT_DETECTION_DESTINATION_IP (frame 2)");
    }

    @Test
    void routerWithoutNatAndGenuineHashes() throws Exception {
        // router, kernel netlink: one hop between the peers, no NAT, genuine hashes.
        Negotiation n = only("ikev1-cert-ipfrag-loss");
        assertThat(n.capturePoint().location()).isEqualTo(CapturePoint.AT_RESPONDER);
        assertThat(n.nat().forcedEncapsulation()).isEqualTo("none");
        assertThat(n.nat().natPlacement()).isEqualTo("none");
    }

    @Test
    void unansweredInitiatorLeavesTheLocationOpen() throws Exception {
        // responder: none. Only the initiator's datagrams (TTL 64) are in the capture.
        Negotiation n = only("ikev2-no-response");
        assertThat(n.capturePoint().location()).isNull();
        assertThat(n.capturePoint().responder()).isNull();
        assertThat(n.capturePoint().initiator().untouched()).isTrue();
        assertThat(n.nat().forcedEncapsulation()).isNull();
    }
}
