package io.ikescope.probe.net;

/** Monotonic time and sleeping, replaceable in tests so that no unit test waits for real time. */
public interface ProbeClock {
    long nanoTime();

    void sleepNanos(long nanos) throws InterruptedException;

    /** Wall-clock time in microseconds since the epoch, for pcap timestamps. */
    long epochMicros();

    ProbeClock SYSTEM = new ProbeClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleepNanos(long nanos) throws InterruptedException {
            if (nanos > 0) {
                Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
            }
        }

        @Override
        public long epochMicros() {
            java.time.Instant now = java.time.Instant.now();
            return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
        }
    };
}
