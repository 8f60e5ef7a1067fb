package io.ikescope.probe.ikev1;

import static io.ikescope.probe.ikev1.ProberFixture.MILLIS;
import static io.ikescope.probe.ikev1.ProberFixture.channel;
import static io.ikescope.probe.ikev1.ProberFixture.first;
import static io.ikescope.probe.ikev1.ProberFixture.options;
import static io.ikescope.probe.ikev1.ProberFixture.prober;
import static io.ikescope.probe.ikev1.ProberFixture.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ikescope.probe.fingerprint.Fingerprint;
import io.ikescope.probe.net.ProbeChannel;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The backoff fingerprint: one accepted MM1 left unanswered, the responder's MM2 copies timed. */
class Ikev1ProberBackoffTest {
    @Test
    void theCopiesOfTheLastMm2AreTimedAndRead() throws Exception {
        Ikev1Suite accepted = first(1).get(0);
        // copies 100, 200 and 400 ms after each MM2: doubling from 0.1 s
        try (FakeIkev1Responder fake = new FakeIkev1Responder(Set.of(accepted), Integer.MAX_VALUE, Long.MAX_VALUE,
                List.of(100L, 200L, 400L));
             ProbeChannel ch = channel(fake, 1000, 10_000 * MILLIS)) {
            long start = System.nanoTime();
            Ikev1Result r = prober(ch, settings(100, 2), options(false, true, 550, 0), first(10)).run();
            assertThat(System.nanoTime() - start).as("the 550 ms window ends the listening")
                    .isLessThan(5_000 * MILLIS);
            Fingerprint.Backoff b = r.fingerprint().backoff();
            assertThat(b).isNotNull();
            assertThat(b.intervalsSeconds()).hasSize(3);
            assertThat(b.intervalsSeconds().get(0)).isCloseTo(0.1, within(0.03));
            assertThat(b.intervalsSeconds().get(1)).isCloseTo(0.2, within(0.03));
            assertThat(b.intervalsSeconds().get(2)).isCloseTo(0.4, within(0.03));
            assertThat(b.match()).isEqualTo("libreswan");
            assertThat(r.fingerprint().implementation()).isEqualTo("libreswan");
            assertThat(r.fingerprint().basis()).isEqualTo(Fingerprint.BACKOFF);
            assertThat(r.probes()).isEqualTo(1 + 1 + 1); // batch, re-offer refused, fingerprint MM1
            assertThat(r.complete()).isTrue();
        }
    }

    @Test
    void anAnswerNeverResentGivesAnEmptySchedule() throws Exception {
        Ikev1Suite accepted = first(1).get(0);
        try (FakeIkev1Responder fake = FakeIkev1Responder.accepting(Set.of(accepted));
             ProbeChannel ch = channel(fake, 1000, 10_000 * MILLIS)) {
            Ikev1Result r = prober(ch, settings(100, 2), options(false, true, 150, 0), first(10)).run();
            assertThat(r.fingerprint().backoff().intervalsSeconds()).isEmpty();
            assertThat(r.fingerprint().backoff().match()).isNull();
            assertThat(r.fingerprint().implementation()).isNull();
        }
    }
}
