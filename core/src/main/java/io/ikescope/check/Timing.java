package io.ikescope.check;

import io.ikescope.config.Origin;

/**
 * When one end rekeys and when its SA expires.
 *
 * @param rekeySeconds  null when this end never rekeys
 * @param lifeSeconds   hard lifetime, null when unknown
 * @param jitterSeconds the most the implementation subtracts at random from the rekey time (collision avoidance)
 */
public record Timing(Long rekeySeconds, Long lifeSeconds, long jitterSeconds, Origin rekeyOrigin, Origin lifeOrigin) {

    /** The earliest second after establishment at which this end starts a rekey; null when never. */
    public Long earliestRekey() {
        return rekeySeconds == null ? null : Math.max(0, rekeySeconds - jitterSeconds);
    }
}
