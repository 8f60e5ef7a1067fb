package io.ikescope.report;

import io.ikescope.correlation.CaptureCorrelation;
import io.ikescope.correlation.CaptureCorrelation.Conclusion;
import io.ikescope.correlation.CaptureCorrelation.MergedMessage;
import java.io.PrintWriter;
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
        out.println("  Seen at " + k + " capture points (" + CorrelationWords.order(c) + ")");
        for (int i = 0; i < k; i++) {
            wrap.accept("    " + CorrelationWords.letter(i) + "  ", c.captures().get(i).input() + " ("
                    + CorrelationWords.about(c, i) + ")");
        }
        StringBuilder head = new StringBuilder(String.format("    %-34s", "message"));
        for (int i = 0; i < k; i++) {
            head.append(String.format("%8s", CorrelationWords.letter(i)));
        }
        out.println(head);
        for (MergedMessage m : c.messages()) {
            String label = CorrelationWords.label(m.message());
            StringBuilder line = new StringBuilder(String.format("    %-34s", label.length() > 33
                    ? label.substring(0, 33) : label));
            for (Long frame : m.frames()) {
                line.append(String.format("%8s", frame == null ? "-" : frame.toString()));
            }
            out.println(line);
        }
        out.println("    " + CorrelationWords.seenEverywhere(c));
        for (Conclusion conclusion : c.conclusions()) {
            wrap.accept("    - ", conclusion.text());
        }
        out.println();
    }
}
