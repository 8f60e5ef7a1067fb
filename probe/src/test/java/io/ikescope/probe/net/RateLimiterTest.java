package io.ikescope.probe.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    /** A clock that only moves when slept on. */
    static final class FakeClock implements ProbeClock {
        long now;
        final List<Long> sleeps = new ArrayList<>();

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleepNanos(long nanos) {
            sleeps.add(nanos);
            now += nanos;
        }

        @Override
        public long epochMicros() {
            return now / 1000;
        }
    }

    @Test
    void packetsLeaveNoCloserThanTheInterval() throws Exception {
        FakeClock clock = new FakeClock();
        RateLimiter limiter = new RateLimiter(clock, 4);
        List<Long> departures = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            limiter.acquire();
            departures.add(clock.now);
        }
        assertThat(departures).containsExactly(0L, 250_000_000L, 500_000_000L, 750_000_000L, 1_000_000_000L);
    }

    @Test
    void timeSpentElsewhereCountsTowardsTheInterval() throws Exception {
        FakeClock clock = new FakeClock();
        RateLimiter limiter = new RateLimiter(clock, 10);
        limiter.acquire();
        clock.now += 60_000_000L; // waiting for an answer
        limiter.acquire();
        assertThat(clock.now).isEqualTo(100_000_000L);
        clock.now += 500_000_000L;
        limiter.acquire();
        assertThat(clock.sleeps).containsExactly(40_000_000L);
    }

    @Test
    void refusesRatesOutsideItsRange() {
        assertThatThrownBy(() -> new RateLimiter(new FakeClock(), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimiter(new FakeClock(), 5000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theTimeBoundEndsAtItsLimit() {
        FakeClock clock = new FakeClock();
        TimeBound bound = new TimeBound(clock, 1_000);
        assertThat(bound.deadlineIn(5_000)).isEqualTo(1_000);
        clock.now = 1_000;
        assertThat(bound.expired()).isTrue();
    }
}
