package io.ikescope.report;

import io.ikescope.correlation.CaptureCorrelation;
import io.ikescope.correlation.CaptureCorrelation.CapturePointView;
import io.ikescope.correlation.CaptureCorrelation.MergedMessage;
import io.ikescope.session.MessageRecord;
import io.ikescope.text.Decimals;
import java.util.ArrayList;
import java.util.List;

/**
 * The words the text and HTML reports use for one IKE SA seen in several captures, so both say the same: the
 * order of the capture points, each point's description, a message's label and the count seen everywhere.
 */
public final class CorrelationWords {
    private CorrelationWords() {
    }

    /** "initiator's end first, ordered by the TTLs", or that the order is the one given. */
    public static String order(CaptureCorrelation c) {
        return c.orderBasis() == null ? "in the order given; which is nearer which peer is not known"
                : "initiator's end first, ordered by " + (CaptureCorrelation.BY_TIMING.equals(c.orderBasis())
                ? "timing" : "the TTLs");
    }

    /** What is known of capture point {@code i}: its negotiation, end, TTL location, messages, clock offset. */
    public static String about(CaptureCorrelation c, int i) {
        CapturePointView v = c.captures().get(i);
        List<String> about = new ArrayList<>();
        about.add("negotiation " + v.negotiationId());
        if (v.end() != null) {
            about.add(v.end().equals("between") ? "between the ends" : "the " + v.end() + "'s end");
        }
        if (v.location() != null) {
            about.add("TTLs: " + location(v.location()));
        }
        about.add(v.messages() + " messages");
        if (i != c.baseIndex() && v.clockOffsetNanos() != null) {
            about.add("clock " + Decimals.signedHalfUp(v.clockOffsetNanos() / 1e9, 6) + " s");
        }
        if (i == c.baseIndex()) {
            about.add("reported above");
        }
        return String.join(", ", about);
    }

    /** "I> IKE_AUTH request #1", "R> Informational #2", an IKEv1 step ("MM5"), with the fragment number. */
    public static String label(MessageRecord m) {
        String step = m.step();
        String name = step.equals("request") || step.equals("response") ? m.exchange() + " " + step + " #"
                + m.messageId() : step.equals("notification") ? "Informational #" + m.messageId() : step;
        name = (m.from().jsonName().equals("initiator") ? "I> " : "R> ") + name;
        if (m.fragment() != null) {
            name += " frag " + m.fragment().number();
        }
        return name;
    }

    /** How many messages every capture point saw, in a sentence. */
    public static String seenEverywhere(CaptureCorrelation c) {
        int k = c.captures().size();
        int everywhere = 0;
        for (MergedMessage m : c.messages()) {
            everywhere += m.frames().contains(null) ? 0 : 1;
        }
        String all = k == 2 ? "both capture points" : "all " + k + " capture points";
        return everywhere == c.messages().size() ? "every message (" + everywhere + ") was seen at " + all
                : everywhere + " of " + c.messages().size() + " messages were seen at " + all
                + "; '-': not in that capture";
    }

    /** A, B, C ... for the capture points. */
    public static String letter(int i) {
        return i < 26 ? String.valueOf((char) ('A' + i)) : "C" + i;
    }

    private static String location(String location) {
        return switch (location) {
            case "initiator" -> "at the initiator's side";
            case "responder" -> "at the responder's side";
            case "segment" -> "on the segment both peers share";
            default -> "on the path";
        };
    }
}
