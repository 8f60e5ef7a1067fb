package io.ikescope.report;

import io.ikescope.correlation.CaptureCorrelation;
import io.ikescope.correlation.CaptureCorrelation.Conclusion;
import io.ikescope.correlation.CaptureCorrelation.MergedMessage;
import io.ikescope.text.Columns;
import java.io.PrintWriter;
import java.util.function.BiConsumer;

/**
 * The text report's section for one IKE SA seen in several captures: the capture points in path order (each with a
 * letter), a table of every message with its frame in each capture, the count seen at all of them, and the
 * conclusions.
 */
final class CorrelationText {
    private static final int LABEL_WIDTH = 34;
    private static final int FRAME_WIDTH = 8;

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
        StringBuilder head = Columns.left(new StringBuilder("    "), "message", LABEL_WIDTH);
        for (int i = 0; i < k; i++) {
            Columns.right(head, CorrelationWords.letter(i), FRAME_WIDTH);
        }
        out.println(head);
        for (MergedMessage m : c.messages()) {
            String label = CorrelationWords.label(m.message());
            StringBuilder line = Columns.left(new StringBuilder("    "), label.length() > LABEL_WIDTH - 1
                    ? label.substring(0, LABEL_WIDTH - 1) : label, LABEL_WIDTH);
            for (Long frame : m.frames()) {
                Columns.right(line, frame == null ? "-" : frame.toString(), FRAME_WIDTH);
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
