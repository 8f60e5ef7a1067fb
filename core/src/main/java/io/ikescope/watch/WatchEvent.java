package io.ikescope.watch;

import io.ikescope.diagnosis.Diagnosis;
import io.ikescope.diagnosis.VerdictCode;
import io.ikescope.session.Negotiation;

/**
 * One verdict of a live run.
 *
 * @param kind        what happened
 * @param atNanos     the capture clock when it was decided (the latest packet's time, moved on by the wall clock
 *                    while the stream is quiet)
 * @param negotiation the negotiation as it stood then
 * @param diagnosis   its diagnosis then
 * @param previous    the verdict emitted before for the same negotiation, or null
 */
public record WatchEvent(Kind kind, long atNanos, Negotiation negotiation, Diagnosis diagnosis, VerdictCode previous) {

    public enum Kind {
        /** The first verdict: the messages settled on one a peer's message states or implies. */
        VERDICT("verdict"),
        /** The first verdict after the stall timeout: the negotiation stopped without a stated outcome. */
        STALLED("stalled"),
        /** A later verdict that differs from the one emitted (a rekey, a delete, a late answer, the final one). */
        UPDATE("update");

        private final String jsonName;

        Kind(String jsonName) {
            this.jsonName = jsonName;
        }

        public String jsonName() {
            return jsonName;
        }
    }
}
