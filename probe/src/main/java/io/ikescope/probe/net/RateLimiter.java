package io.ikescope.probe.net;

/**
 * Spaces the probe's packets at most {@code packetsPerSecond} apart, counting every packet sent (a probe re-sent
 * for lack of an answer is a packet too). A responder must never see a burst from us.
 */
public final class RateLimiter {
    private final ProbeClock clock;
    private final long intervalNanos;
    private long nextAllowed;
    private boolean started;

    public RateLimiter(ProbeClock clock, double packetsPerSecond) {
        if (!(packetsPerSecond > 0) || packetsPerSecond > 1000) {
            throw new IllegalArgumentException("rate must be above 0 and at most 1000 packets per second, not "
                    + packetsPerSecond);
        }
        this.clock = clock;
        this.intervalNanos = (long) (1_000_000_000L / packetsPerSecond);
    }

    /** Waits until the next packet may leave, then books its slot. */
    public void acquire() throws InterruptedException {
        long now = clock.nanoTime();
        if (started && now < nextAllowed) {
            clock.sleepNanos(nextAllowed - now);
            now = clock.nanoTime();
        }
        started = true;
        nextAllowed = Math.max(now, nextAllowed) + intervalNanos;
    }

    /** Nanoseconds until the next packet may leave (0 when it may leave now). */
    public long waitNanos() {
        return started ? Math.max(0, nextAllowed - clock.nanoTime()) : 0;
    }

    public long intervalNanos() {
        return intervalNanos;
    }
}
