package io.ikescope.probe;

/**
 * How each probe is asked.
 *
 * @param tries           sends of one request before it counts as unanswered (a lost datagram is not a refusal)
 * @param waitNanos       how long each send waits for its answer
 * @param maxCombinations full proposals tested after the per-type pass; beyond it the result says what was left
 * @param silentLimit     consecutive unanswered probes, after earlier answers, that end a pass (the peer
 *                        stopped answering: a rate or half-open limit)
 */
public record ProbeSettings(int tries, long waitNanos, int maxCombinations, int silentLimit) {
    public ProbeSettings {
        if (tries < 1 || waitNanos <= 0 || maxCombinations < 0 || silentLimit < 1) {
            throw new IllegalArgumentException("tries, wait and silent limit must be positive");
        }
    }
}
