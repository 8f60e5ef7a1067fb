/**
 * Live diagnosis ({@code ikescope watch}): the session tracker fed from a stream, each negotiation's verdict emitted
 * as soon as the evidence settles ({@link LiveDiagnosis}), as {@link WatchEvent}s.
 */
package io.ikescope.watch;
