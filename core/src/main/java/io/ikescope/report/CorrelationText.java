package io.ikescope.report;

import io.ikescope.correlation.CaptureCorrelation;
import io.ikescope.correlation.CaptureCorrelation.CapturePointView;
import io.ikescope.correlation.CaptureCorrelation.Conclusion;
import io.ikescope.correlation.CaptureCorrelation.MergedMessage;
import io.ikescope.session.MessageRecord;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The text report's section for one IKE SA seen in several captures: the capture points in path order (each with a
 * letter), a table of every message with its frame in each capture, the count seen at all of them, and the
 * conclusions.
 */
final class CorrelationText {
    private CorrelationText() {
    }

    /** @param wrap prints a prefix and a text wrapped after it */
    static void write(PrintWriter out, CaptureCorrelation c, BiConsumer<String, String> wrap) {
        int k = c.captures().size();
        String order = c.orderBasis() == null ? "in the order given; which is nearer which peer is not known"
                : "initiator's end first, ordered by " + (CaptureCorrelation.BY_TIMING.equals(c.orderBasis())
                ? "timing" : "the TTLs");
        out.println("  Seen at " + k + " capture points (" + order + ")");
        for (int i = 0; i < k; i++) {
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
                about.add(String.format("clock %+.6f s", v.clockOffsetNanos() / 1e9));
            }
            if (i == c.baseIndex()) {
                about.add("reported above");
            }
            wrap.accept("    " + letter(i) + "  ", v.input() + " (" + String.join(", ", about)
                    + ")");
        }
        StringBuilder head = new StringBuilder(String.format("    %-34s", "message"));
        for (int i = 0; i < k; i++) {
            head.append(String.format("%8s", letter(i)));
        }
        out.println(head);
        int everywhere = 0;
        for (MergedMessage m : c.messages()) {
            StringBuilder line = new StringBuilder(String.format("    %-34s", label(m.message())));
            boolean all = true;
            for (Long frame : m.frames()) {
                line.append(String.format("%8s", frame == null ? "-" : frame.toString()));
                all &= frame != null;
            }
            everywhere += all ? 1 : 0;
            out.println(line);
        }
        String all = k == 2 ? "both capture points" : "all " + k + " capture points";
        out.println("    " + (everywhere == c.messages().size() ? "every message (" + everywhere + ") was seen at "
                + all : everywhere + " of " + c.messages().size() + " messages were seen at " + all
                + "; '-': not in that capture"));
        for (Conclusion conclusion : c.conclusions()) {
            wrap.accept("    - ", conclusion.text());
        }
        out.println();
    }

    private static String label(MessageRecord m) {
        String step = m.step();
        String name = step.equals("request") || step.equals("response") ? m.exchange() + " " + step + " #"
                + m.messageId() : step.equals("notification") ? "Informational #" + m.messageId() : step;
        name = (m.from().jsonName().equals("initiator") ? "I> " : "R> ") + name;
        if (m.fragment() != null) {
            name += " frag " + m.fragment().number();
        }
        return name.length() > 33 ? name.substring(0, 33) : name;
    }

    private static String location(String location) {
        return switch (location) {
            case "initiator" -> "at the initiator's side";
            case "responder" -> "at the responder's side";
            case "segment" -> "on the segment both peers share";
            default -> "on the path";
        };
    }

    /** A, B, C ... (AA past Z, never reached with the captures anyone gives). */
    private static String letter(int i) {
        return i < 26 ? String.valueOf((char) ('A' + i)) : "C" + i;
    }
}
