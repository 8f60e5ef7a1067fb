package io.ikescope.probe.ikev1;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.probe.fingerprint.Fingerprint;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lifetime half of the timing fingerprint against the known lifetimes (lab facts). */
class Ikev1BackoffTest {
    private static final Fingerprint.Backoff NOT_RESENT = new Fingerprint.Backoff(List.of(), null,
            "the answer was not re-sent within 40 s");

    @Test
    void goneByTheRepeatIsStrongSwanKeptIsLibreswan() {
        Fingerprint.Backoff gone = Ikev1Backoff.withLifetime(NOT_RESENT, "MM1", null, Ikev1Backoff.REPEAT_SECONDS);
        assertThat(gone.match()).isEqualTo("strongSwan");
        assertThat(gone.stateGoneBySeconds()).isEqualTo(33.0);
        assertThat(gone.description()).contains("a new responder cookie");
        Fingerprint.Backoff kept = Ikev1Backoff.withLifetime(NOT_RESENT, "MM1", Ikev1Backoff.REPEAT_SECONDS, null);
        assertThat(kept.match()).isEqualTo("libreswan");
        assertThat(kept.stateKeptSeconds()).isEqualTo(33.0);
    }

    @Test
    void retransmissionsAndLifetimeThatDisagreeNameNobody() {
        Fingerprint.Backoff strongSwanCopies = new Fingerprint.Backoff(List.of(4.0, 11.2, 24.2), "strongSwan",
                "the answer came again at +4 s, +11.2 s, +24.2 s");
        Fingerprint.Backoff b = Ikev1Backoff.withLifetime(strongSwanCopies, "AM1", Ikev1Backoff.REPEAT_SECONDS, null);
        assertThat(b.match()).isNull();
        assertThat(b.description()).contains("no implementation is named");
        Fingerprint.Backoff agree = Ikev1Backoff.withLifetime(strongSwanCopies, "AM1", null,
                Ikev1Backoff.REPEAT_SECONDS);
        assertThat(agree.match()).isEqualTo("strongSwan");
    }

    @Test
    void noRepeatLeavesTheRetransmissionReadingAlone() {
        assertThat(Ikev1Backoff.withLifetime(NOT_RESENT, "MM1", null, null)).isSameAs(NOT_RESENT);
    }
}
