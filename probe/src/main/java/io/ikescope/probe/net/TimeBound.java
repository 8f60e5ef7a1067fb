package io.ikescope.probe.net;

/** The whole run's time bound: nothing is sent, and no wait lasts, past it. */
public final class TimeBound {
    private final ProbeClock clock;
    private final long deadline;

    public TimeBound(ProbeClock clock, long limitNanos) {
        this.clock = clock;
        this.deadline = clock.nanoTime() + limitNanos;
    }

    public long remainingNanos() {
        return Math.max(0, deadline - clock.nanoTime());
    }

    public boolean expired() {
        return remainingNanos() == 0;
    }

    /** The earlier of now + {@code nanos} and the bound, as a deadline on the clock. */
    public long deadlineIn(long nanos) {
        long now = clock.nanoTime();
        return now + Math.min(nanos, Math.max(0, deadline - now));
    }
}
