package io.ikescope.watch;

/**
 * The clock of a live run: the latest packet's capture time, moved on by the wall clock while no packet comes. A
 * replayed capture thus runs on its own timestamps however fast it is read, and a quiet live capture still reaches
 * its timeouts.
 */
final class LiveClock {
    private long captureNanos = Long.MIN_VALUE;
    private long wallAtPacket;

    void packet(long epochNanos, long wallNanos) {
        if (epochNanos > captureNanos) {
            captureNanos = epochNanos;
        }
        wallAtPacket = wallNanos;
    }

    /** Long.MIN_VALUE before the first packet. */
    long now(long wallNanos) {
        return captureNanos == Long.MIN_VALUE ? Long.MIN_VALUE : captureNanos + Math.max(0, wallNanos - wallAtPacket);
    }
}
