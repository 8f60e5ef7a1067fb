/**
 * {@code diagnose --config}: each negotiation of a capture matched to the connections of the peers' configurations
 * it belongs to, and its verdict compared with (and refined by) what the configurations show or predict
 * ({@link io.ikescope.check.CheckSimulator}). The capture stays the evidence: a configuration that disagrees with it
 * is reported as such, never trusted over it.
 */
package io.ikescope.crosscheck;
