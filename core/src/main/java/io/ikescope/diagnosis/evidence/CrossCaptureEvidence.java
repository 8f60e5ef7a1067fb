package io.ikescope.diagnosis.evidence;

import io.ikescope.session.MessageRecord;
import java.util.List;
import java.util.Map;

/**
 * What captures of the same IKE SA taken at other points say about the messages of the negotiation being
 * diagnosed: did each one reach the capture point nearest its receiver? Built by the cross-capture correlation;
 * absent when a negotiation was seen in one capture only.
 *
 * @param sightings  per frame of the diagnosed negotiation's messages (every copy of a request under each copy's
 *                   frame), what the capture nearest the receiver shows; a message already at the receiver's end of
 *                   the diagnosed capture has none
 * @param conclusions the cross-capture conclusions in words (lost on the path, arrived and not answered ...), for
 *                   the verdict's explanation
 */
public record CrossCaptureEvidence(Map<Long, Sighting> sightings, List<String> conclusions) {
    public CrossCaptureEvidence {
        sightings = Map.copyOf(sightings);
        conclusions = List.copyOf(conclusions);
    }

    /** Did a message (any of its copies) reach the capture point nearest its receiver? */
    public enum Arrival {
        /** That capture holds it. */
        REACHED,
        /** That capture was running while the message would have arrived and does not hold it. */
        LOST,
        /**
         * That capture's last packet came before the message would have arrived, and a capture file does not
         * record when the capture stopped: lost on the way, unless that capture had already stopped.
         */
        ABSENT_AFTER_END,
        /** That capture holds nothing of the IKE SA before the message (or its clock is unknown): it cannot tell. */
        NOT_WATCHED
    }

    /**
     * @param arrival        what the capture nearest the receiver shows
     * @param input          that capture
     * @param atReceiver     its datagrams of the receiver arrive untouched (TTL): it was taken at the receiver's
     *                       side, so a message there reached the receiver's segment
     * @param frames         the message's copies in that capture (empty when it does not hold them)
     * @param copiesSent     copies of the message in the diagnosed capture
     */
    public record Sighting(Arrival arrival, String input, boolean atReceiver, List<Long> frames, int copiesSent) {
        public Sighting {
            frames = List.copyOf(frames);
        }
    }

    /** The sighting for one message of the diagnosed negotiation, or null. */
    public Sighting of(MessageRecord m) {
        return sightings.get(m.frame());
    }
}
