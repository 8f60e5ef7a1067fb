package io.ikescope.correlation;

import io.ikescope.diagnosis.evidence.CrossCaptureEvidence;
import io.ikescope.session.MessageRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One IKE SA seen in several captures: where each capture was taken along the path, every message of the merged
 * view with the frame that holds it in each capture, and what follows from the differences.
 *
 * @param captures     the capture points, ordered from the initiator's end to the responder's end when
 *                     {@code orderBasis} is known, else in the order given
 * @param baseIndex    the capture whose negotiation is reported (the most complete one)
 * @param orderBasis   how the order along the path was found: "timing" (each message passes the capture nearer
 *                     its sender first; the clock offset cancels out with messages both ways), "ttl" (the capture
 *                     points read from the TTLs), or null when neither tells
 * @param messages     the merged view in time order (in the base capture's clock)
 * @param conclusions  what the differences mean
 * @param evidence     the same, per message of the base negotiation, for the diagnosis
 */
public record CaptureCorrelation(List<CapturePointView> captures, int baseIndex, String orderBasis,
                                 List<MergedMessage> messages, List<Conclusion> conclusions,
                                 CrossCaptureEvidence evidence) {
    public static final String BY_TIMING = "timing";
    public static final String BY_TTL = "ttl";

    public CaptureCorrelation {
        captures = List.copyOf(captures);
        messages = List.copyOf(messages);
        conclusions = List.copyOf(conclusions);
    }

    /**
     * One capture of the IKE SA.
     *
     * @param input            the capture, as the user named it
     * @param negotiationId    the negotiation it gave on its own
     * @param end              "initiator" (nearest the initiator), "responder" (nearest the responder), "between",
     *                         or null when the order is not known
     * @param location         its capture point from the TTLs ({@code CapturePoint.location()}), or null
     * @param messages         the IKE messages it holds of this IKE SA
     * @param clockOffsetNanos its clock minus the base capture's clock (transit cancelled where messages went both
     *                         ways), or null when no message could be paired
     */
    public record CapturePointView(String input, String negotiationId, String end, String location, int messages,
                                   Long clockOffsetNanos) {
    }

    /**
     * One message of the merged view.
     *
     * @param message a record of it (from the base capture when it holds it)
     * @param seen    per capture (the order of {@code captures}) its record there, or null where it was not seen
     */
    public record MergedMessage(MessageRecord message, List<MessageRecord> seen) {
        public MergedMessage {
            seen = Collections.unmodifiableList(new ArrayList<>(seen));
        }

        /** The frame in each capture, null where not seen. */
        public List<Long> frames() {
            List<Long> out = new ArrayList<>(seen.size());
            for (MessageRecord m : seen) {
                out.add(m == null ? null : m.frame());
            }
            return Collections.unmodifiableList(out);
        }
    }

    /**
     * @param kind    "lost" (left one capture point, never reached the next one), "copies-lost" (some copies
     *                did not get through), "unanswered" (reached the capture nearest its receiver, no answer
     *                anywhere), "not-watched" (the next capture was not running then), "missed-near-sender" (at
     *                a capture farther from the sender only), "order" (the TTLs and the timing disagree)
     * @param text    the conclusion in words
     * @param message the merged message it is about (the first copy), or null
     */
    public record Conclusion(String kind, String text, MergedMessage message) {
    }

    /** The inputs, in the order of {@link #captures()}. */
    public List<String> inputs() {
        List<String> out = new ArrayList<>();
        captures.forEach(c -> out.add(c.input()));
        return out;
    }

    /**
     * For each frame of the base negotiation's messages, the inputs that hold that message, in the order of
     * {@link #captures()}.
     */
    public Map<Long, List<String>> seenAtByBaseFrame() {
        Map<Long, List<String>> out = new HashMap<>();
        for (MergedMessage m : messages) {
            MessageRecord atBase = m.seen().get(baseIndex);
            if (atBase == null) {
                continue;
            }
            List<String> at = new ArrayList<>();
            for (int i = 0; i < captures.size(); i++) {
                if (m.seen().get(i) != null) {
                    at.add(captures.get(i).input());
                }
            }
            out.put(atBase.frame(), List.copyOf(at));
        }
        return out;
    }
}
