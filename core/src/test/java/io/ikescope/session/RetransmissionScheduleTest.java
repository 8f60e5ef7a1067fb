package io.ikescope.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.testsupport.TestPaths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Retransmission timing read as an implementation's default, on schedules from the field notes and on the lab. */
class RetransmissionScheduleTest {

    private static RetransmissionSchedule at(double... seconds) {
        List<Long> nanos = new ArrayList<>();
        for (double s : seconds) {
            nanos.add(Math.round(s * 1e9));
        }
        return RetransmissionSchedule.read(1, nanos);
    }

    @Test
    void strongSwanDefaultsAreGeometricFromFourSeconds() {
        // retransmit_timeout 4.0, retransmit_base 1.8: packets at 0, 4, 11.2, 24.16 s (field notes 2.1)
        RetransmissionSchedule s = at(0, 4, 11.2, 24.16);
        assertThat(s.resembles()).isEqualTo("strongSwan");
        assertThat(s.base()).isCloseTo(1.8, org.assertj.core.data.Offset.offset(0.01));
        assertThat(s.description()).contains("first wait 4 s, its default");
    }

    @Test
    void libreswanResendsAtItsIntervalTimesPowersOfTwo() {
        // retransmit-interval 500 ms: DELAY, DELAY, 2 DELAY, 4 DELAY (libreswan v4.10 retransmit.c)
        assertThat(at(0, 0.5, 1, 2, 4).resembles()).isEqualTo("libreswan");
        // a copy missing (excluded as a reply to a duplicate) keeps the shape
        assertThat(at(0, 0.5, 2, 4).resembles()).isEqualTo("libreswan");
    }

    @Test
    void panOsDoublesItsWaitsFromOneSecond() {
        assertThat(at(0, 1, 3, 7, 15).resembles()).isEqualTo("PAN-OS");
    }

    @Test
    void constantOrIrregularWaitsNameNoImplementation() {
        assertThat(at(0, 2, 4, 6).resembles()).isNull();
        assertThat(at(0, 2, 4, 6).description()).contains("constant waits");
        assertThat(at(0, 1, 5, 5.5).resembles()).isNull();
        assertThat(at(0, 2.5).resembles()).isNull();
    }

    @Test
    void labStrongSwanAndLibreswanAreRecognisedByShape() throws Exception {
        // The lab runs charon with retransmit_timeout 1.0, retransmit_base 1.4: +1.0 s, +2.4 s.
        Negotiation n = Reconstruct.run(TestPaths.sampleCapture("ikev2-no-response")).only();
        assertThat(n.initiatorImplementation().name()).isEqualTo("strongSwan");
        assertThat(n.initiatorImplementation().basis()).isEqualTo(Fingerprint.RETRANSMISSIONS);
        assertThat(n.initiatorImplementation().inferred()).isTrue();
        assertThat(n.initiatorImplementation().evidence()).containsExactly("retransmissions of frame 1 at +1.0 s,"
                + " +2.4 s (waits 1.0 s, 1.4 s): geometric, base 1.4: strongSwan-like (retransmit_base, default 1.8)");
        assertThat(n.responderImplementation()).isNull();

        // libreswan 4.10 responder re-sends MM4 on its own timer (+0.5, +1, +2, +4 s; the copy at +1 s leaves 0.2 ms
        // after the initiator's MM5 copy and is set aside as a possible reply) while strongSwan re-sends MM5.
        Negotiation l = Reconstruct.run(TestPaths.sampleCapture("libreswan-ikev1-main-psk-mismatch")).only();
        assertThat(l.responderImplementation().name()).isEqualTo("libreswan");
        assertThat(l.initiatorImplementation().name()).isEqualTo("strongSwan");
    }

    @Test
    void noRetransmissionsAndNoProductVendorIdMeanNoFingerprint() throws Exception {
        // strongSwan sends no product vendor ID unless send_vendor_id = yes; IKEv1 capability IDs name nobody.
        Negotiation n = Reconstruct.run(TestPaths.sampleCapture("ikev1-main-psk-ok")).only();
        assertThat(n.initiatorImplementation()).isNull();
        assertThat(n.responderImplementation()).isNull();
    }
}
